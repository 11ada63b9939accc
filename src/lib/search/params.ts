/** The facets of the search page, in the order they are shown; each is a Pagefind filter and a URL parameter. */
export const SEARCH_FACETS = ["type", "status", "kind", "actor", "year"] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

/** What a search page URL says: the query, the chosen values per facet, and the order. */
export interface SearchState {
  q: string;
  filters: Record<SearchFacet, string[]>;
  sort: "relevance" | "date";
}

/** Reads a search state from a URL's query string (`?q=article+5&status=proposed`). */
export function parseSearchParams(params: URLSearchParams): SearchState {
  const filters = Object.fromEntries(
    SEARCH_FACETS.map((facet) => [facet, [...new Set(params.getAll(facet).filter((v) => v !== ""))].sort()]),
  ) as Record<SearchFacet, string[]>;
  return {
    q: (params.get("q") ?? "").trim(),
    filters,
    sort: params.get("sort") === "date" ? "date" : "relevance",
  };
}

/** Writes a search state as a query string, in a stable order, leaving defaults out. */
export function toSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q !== "") params.set("q", state.q);
  for (const facet of SEARCH_FACETS) for (const value of state.filters[facet]) params.append(facet, value);
  if (state.sort === "date") params.set("sort", "date");
  return params;
}

/** Pagefind's filter argument: any of the chosen values within a facet, all facets together. */
export function toPagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const facet of SEARCH_FACETS) if (state.filters[facet].length > 0) out[facet] = { any: state.filters[facet] };
  return out;
}

/** True when there is something to search for. */
export function hasCriteria(state: SearchState): boolean {
  return state.q !== "" || SEARCH_FACETS.some((f) => state.filters[f].length > 0);
}

/**
 * A looser query for when nothing matched: each word cut to a prefix, so a
 * small typo at the end of a word still finds it (Pagefind matches prefixes).
 */
export function looserQuery(q: string): string | null {
  const words = q.split(/\s+/).filter(Boolean);
  const loose = words.map((w) => (w.length > 4 ? w.slice(0, Math.max(4, w.length - 2)) : w));
  const out = loose.join(" ");
  return out !== words.join(" ") ? out : null;
}

/** The site's name, as the search page's document title ends. */
const SITE_NAME = "Guarantee Tracker";

/**
 * The document title of a search, so history, tabs and bookmarks say what it
 * was: `“Black Sea” — Search — Guarantee Tracker`, with the labels of the
 * chosen filters after the query (or alone). Null when there is neither.
 */
export function searchTitle(q: string, filterLabels: readonly string[]): string | null {
  const what = [...(q === "" ? [] : [`“${q}”`]), ...filterLabels].join(", ");
  return what === "" ? null : `${what} — Search — ${SITE_NAME}`;
}
