import type { Page } from "playwright-core";
import { namedFirst, type NamedSource } from "../../src/lib/search/match.ts";
import { RESULTS_PER_PAGE } from "./search-page.ts";

/** One Pagefind result, as the search page would get it. */
export interface IndexedPage {
  url: string;
  title: string | undefined;
  type: string | undefined;
  filters: Record<string, string[]>;
}

/**
 * Asks the site's own Pagefind bundle, in the browser, for every page matching
 * the filters (and the term, if any): the index as a visitor's browser sees it.
 * The page must be on the served site, so /pagefind/pagefind.js is same-origin.
 */
export async function pagefindPages(
  page: Page,
  filters: Record<string, string | string[]>,
  term: string | null = null,
): Promise<IndexedPage[]> {
  // A string, not a function: vitest would rewrite a function's import() for Node.
  const script = `(async () => {
    const pf = await import("/pagefind/pagefind.js");
    await pf.init();
    const found = await pf.search(${JSON.stringify(term)}, { filters: ${JSON.stringify(filters)} });
    const data = await Promise.all((found?.results ?? []).map((r) => r.data()));
    return data.map((d) => ({ url: d.url, title: d.meta.title, type: d.meta.type, filters: d.filters }));
  })()`;
  return (await page.evaluate(script)) as IndexedPage[];
}

/**
 * The first `top` results' addresses for each query, in the order the search
 * page shows them: the site's own Pagefind bundle with the given ranking
 * options (the search page's, from src/lib/search/ranking.ts), its first page
 * of results put in the page's order (`namedFirst`). Many queries in one round
 * trip, where going through the form would take a quarter of a second each.
 */
export async function pagefindRankings(
  page: Page,
  queries: readonly string[],
  ranking: unknown,
  top = 5,
): Promise<Map<string, string[]>> {
  const script = `(async () => {
    const pf = await import("/pagefind/pagefind.js");
    await pf.options({ ranking: ${JSON.stringify(ranking)} });
    await pf.init();
    const out = [];
    for (const q of ${JSON.stringify(queries)}) {
      const found = await pf.search(q, {});
      const data = await Promise.all((found?.results ?? []).slice(0, ${RESULTS_PER_PAGE}).map((r) => r.data()));
      out.push([q, data.map((d) => ({ url: d.url, meta: { title: d.meta.title }, anchors: d.anchors }))]);
    }
    return out;
  })()`;
  const found = (await page.evaluate(script)) as [string, (NamedSource & { url: string })[]][];
  return new Map(
    found.map(([q, data]) => [
      q,
      namedFirst(data, q)
        .slice(0, top)
        .map((d) => d.url),
    ]),
  );
}
