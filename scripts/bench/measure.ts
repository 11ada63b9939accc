/**
 * What the benchmark measures: one build as a child process (wall, CPU, peak
 * memory, its log with arrival times), and a built site on disk (pages per
 * type, their weight gzipped and raw, the JavaScript they load, the Pagefind
 * index).
 */
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** The figures of one build. */
export interface BuildRun {
  /** Wall time of the whole child process, ms (performance.now around it). */
  wallMs: number;
  /** User + system CPU of the child and its descendants, ms; null without /usr/bin/time. */
  cpuMs: number | null;
  /** Peak resident set of the largest single process (GNU time's %M), bytes; null without /usr/bin/time. */
  maxRssBytes: number | null;
  /** Peak of the summed resident sets of the whole process tree, sampled every 100 ms, bytes. */
  treeRssBytes: number;
  /** Pagefind's own time as its integration logs it, ms; null when not found. */
  pagefindMs: number | null;
  /** Pages Pagefind indexed, as logged. */
  pagefindPages: number | null;
  /** Seconds into the build at which Astro started generating pages, from the log's arrival times. */
  renderStartMs: number | null;
  exitCode: number;
  logFile: string;
}

const TIME = "/usr/bin/time";

/** True when GNU time is installed (Debian package `time`). */
export function hasGnuTime(): boolean {
  return existsSync(TIME);
}

/**
 * Runs `node astro.mjs build --outDir out` in cwd, under /usr/bin/time when
 * available, writing its output, each line stamped with its arrival time, to logFile.
 */
export async function runBuild(options: {
  node: string;
  astro: string;
  cwd: string;
  outDir: string;
  env: Record<string, string>;
  logFile: string;
}): Promise<BuildRun> {
  const timeFile = `${options.logFile}.time`;
  const command = [options.node, options.astro, "build", "--outDir", options.outDir];
  const argv = hasGnuTime() ? [TIME, "-f", "%e %U %S %M", "-o", timeFile, ...command] : command;
  const log = createWriteStream(options.logFile);
  const started = performance.now();
  const child = spawn(argv[0] as string, argv.slice(1), {
    cwd: options.cwd,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let renderStartMs: number | null = null;
  let pagefindMs: number | null = null;
  let pagefindPages: number | null = null;
  const onData = (chunk: Buffer) => {
    const at = performance.now() - started;
    for (const line of chunk.toString("utf8").split("\n")) {
      if (line.trim() === "") continue;
      log.write(`[+${(at / 1000).toFixed(3)}s] ${line}\n`);
      if (renderStartMs === null && /generating static routes/i.test(line)) renderStartMs = at;
      const indexed = /indexed (\d+) pages in (\d+) ms/.exec(line);
      if (indexed) {
        pagefindPages = Number(indexed[1]);
        pagefindMs = Number(indexed[2]);
      }
    }
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  let treeRssBytes = 0;
  const sampler = setInterval(() => {
    if (child.pid !== undefined) treeRssBytes = Math.max(treeRssBytes, treeRss(child.pid));
  }, 100);
  const exitCode = await new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? 1)));
  const wallMs = performance.now() - started;
  clearInterval(sampler);
  await new Promise<void>((resolve) => log.end(resolve));
  let cpuMs: number | null = null;
  let maxRssBytes: number | null = null;
  if (hasGnuTime() && existsSync(timeFile)) {
    // The last line holds the figures; earlier ones may say the command failed.
    const fields = readFileSync(timeFile, "utf8").trim().split("\n").at(-1)?.split(" ").map(Number) ?? [];
    const [, user, sys, maxKb] = fields;
    if (user !== undefined && sys !== undefined && maxKb !== undefined) {
      cpuMs = (user + sys) * 1000;
      maxRssBytes = maxKb * 1024;
    }
  }
  return {
    wallMs,
    cpuMs,
    maxRssBytes,
    treeRssBytes,
    pagefindMs,
    pagefindPages,
    renderStartMs,
    exitCode,
    logFile: options.logFile,
  };
}

/** Summed resident set of a process and all its descendants, from /proc. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return 0;
  }
  for (const entry of entries) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name may hold spaces and parentheses: fields start after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // The process ended meanwhile.
    }
  }
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    try {
      const resident = Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]);
      total += resident * 4096;
    } catch {
      // Gone.
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Page types of the full site, from their paths in the output directory. */
export function pageType(rel: string): string {
  const parts = rel.split("/");
  if (rel === "index.html") return "home";
  if (rel === "404.html" || rel === "404/index.html") return "404";
  const [first, second, third] = parts;
  if (first === "about") return "about";
  if (first === "search") return "search";
  if (first === "timeline") return parts.length === 2 || /^\d+$/.test(second ?? "") ? "timeline" : "timeline-filter";
  if (first === "proposals") {
    if (parts.length === 2 || second === "page") return "proposals-index";
    if (second === "compare") return "compare";
    return third === "sources" ? "proposal-sources" : "proposal";
  }
  if (first === "articles") return "article";
  if (first === "actors") return parts.length === 2 ? "actors-index" : "actor";
  if (first === "kinds") return parts.length === 2 ? "kinds-index" : "kind";
  return "other";
}

/** The heaviest page of a type by one measure. */
export interface Heaviest {
  path: string;
  bytes: number;
}

export interface TypeFigures {
  pages: number;
  /** Raw HTML bytes of every page of this type together. */
  totalRaw: number;
  /** Heaviest page: gzip(HTML) + gzip(each linked stylesheet). */
  gzip: Heaviest;
  /** Heaviest raw HTML. */
  raw: Heaviest;
  /** Most JavaScript on one page: <script src> files (and their static imports) + inline scripts, raw bytes. */
  js: Heaviest;
  /** Pages of this type that load any JavaScript. */
  pagesWithJs: number;
}

export interface SiteFigures {
  pages: number;
  byType: Record<string, TypeFigures>;
  /** Pages over the budgets. */
  overGzip: Heaviest[];
  overRaw: Heaviest[];
  pagefindBytes: number;
  pagefindFiles: number;
  distBytes: number;
}

function walk(dir: string, base = dir, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, base, out);
    else out.push(path.relative(base, full).split(path.sep).join("/"));
  }
  return out;
}

const attr = (attrs: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, "i").exec(attrs)?.[1];

/** Measures a built site against the page budgets (bytes). */
export function measureSite(outDir: string, budgets: { gzip: number; raw: number }): SiteFigures {
  const files = walk(outDir);
  const gzCache = new Map<string, number>();
  const jsCache = new Map<string, number>();
  const fileOf = (href: string) => path.join(outDir, decodeURI(href.split(/[?#]/)[0] as string));
  const gzipOf = (href: string) => {
    let size = gzCache.get(href);
    if (size === undefined) {
      const file = fileOf(href);
      size = existsSync(file) ? gzipSync(readFileSync(file)).length : 0;
      gzCache.set(href, size);
    }
    return size;
  };
  /** A script file with every module it imports statically, each counted once per page. */
  const scriptFiles = (href: string, seen: Set<string>) => {
    const file = fileOf(href);
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    if (!jsCache.has(file)) jsCache.set(file, statSync(file).size);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["'](\.{1,2}\/[^"']+|\/[^"']+)["']/g)) {
      const target = m[1] as string;
      scriptFiles(target.startsWith("/") ? target : path.posix.join(path.posix.dirname(href), target), seen);
    }
  };

  const byType: Record<string, TypeFigures> = {};
  const overGzip: Heaviest[] = [];
  const overRaw: Heaviest[] = [];
  let pages = 0;
  for (const rel of files) {
    if (!rel.endsWith(".html") || rel.startsWith("pagefind/")) continue;
    pages += 1;
    const html = readFileSync(path.join(outDir, rel));
    const text = html.toString("utf8");
    let gzip = gzipSync(html).length;
    for (const m of text.matchAll(/<link\b([^>]*)>/gi)) {
      const attrs = m[1] as string;
      const href = attr(attrs, "href");
      if (href && /\bstylesheet\b/i.test(attr(attrs, "rel") ?? "")) gzip += gzipOf(href);
    }
    let js = 0;
    const seen = new Set<string>();
    for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      const attrs = m[1] as string;
      const type = attr(attrs, "type");
      if (type && !/module|javascript/i.test(type)) continue;
      const src = attr(attrs, "src");
      if (src) scriptFiles(src, seen);
      else js += Buffer.byteLength(m[2] as string);
    }
    for (const file of seen) js += jsCache.get(file) ?? 0;

    const type = pageType(rel);
    const figures = (byType[type] ??= {
      pages: 0,
      totalRaw: 0,
      gzip: { path: rel, bytes: 0 },
      raw: { path: rel, bytes: 0 },
      js: { path: rel, bytes: 0 },
      pagesWithJs: 0,
    });
    figures.pages += 1;
    figures.totalRaw += html.length;
    if (gzip > figures.gzip.bytes) figures.gzip = { path: rel, bytes: gzip };
    if (html.length > figures.raw.bytes) figures.raw = { path: rel, bytes: html.length };
    if (js > figures.js.bytes) figures.js = { path: rel, bytes: js };
    if (js > 0) figures.pagesWithJs += 1;
    if (gzip > budgets.gzip) overGzip.push({ path: rel, bytes: gzip });
    if (html.length > budgets.raw) overRaw.push({ path: rel, bytes: html.length });
  }
  let pagefindBytes = 0;
  let pagefindFiles = 0;
  let distBytes = 0;
  for (const rel of files) {
    const size = statSync(path.join(outDir, rel)).size;
    distBytes += size;
    if (rel.startsWith("pagefind/")) {
      pagefindBytes += size;
      pagefindFiles += 1;
    }
  }
  overGzip.sort((a, b) => b.bytes - a.bytes);
  overRaw.sort((a, b) => b.bytes - a.bytes);
  return { pages, byType, overGzip, overRaw, pagefindBytes, pagefindFiles, distBytes };
}
