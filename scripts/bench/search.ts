/**
 * The search page measured in Chromium as a reader on a slow phone meets it:
 * CPU slowed down (CDP Emulation.setCPUThrottlingRate), for a built site
 * (the benchmark's 10,000-article build). For each query:
 *
 * - cold: a fresh browser context (empty cache) opens /search/?q=…; the time runs from
 *   navigation to the first results on screen, and the bytes are everything
 *   the visit fetched (page, script, Pagefind's runtime, WebAssembly, index);
 * - warm: on that same page, the next query is submitted; the time runs from
 *   the search starting to its results on screen, and the bytes are what that
 *   search fetched (index chunks and fragments not yet loaded).
 *
 * The search page marks both moments (performance marks "search-start" and
 * "search-results", src/scripts/search.ts), and the steps between, which say
 * where the time goes: "search-ready" (Pagefind's script, WebAssembly and
 * metadata loaded), "search-found" (the index chunks fetched and searched),
 * "search-data" (the first page's fragments); from there to the results is
 * the page's own script (ranking, excerpts, rendering). Used by scripts/bench.ts.
 */
import type { BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../../tests/support/browser.ts";
import { serveStatic } from "../../tests/support/server.ts";

export interface SearchBenchOptions {
  /** Queries to time, each cold and then warm (the next one in the list follows it). */
  queries?: readonly string[];
  /** How many times slower the CPU runs. Default 4. */
  cpuSlowdown?: number;
  /** How many times each search is timed; the median counts. Default 3. */
  runs?: number;
}

/** One search: how long until its results showed, and what it fetched. */
export interface SearchTiming {
  query: string;
  /** Time to first results, in milliseconds. */
  ms: number;
  /** Bytes fetched until the results showed, and the part of them under /pagefind/. */
  bytes: number;
  pagefindBytes: number;
  requests: number;
  /** How many results the page announced. */
  results: number;
  /** Milliseconds spent in each step, from the start (navigation, or the search) to the results. */
  steps: SearchSteps;
}

/** Where a search's time goes: see the module comment. */
export interface SearchSteps {
  /** Until the search started: the page and its script (cold), nothing (warm). */
  page: number;
  /** Pagefind's script, WebAssembly and metadata (cold; nearly nothing warm). */
  pagefind: number;
  /** Fetching the index chunks and searching them. */
  search: number;
  /** Fetching and decoding the first page's fragments. */
  fragments: number;
  /** The page's own script: ranking, excerpts, rendering. */
  script: number;
}

export interface SearchFigures {
  cpuSlowdown: number;
  runs: number;
  cold: SearchTiming[];
  warm: SearchTiming[];
}

export const DEFAULT_QUERIES = ["NATO", "reassurance force", "Kyiv"] as const;

interface Fetch {
  bytes: number;
  pagefind: boolean;
  /** When the response ended, in milliseconds since the epoch. */
  end: number;
}

/**
 * Records what a browser context fetches, its Web Workers included (Pagefind
 * searches in one): body and header bytes as received, and when each ended.
 * The benchmark's server sends files as they are, so HTML, CSS and JavaScript
 * count uncompressed; Pagefind's index files are compressed already.
 */
function recordFetches(context: BrowserContext): () => Promise<Fetch[]> {
  const fetches: Promise<Fetch>[] = [];
  context.on("requestfinished", (request) => {
    const pagefind = new URL(request.url()).pathname.startsWith("/pagefind/");
    const timing = request.timing();
    fetches.push(
      request.sizes().then((s) => ({
        bytes: s.responseBodySize + s.responseHeadersSize,
        pagefind,
        end: timing.startTime + timing.responseEnd,
      })),
    );
  });
  return () => Promise.all(fetches);
}

/** What ended between two moments (epoch milliseconds). */
function fetchedBetween(fetches: Fetch[], from: number, to: number) {
  const within = fetches.filter((f) => f.end > from && f.end <= to);
  return {
    bytes: within.reduce((sum, f) => sum + f.bytes, 0),
    pagefindBytes: within.reduce((sum, f) => sum + (f.pagefind ? f.bytes : 0), 0),
    requests: within.length,
  };
}

/** Waits for the page's `n`th "search-results" mark; returns the last marks as epoch milliseconds. */
async function searchMarks(
  page: Page,
  n: number,
): Promise<{
  start: number;
  ready: number;
  found: number;
  data: number;
  results: number;
  origin: number;
  total: number;
}> {
  // Waits on a PerformanceObserver in the page, not by polling: Playwright's waitForFunction re-runs its
  // predicate every animation frame and injects its own script first, which cost the throttled page
  // 150–250 ms of main-thread time, counted as the search's.
  await page.evaluate(
    (count) =>
      new Promise<void>((resolve, reject) => {
        const done = () => performance.getEntriesByName("search-results").length >= count;
        if (done()) return resolve();
        const timer = setTimeout(() => reject(new Error(`no search results after 120 s`)), 120_000);
        new PerformanceObserver((_, observer) => {
          if (!done()) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve();
        }).observe({ type: "mark" });
      }),
    n,
  );
  return page.evaluate(() => {
    const last = (name: string) =>
      performance.timeOrigin + (performance.getEntriesByName(name).at(-1)?.startTime ?? NaN);
    const status = document.querySelector("#search-status")?.textContent ?? "";
    return {
      start: last("search-start"),
      ready: last("search-ready"),
      found: last("search-found"),
      data: last("search-data"),
      results: last("search-results"),
      origin: performance.timeOrigin,
      total: Number(/\d+/.exec(status)?.[0] ?? 0),
    };
  });
}

/** The steps between `from` and the results, from the page's marks. */
function steps(marks: Awaited<ReturnType<typeof searchMarks>>, from: number): SearchSteps {
  return {
    page: marks.start - from,
    pagefind: marks.ready - marks.start,
    search: marks.found - marks.ready,
    fragments: marks.data - marks.found,
    script: marks.results - marks.data,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? 0;

/** Measures the search page of the built site in `site` (a dist/ directory with its Pagefind index). */
export async function measureSearch(site: string, options: SearchBenchOptions = {}): Promise<SearchFigures> {
  const queries = options.queries ?? DEFAULT_QUERIES;
  const cpuSlowdown = options.cpuSlowdown ?? 4;
  const [browser, server] = await Promise.all([launchChromium(), serveStatic(site)]);
  const runs: Pick<SearchFigures, "cold" | "warm">[] = [];
  try {
    for (let run = 0; run < (options.runs ?? 3); run++) {
      const figures: Pick<SearchFigures, "cold" | "warm"> = { cold: [], warm: [] };
      for (const [i, query] of queries.entries()) {
        const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
        try {
          const fetches = recordFetches(context);
          const page = await context.newPage();
          const cdp = await context.newCDPSession(page);
          await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
          // From the response on, the page runs alone: goto does not wait for its load event.
          await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`, { waitUntil: "commit" });
          const cold = await searchMarks(page, 1);
          // The filter index loads once the first results show; the next search waits for none of it.
          await page.waitForLoadState("networkidle");
          const next = queries[(i + 1) % queries.length] ?? query;
          await page.locator("#search-q").fill(next);
          await page.locator("#search-q").press("Enter");
          const warm = await searchMarks(page, 2);
          const all = await fetches();
          figures.cold.push({
            query,
            ms: cold.results - cold.origin,
            steps: steps(cold, cold.origin),
            results: cold.total,
            ...fetchedBetween(all, 0, cold.results),
          });
          figures.warm.push({
            query: next,
            ms: warm.results - warm.start,
            steps: steps(warm, warm.start),
            results: warm.total,
            ...fetchedBetween(all, warm.start, warm.results),
          });
        } finally {
          await context.close();
        }
      }
      runs.push(figures);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  // Each figure is the median of the runs: other load on the machine only ever adds time.
  const pick = (which: "cold" | "warm", i: number): SearchTiming => {
    const all = runs.map((r) => r[which][i] as SearchTiming);
    const step = (key: keyof SearchSteps) => median(all.map((t) => t.steps[key]));
    return {
      ...(all[0] as SearchTiming),
      ms: median(all.map((t) => t.ms)),
      steps: {
        page: step("page"),
        pagefind: step("pagefind"),
        search: step("search"),
        fragments: step("fragments"),
        script: step("script"),
      },
    };
  };
  const figures: SearchFigures = {
    cpuSlowdown,
    runs: runs.length,
    cold: queries.map((_, i) => pick("cold", i)),
    warm: queries.map((_, i) => pick("warm", i)),
  };
  return figures;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The figures as the benchmark prints them: one line per search, then the medians. */
export function formatSearchFigures(figures: SearchFigures): string {
  const ms = (n: number) => `${Math.round(n)}`;
  const line = (label: string, t: SearchTiming) =>
    `  ${label} “${t.query}”: ${ms(t.ms)} ms to first results (${t.results} results), ` +
    `${kb(t.bytes)} fetched in ${t.requests} requests (${kb(t.pagefindBytes)} of Pagefind)\n` +
    `    page ${ms(t.steps.page)} + Pagefind loaded ${ms(t.steps.pagefind)} + index searched ${ms(t.steps.search)} + ` +
    `fragments ${ms(t.steps.fragments)} + our script ${ms(t.steps.script)} ms`;
  return [
    `Search in Chromium at ${figures.cpuSlowdown}× CPU slowdown, 390 px (median of ${figures.runs} runs):`,
    ...figures.cold.map((t) => line("cold", t)),
    ...figures.warm.map((t) => line("warm", t)),
    `  median: cold ${Math.round(median(figures.cold.map((t) => t.ms)))} ms, ${kb(median(figures.cold.map((t) => t.bytes)))}; ` +
      `warm ${Math.round(median(figures.warm.map((t) => t.ms)))} ms, ${kb(median(figures.warm.map((t) => t.bytes)))}`,
  ].join("\n");
}

// Run on its own: node scripts/bench/search.ts <dist-dir> [query ...]
if (import.meta.main) {
  const [site, ...queries] = process.argv.slice(2);
  if (!site) throw new Error("usage: node scripts/bench/search.ts <built site directory> [query ...]");
  console.log(formatSearchFigures(await measureSearch(site, queries.length > 0 ? { queries } : {})));
}
