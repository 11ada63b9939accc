/**
 * The performance benchmark: builds the full site over synthetic corpora of
 * 1,000 and 10,000 articles, and a bare Astro site over the same Markdown as
 * the floor, then prints the figures and checks the budgets.
 *
 * Usage: npm run bench [-- --sizes 1000,10000] [--runs 3] [--seed 1] [--keep] [--json results.json] [--root dir]
 *
 * `--root` builds another copy of the project as the full site (a scratch
 * copy with a candidate fix); node_modules and the bare site stay this repo's.
 *
 * Everything happens in a fresh temporary directory: the corpora, each build's
 * own Astro cache (GT_CACHE_DIR) and output (--outDir). The real content/ and
 * dist/ are never touched. See docs/performance.md.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatProblems, type Problem } from "../src/lib/content/problems.ts";
import { generateCorpus, writeCorpus } from "./bench/generate.ts";
import { hasGnuTime, measureSite, runBuild, type BuildRun, type SiteFigures } from "./bench/measure.ts";
import { writeRoutes } from "./bench/routes.ts";
import { formatSearchFigures, measureSearch, type SearchFigures } from "./bench/search.ts";

/** The budgets of the issue; never loosened. */
const BUDGET = {
  /** Full build (site + Pagefind) over the bare one (site + Pagefind), wall time and peak memory. */
  ratio: 1.3,
  /** Per page: gzip(HTML) + gzip(linked CSS). */
  gzipBytes: 15 * 1024,
  /** Per page: raw HTML. */
  rawBytes: 100 * 1024,
  /** A warm rebuild (Astro's cache kept, one article added) over the cold full build. */
  warmRatio: 0.8,
  /** From 1k to 10k articles, figures may grow at most this much over 10×. */
  growthSlack: 1.25,
  /** The only page type allowed to load JavaScript. */
  jsPageTypes: ["search"],
  /** Search at 4× CPU slowdown: the slowest query's time to first results, cold (fresh page) and warm (next query). */
  searchColdMs: 1000,
  searchWarmMs: 300,
};

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000" },
    seed: { type: "string", default: "1" },
    keep: { type: "boolean", default: false },
    json: { type: "string" },
    root: { type: "string" },
    runs: { type: "string", default: "3" },
  },
});
const sizes = values.sizes
  .split(",")
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const seed = Number(values.seed);
const runs = Math.max(1, Number(values.runs));

const root = path.resolve(import.meta.dirname, "..");
const NODE = path.join(root, "node_modules/.bin/node");
const ASTRO = path.join(root, "node_modules/astro/bin/astro.mjs");
/** The project built as the full site. */
const fullRoot = values.root ? path.resolve(values.root) : root;
const work = mkdtempSync(path.join(os.tmpdir(), "gt-bench-"));

const mb = (bytes: number | null) =>
  bytes === null ? "n/a" : `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 ** 2 ? 1 : 0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sec = (ms: number | null) => (ms === null ? "n/a" : `${(ms / 1000).toFixed(1)} s`);
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);
const fmtRatio = (r: number | null) => (r === null ? "n/a" : `${r.toFixed(2)}×`);
const pass = (ok: boolean | null) => (ok === null ? "n/a" : ok ? "PASS" : "FAIL");

function machine(): string {
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? os.cpus()[0]?.model ?? "?";
  const version = (pkg: string) =>
    (JSON.parse(readFileSync(path.join(root, "node_modules", pkg, "package.json"), "utf8")) as { version: string })
      .version;
  return [
    `CPU: ${cpu}, ${os.availableParallelism()} logical CPUs`,
    `Memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB`,
    `OS: ${os.type()} ${os.release()}`,
    `Node ${process.version}, Astro ${version("astro")}, Pagefind ${version("pagefind")}`,
    `Timing: ${hasGnuTime() ? "/usr/bin/time (GNU time) for CPU and peak RSS" : "no /usr/bin/time: CPU and max RSS n/a"}`,
  ].join("\n");
}

/** A bare site directory: the template, and a node_modules of symlinks so Vite's caches stay in the temp dir. */
function prepareBareSite(): string {
  const dir = path.join(work, "bare-site");
  cpSync(path.join(root, "scripts/bench/bare"), dir, { recursive: true });
  const modules = path.join(dir, "node_modules");
  mkdirSync(modules);
  for (const entry of readdirSync(path.join(root, "node_modules"))) {
    if (entry === ".astro" || entry === ".vite" || entry === ".cache") continue;
    symlinkSync(path.join(root, "node_modules", entry), path.join(modules, entry));
  }
  return dir;
}

async function buildOne(
  kind: "full" | "bare",
  n: number,
  contentDir: string,
  bareSite: string,
  run: number | string,
  measure: boolean,
  routesFile: string,
  cacheDir = path.join(work, `cache-${kind}-${n}-run${run}`),
): Promise<{ build: BuildRun; site: SiteFigures | null; leftovers: string[]; outDir: string; cacheDir: string }> {
  const label = `${kind}-${n}-run${run}`;
  const outDir = path.join(work, `out-${label}`);
  // Flush the file system first, so that the kernel's work for files written or deleted before this build does not
  // land on it. On this machine's disk (ext4 mounted with online discard), deleting the previous build's output just
  // before a build of 10,000 articles made it 4–7 s slower (docs/performance.md, method).
  execFileSync("sync");
  const build = await runBuild({
    node: NODE,
    astro: ASTRO,
    cwd: kind === "full" ? fullRoot : bareSite,
    outDir,
    env: { GT_CONTENT_DIR: contentDir, GT_CACHE_DIR: cacheDir, GT_BARE_ROUTES: routesFile },
    logFile: path.join(work, `${label}.log`),
  });
  if (build.exitCode !== 0) {
    console.error(readFileSync(build.logFile, "utf8").split("\n").slice(-40).join("\n"));
    throw new Error(`The ${kind} build of ${n} articles failed (exit ${build.exitCode}); log: ${build.logFile}`);
  }
  const site = measure ? measureSite(outDir, { gzip: BUDGET.gzipBytes, raw: BUDGET.rawBytes }) : null;
  return { build, site, leftovers: values.keep && measure ? [cacheDir] : [outDir, cacheDir], outDir, cacheDir };
}

/** Several builds of one site: wall and CPU time are their minimum (other load only ever adds time), memory their median. */
function combine(builds: BuildRun[]): BuildRun & { wallRuns: number[] } {
  const nums = (pick: (b: BuildRun) => number | null) =>
    builds
      .map(pick)
      .filter((v): v is number => v !== null)
      .sort((a, b) => a - b);
  const min = (pick: (b: BuildRun) => number | null) => nums(pick)[0] ?? null;
  const median = (pick: (b: BuildRun) => number | null) => {
    const v = nums(pick);
    return v.length === 0 ? null : (v[Math.floor((v.length - 1) / 2)] as number);
  };
  const first = builds[0] as BuildRun;
  return {
    ...first,
    wallMs: min((b) => b.wallMs) as number,
    cpuMs: min((b) => b.cpuMs),
    maxRssBytes: median((b) => b.maxRssBytes),
    treeRssBytes: median((b) => b.treeRssBytes) as number,
    pagefindMs: min((b) => b.pagefindMs),
    renderStartMs: min((b) => b.renderStartMs),
    wallRuns: builds.map((b) => b.wallMs),
  };
}

interface SiteRun {
  build: BuildRun & { wallRuns: number[] };
  site: SiteFigures;
}

interface CorpusRun {
  n: number;
  poolSize: number;
  generateMs: number;
  validateMs: number;
  bare: SiteRun;
  full: SiteRun;
  /** The full site rebuilt with the first run's Astro cache, after one article was added. */
  warm: BuildRun;
  routes: number;
  /** Search in Chromium on this corpus's index. */
  search?: SearchFigures;
}

/** CPU time so far, all cores: [idle, total] jiffies from /proc/stat (zeros where there is none). */
function cpuTimes(): [number, number] {
  const line = existsSync("/proc/stat") ? (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "") : "";
  const fields = line.split(/\s+/).slice(1).map(Number);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return [idle, fields.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0)];
}

/**
 * Waits for the machine to settle after the builds before timing the search: their gigabytes of output are flushed
 * to disk (sync), then until two seconds in a row are 90 % idle, at most a minute. Returns the time waited, ms.
 */
async function settle(): Promise<number> {
  const started = performance.now();
  execFileSync("sync");
  let quietSeconds = 0;
  while (quietSeconds < 2 && performance.now() - started < 60_000) {
    const [idle0, total0] = cpuTimes();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const [idle1, total1] = cpuTimes();
    const share = total1 > total0 ? (idle1 - idle0) / (total1 - total0) : 1;
    quietSeconds = share >= 0.9 ? quietSeconds + 1 : 0;
  }
  return performance.now() - started;
}

async function benchCorpus(n: number, bareSite: string, runs: number, quiet = false): Promise<CorpusRun> {
  const dir = path.join(work, `content-${n}`);
  let t = performance.now();
  const corpus = generateCorpus(n, seed);
  writeCorpus(dir, corpus);
  const generateMs = performance.now() - t;
  // `npm run validate` as an editor runs it: a new process, the same code path as the build's check.
  t = performance.now();
  const validation = spawnSync(process.execPath, [path.join(root, "scripts/validate.ts"), "--json"], {
    cwd: work,
    env: { ...process.env, GT_CONTENT_DIR: dir },
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  const validateMs = performance.now() - t;
  if (validation.status !== 0) {
    const report = JSON.parse(validation.stdout || "{}") as { problems?: Problem[] };
    throw new Error(`The generated corpus is invalid:\n${formatProblems(report.problems ?? [])}${validation.stderr}`);
  }
  if (!quiet) {
    console.log(
      `\n${n} articles, ${corpus.poolSize} proposals in the pool: generated in ${sec(generateMs)}; npm run validate: valid in ${sec(validateMs)}`,
    );
  }
  const builds: Record<"bare" | "full", BuildRun[]> = { bare: [], full: [] };
  const sites: Record<"bare" | "full", SiteFigures | null> = { bare: null, full: null };
  // Each build's output and cache are removed once every run of this size is done, not between builds.
  const leftovers: string[] = [];
  // The floor writes the URLs the first full build wrote.
  const routesFile = path.join(work, `routes-${n}.json`);
  let routes = 0;
  let firstFullCache = "";
  let firstFullOut = "";
  for (let run = 1; run <= runs; run++) {
    // Alternate the order, so a drift in the machine's load weighs on both sites alike (full first in run 1).
    const order = run % 2 === 1 ? (["full", "bare"] as const) : (["bare", "full"] as const);
    for (const kind of order) {
      const one = await buildOne(kind, n, dir, bareSite, run, run === 1, routesFile);
      const { build, site, leftovers: left } = one;
      if (kind === "full" && run === 1) {
        routes = writeRoutes(one.outDir, routesFile);
        firstFullCache = one.cacheDir;
        firstFullOut = one.outDir;
      }
      leftovers.push(...left);
      builds[kind].push(build);
      if (site) sites[kind] = site;
      if (!quiet) {
        console.log(
          `  run ${run} ${kind}: ${sec(build.wallMs)} wall, ${sec(build.cpuMs)} CPU, ${mb(build.maxRssBytes)}, load ${os
            .loadavg()[0]
            ?.toFixed(1)}`,
        );
      }
    }
  }
  // Search in Chromium at 4× CPU slowdown, on this corpus's index: bytes fetched and time to first results.
  let search: SearchFigures | undefined;
  if (!quiet) {
    const waited = await settle();
    search = await measureSearch(firstFullOut);
    console.log(`  search measured on the ${n}-article index (after ${sec(waited)} for the machine to settle)`);
  }
  // A warm rebuild: the first full run's Astro cache, and one article more (the newest again, under another slug).
  const articlesDir = path.join(dir, "articles");
  const newest = readdirSync(articlesDir).sort().at(-1) as string;
  writeFileSync(
    path.join(articlesDir, `${newest.slice(0, 10)}-bench-warm-rebuild.md`),
    readFileSync(path.join(articlesDir, newest)),
  );
  const warm = await buildOne("full", n, dir, bareSite, "warm", false, routesFile, firstFullCache);
  leftovers.push(...warm.leftovers);
  if (!quiet) console.log(`  warm full rebuild (one article added): ${sec(warm.build.wallMs)} wall`);
  for (const left of leftovers) rmSync(left, { recursive: true, force: true });
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
  return {
    n,
    poolSize: corpus.poolSize,
    generateMs,
    validateMs,
    bare: { build: combine(builds.bare), site: sites.bare as SiteFigures },
    full: { build: combine(builds.full), site: sites.full as SiteFigures },
    warm: warm.build,
    routes,
    ...(search ? { search } : {}),
  };
}

/** `articles/x/index.html` → `/articles/x/`. */
const shortPath = (rel: string) => `/${rel.replace(/index\.html$/, "")}`;

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

const PAGE_TYPES = [
  "home",
  "timeline",
  "timeline-filter",
  "proposals-index",
  "proposal",
  "proposal-sources",
  "compare",
  "article",
  "actors-index",
  "actor",
  "kinds-index",
  "kind",
  "about",
  "search",
  "404",
  "other",
];

function report(run: CorpusRun): string {
  const { bare, full } = run;
  const row = (label: string, b: string, f: string, r: number | null) => [label, b, f, fmtRatio(r)];
  const minus = (a: number, b: number | null) => (b === null ? null : a - b);
  const lines = [
    `### ${run.n.toLocaleString("en")} articles (${run.poolSize} proposals in the pool; best of ${run.bare.build.wallRuns.length} runs)`,
    "",
    table(
      ["", "bare", "full", "full/bare"],
      [
        row(
          "Build wall time (site + Pagefind)",
          sec(bare.build.wallMs),
          sec(full.build.wallMs),
          ratio(full.build.wallMs, bare.build.wallMs),
        ),
        [
          "Wall time, each run (ratio: run by run)",
          bare.build.wallRuns.map((ms) => sec(ms)).join(", "),
          full.build.wallRuns.map((ms) => sec(ms)).join(", "),
          // Runs of one number are built back to back, so their ratio shows how much the machine drifted meanwhile.
          full.build.wallRuns.map((ms, i) => fmtRatio(ratio(ms, bare.build.wallRuns[i] ?? null))).join(", "),
        ],
        row(
          "CPU time (user + sys)",
          sec(bare.build.cpuMs),
          sec(full.build.cpuMs),
          ratio(full.build.cpuMs, bare.build.cpuMs),
        ),
        row(
          "Peak RSS, largest process",
          mb(bare.build.maxRssBytes),
          mb(full.build.maxRssBytes),
          ratio(full.build.maxRssBytes, bare.build.maxRssBytes),
        ),
        row(
          "Peak RSS, process tree (sampled)",
          mb(bare.build.treeRssBytes),
          mb(full.build.treeRssBytes),
          ratio(full.build.treeRssBytes, bare.build.treeRssBytes),
        ),
        row("Pages written", String(bare.site.pages), String(full.site.pages), ratio(full.site.pages, bare.site.pages)),
        ["URLs besides articles (floor from the full build)", String(run.routes), String(run.routes), ""],
        row(
          "Site without Pagefind (wall)",
          sec(minus(bare.build.wallMs, bare.build.pagefindMs)),
          sec(minus(full.build.wallMs, full.build.pagefindMs)),
          ratio(minus(full.build.wallMs, full.build.pagefindMs), minus(bare.build.wallMs, bare.build.pagefindMs)),
        ),
        row(
          "…of which before page rendering",
          sec(bare.build.renderStartMs),
          sec(full.build.renderStartMs),
          ratio(full.build.renderStartMs, bare.build.renderStartMs),
        ),
        row(
          "Pagefind time",
          sec(bare.build.pagefindMs),
          sec(full.build.pagefindMs),
          ratio(full.build.pagefindMs, bare.build.pagefindMs),
        ),
        row(
          "Pagefind pages indexed",
          String(bare.build.pagefindPages),
          String(full.build.pagefindPages),
          ratio(full.build.pagefindPages, bare.build.pagefindPages),
        ),
        row(
          "Pagefind index size",
          `${mb(bare.site.pagefindBytes)} (${bare.site.pagefindFiles} files)`,
          `${mb(full.site.pagefindBytes)} (${full.site.pagefindFiles} files)`,
          ratio(full.site.pagefindBytes, bare.site.pagefindBytes),
        ),
        row(
          "Output size",
          mb(bare.site.distBytes),
          mb(full.site.distBytes),
          ratio(full.site.distBytes, bare.site.distBytes),
        ),
      ],
    ),
    "",
    `Page types of the full site (heaviest page by gzip(HTML) + gzip(CSS); raw HTML; JavaScript, raw bytes incl. imports):`,
    "",
    table(
      [
        "Page type",
        "Pages",
        "All pages, raw",
        "Heaviest gz HTML+CSS",
        "Heaviest raw HTML",
        "JS per page (max)",
        "Pages with JS",
      ],
      PAGE_TYPES.filter((t) => full.site.byType[t]).map((t) => {
        const f = full.site.byType[t] as SiteFigures["byType"][string];
        return [
          t,
          String(f.pages),
          mb(f.totalRaw),
          `${kb(f.gzip.bytes)} (${shortPath(f.gzip.path)})`,
          `${kb(f.raw.bytes)} (${shortPath(f.raw.path)})`,
          kb(f.js.bytes),
          String(f.pagesWithJs),
        ];
      }),
    ),
  ];
  if (run.search) lines.push("", formatSearchFigures(run.search));
  const bareArticle = bare.site.byType["article"];
  if (bareArticle) {
    lines.push("", `Bare site: ${bareArticle.pages} article pages, heaviest ${kb(bareArticle.gzip.bytes)} gzipped.`);
  }
  return lines.join("\n");
}

interface Verdict {
  budget: string;
  ok: boolean | null;
  detail: string;
}

function verdicts(runs: CorpusRun[]): Verdict[] {
  const out: Verdict[] = [];
  for (const run of runs) {
    const { bare, full } = run;
    const wall = ratio(full.build.wallMs, bare.build.wallMs);
    const rss = ratio(full.build.maxRssBytes, bare.build.maxRssBytes);
    const tree = ratio(full.build.treeRssBytes, bare.build.treeRssBytes);
    out.push({
      budget: `${run.n}: wall time full/bare ≤ ${BUDGET.ratio}×`,
      ok: wall === null ? null : wall <= BUDGET.ratio,
      detail: `${fmtRatio(wall)} (${sec(full.build.wallMs)} vs ${sec(bare.build.wallMs)})`,
    });
    const warm = ratio(run.warm.wallMs, full.build.wallMs);
    // The issue sets this budget at 10,000 articles; smaller corpora print the figure only.
    out.push({
      budget: `${run.n}: warm rebuild (cache kept, one article added) ≤ ${BUDGET.warmRatio}× the cold full build`,
      ok: warm === null || run.n < 10000 ? null : warm <= BUDGET.warmRatio,
      detail: `${fmtRatio(warm)} (${sec(run.warm.wallMs)} vs ${sec(full.build.wallMs)})`,
    });
    out.push({
      budget: `${run.n}: peak memory full/bare ≤ ${BUDGET.ratio}× (largest process)`,
      ok: rss === null ? null : rss <= BUDGET.ratio,
      detail: `${fmtRatio(rss)} (${mb(full.build.maxRssBytes)} vs ${mb(bare.build.maxRssBytes)})`,
    });
    out.push({
      budget: `${run.n}: peak memory full/bare ≤ ${BUDGET.ratio}× (process tree)`,
      ok: tree === null ? null : tree <= BUDGET.ratio,
      detail: `${fmtRatio(tree)} (${mb(full.build.treeRssBytes)} vs ${mb(bare.build.treeRssBytes)})`,
    });
    const overGzip = full.site.overGzip;
    out.push({
      budget: `${run.n}: every page ≤ ${kb(BUDGET.gzipBytes)} gzipped HTML+CSS`,
      ok: overGzip.length === 0,
      detail:
        overGzip.length === 0
          ? "none over"
          : `${overGzip.length} over: ${overGzip
              .slice(0, 5)
              .map((p) => `${p.path} ${kb(p.bytes)}`)
              .join(", ")}`,
    });
    const overRaw = full.site.overRaw;
    out.push({
      budget: `${run.n}: no page over ${kb(BUDGET.rawBytes)} raw`,
      ok: overRaw.length === 0,
      detail:
        overRaw.length === 0
          ? "none over"
          : `${overRaw.length} over: ${overRaw
              .slice(0, 5)
              .map((p) => `${p.path} ${kb(p.bytes)}`)
              .join(", ")}`,
    });
    if (run.search) {
      const slowest = (timings: SearchFigures["cold"]) =>
        timings.reduce((worst, t) => (t.ms > worst.ms ? t : worst), timings[0] as SearchFigures["cold"][number]);
      for (const [which, limit] of [
        ["cold", BUDGET.searchColdMs],
        ["warm", BUDGET.searchWarmMs],
      ] as const) {
        const worst = slowest(run.search[which]);
        out.push({
          budget: `${run.n}: search ${which}, first results ≤ ${limit} ms at ${run.search.cpuSlowdown}× CPU slowdown`,
          ok: worst.ms <= limit,
          detail: `slowest “${worst.query}” ${Math.round(worst.ms)} ms (median of ${run.search.runs} runs)`,
        });
      }
    }
    const withJs = Object.entries(full.site.byType).filter(
      ([type, f]) => f.pagesWithJs > 0 && !BUDGET.jsPageTypes.includes(type),
    );
    out.push({
      budget: `${run.n}: JavaScript only on the search page`,
      ok: withJs.length === 0 && (full.site.byType["search"]?.pagesWithJs ?? 0) <= 1,
      detail:
        withJs.length === 0
          ? `search: ${kb(full.site.byType["search"]?.js.bytes ?? 0)}; every other type: 0`
          : withJs.map(([type, f]) => `${type}: ${f.pagesWithJs} pages, up to ${kb(f.js.bytes)}`).join("; "),
    });
  }
  const small = runs.find((r) => r.n === 1000) ?? runs[0];
  const large = runs.find((r) => r.n === 10000) ?? runs.at(-1);
  if (small && large && large.n > small.n) {
    const scale = large.n / small.n;
    for (const kind of ["full", "bare"] as const) {
      const wall = ratio(large[kind].build.wallMs, small[kind].build.wallMs);
      const rss = ratio(large[kind].build.maxRssBytes, small[kind].build.maxRssBytes);
      out.push({
        budget: `${kind}: growth ${small.n} → ${large.n} close to linear (≤ ${(scale * BUDGET.growthSlack).toFixed(1)}×)`,
        ok:
          wall === null
            ? null
            : wall <= scale * BUDGET.growthSlack && (rss === null || rss <= scale * BUDGET.growthSlack),
        detail: `wall ${fmtRatio(wall)}, peak RSS ${fmtRatio(rss)} for ${scale}× the articles`,
      });
    }
  }
  return out;
}

console.log(machine());
console.log(`Seed ${seed}; sizes ${sizes.join(", ")}; full site ${fullRoot}; working directory ${work}`);
const bareSite = prepareBareSite();
try {
  // Warm the disk cache for Astro's and Pagefind's code with one small pair of builds, not recorded.
  process.stdout.write("Warm-up builds (50 articles)… ");
  const warm = await benchCorpus(50, bareSite, 1, true);
  console.log(`done (${sec(warm.bare.build.wallMs)} bare, ${sec(warm.full.build.wallMs)} full)`);

  const corpora: CorpusRun[] = [];
  for (const n of sizes) corpora.push(await benchCorpus(n, bareSite, runs));

  console.log("");
  for (const corpus of corpora) console.log(`${report(corpus)}\n`);
  const results = verdicts(corpora);
  console.log("### Budgets\n");
  console.log(
    table(
      ["Budget", "Result", "Figures"],
      results.map((v) => [v.budget, pass(v.ok), v.detail]),
    ),
  );
  console.log(
    `\nLoad average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")}`,
  );
  if (values.json) {
    writeFileSync(
      path.resolve(values.json),
      JSON.stringify({ machine: machine(), seed, runs, corpora, verdicts: results }, null, 2),
    );
  }
  console.log(values.keep ? `\nKept: ${work}` : "");
  if (results.some((v) => v.ok === false)) process.exitCode = 1;
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}
