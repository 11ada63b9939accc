import type { AstroIntegration } from "astro";
import { open, readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import * as pagefind from "pagefind";
import { PAGEFIND_DIR } from "../lib/search/assets.ts";

/** The part of Pagefind's Node API the index is built with; tests hand in a fake one. */
export interface PagefindApi {
  createIndex: typeof pagefind.createIndex;
  close: typeof pagefind.close;
}

export interface IndexOptions {
  /** How long one call to Pagefind's service may take before the build gives up on it, in milliseconds. */
  timeoutMs: number;
  /** Pagefind's Node API. Default: the real one. */
  api?: PagefindApi;
}

/** The page types that carry data-pagefind-body: Pagefind would otherwise parse every other page only to drop it. */
const INDEXED_PAGES = "{articles,proposals,actors}/*/index.html";

/** An element that opens with a `data-pagefind-body` attribute; in text the `<` is escaped, so text does not match. */
const SEARCHABLE = /<[a-z][^<>]*\sdata-pagefind-body(?=[\s=/>])/i;
/** The attribute's name anywhere: a page without it (most pages) is passed over without trying SEARCHABLE at each tag. */
const NAMED = /data-pagefind-body/i;
const carriesBody = (html: string) => NAMED.test(html) && SEARCHABLE.test(html);

/** How long any call may take at the least, and how much longer per page built. */
const BASE_TIMEOUT_MS = 60_000;
const TIMEOUT_MS_PER_PAGE = 10;

/**
 * The bound on each call to Pagefind's service: `GT_PAGEFIND_TIMEOUT` seconds when set, else a minute plus 10 ms
 * per page built (writing the index of 10,000 articles took 12 s; the margin is for a slower machine).
 */
export function pagefindTimeoutMs(pageCount: number, env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.GT_PAGEFIND_TIMEOUT);
  if (env.GT_PAGEFIND_TIMEOUT !== undefined && Number.isFinite(seconds) && seconds > 0) return seconds * 1000;
  return BASE_TIMEOUT_MS + TIMEOUT_MS_PER_PAGE * pageCount;
}

/** Settles as `work` does, or rejects once `ms` have passed, saying what Pagefind was doing. */
async function withTimeout<T>(work: Promise<T>, ms: number, doing: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `Pagefind did not answer within ${ms / 1000} s while ${doing}: its service died, panicked or hangs`,
          ),
        ),
      ms,
    );
  });
  try {
    // Pagefind rejects with a bare string in places; an Error keeps the message and gets a stack.
    return await Promise.race([work.catch((error: unknown) => Promise.reject(asError(error, doing))), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function asError(error: unknown, doing: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`Pagefind failed while ${doing}: ${message}`, { cause: error });
}

/** Every `.html` file under `dir`, as paths relative to it. */
async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/** How much of a page is read first: the attribute comes in the first few kilobytes of a page that has it. */
const HEAD_BYTES = 8192;

/** Whether the page at `file` has an element carrying `data-pagefind-body`; reads the whole page only if need be. */
async function isSearchable(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    // Latin-1 maps bytes one to one: the pattern is ASCII, and no byte of a multi-byte UTF-8 character is.
    if (carriesBody(head.toString("latin1", 0, bytesRead))) return true;
    if (bytesRead < HEAD_BYTES) return false;
    return carriesBody((await handle.readFile()).toString("latin1"));
  } finally {
    await handle.close();
  }
}

/** The pages under `site` that carry `data-pagefind-body`: what search must find. */
export async function searchablePages(site: string): Promise<string[]> {
  const files = await htmlFiles(site);
  const found = await Promise.all(
    files.map(async (file) => ((await isSearchable(path.join(site, file))) ? file : null)),
  );
  return found.filter((file): file is string => file !== null).sort();
}

/** How many pages the written index holds, from its `pagefind-entry.json` (every language summed). */
async function indexedPageCount(output: string): Promise<number> {
  const file = path.join(output, "pagefind-entry.json");
  let entry: unknown;
  try {
    entry = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Pagefind wrote no readable ${file}: ${reason}`, { cause: error });
  }
  const languages = (entry as { languages?: Record<string, { page_count?: unknown }> }).languages ?? {};
  return Object.values(languages).reduce((sum, language) => sum + Number(language.page_count ?? 0), 0);
}

/**
 * Indexes the built site in `site` with Pagefind and checks that the index holds exactly the pages that carry
 * `data-pagefind-body`. Any error Pagefind reports, a call it does not answer in time and a count that differs
 * are thrown; the service is closed whatever happens.
 */
export async function indexSite(site: string, options: IndexOptions): Promise<{ pages: number }> {
  const api = options.api ?? pagefind;
  const ms = options.timeoutMs;
  // Read while Pagefind parses the same pages in its own process.
  const searchable = searchablePages(site);
  searchable.catch(() => undefined);
  let failed = false;
  try {
    const created = await withTimeout(
      api.createIndex({
        forceLanguage: "en",
        // Only the indexed regions are read: Pagefind's parser works on every element it is given, and the
        // head, navigation, footer and the lists search skips would otherwise be most of a page's elements.
        rootSelector: "[data-pagefind-body]",
      }),
      ms,
      "starting",
    );
    if (!created.index || created.errors.length > 0) {
      throw new Error(`Pagefind could not start: ${created.errors.join("; ") || "it returned no index"}`);
    }
    const index = created.index;
    const added = await withTimeout(index.addDirectory({ path: site, glob: INDEXED_PAGES }), ms, "reading the pages");
    if (added.errors.length > 0) throw new Error(`Pagefind could not read the pages: ${added.errors.join("; ")}`);
    const output = path.join(site, PAGEFIND_DIR);
    const written = await withTimeout(index.writeFiles({ outputPath: output }), ms, "writing the index");
    if (written.errors.length > 0) throw new Error(`Pagefind could not write the index: ${written.errors.join("; ")}`);
    const indexed = await indexedPageCount(output);
    const expected = await searchable;
    if (indexed !== expected.length) {
      throw new Error(
        `Pagefind indexed ${indexed} pages, but ${expected.length} pages carry data-pagefind-body ` +
          `(indexed: ${INDEXED_PAGES}): ${expected.slice(0, 5).join(", ")}${expected.length > 5 ? ", …" : ""}`,
      );
    }
    return { pages: indexed };
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    const closed = withTimeout(api.close(), ms, "closing");
    // After a failure, that failure is the one to report, not a second one from closing.
    if (failed) await closed.catch(() => undefined);
    else await closed;
  }
}

/**
 * Indexes the built site with Pagefind's Node API once Astro has written it. Pages opt in with
 * `data-pagefind-body` on each region to index; the index goes to `pagefind/` in the output. A failure of any
 * kind stops the build with a message, so no site is published with a missing or partial index.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: "guarantee-tracker:pagefind",
    hooks: {
      "astro:build:done": async ({ dir, pages, logger }) => {
        const started = performance.now();
        const { pages: indexed } = await indexSite(fileURLToPath(dir), {
          timeoutMs: pagefindTimeoutMs(pages.length),
        });
        logger.info(`indexed ${indexed} pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
