import type { TimelineFilter } from "./timeline.ts";

/**
 * The path the site is served under, with a trailing slash: `/`, or `/sub/` when GT_SITE has a path (Astro's
 * `base`, defined for the build by astro.config.mjs). Outside a build (unit tests, Node scripts) there is none.
 */
const BASE = typeof __GT_BASE__ === "string" ? __GT_BASE__ : "/";

/** A root-relative path (`/about/`) under the base (`/sub/about/`). */
const underBase = (p: string) => `${BASE}${p.replace(/^\//, "")}`;

/** Every function of `paths` with its result put under the base. */
function withBase<T extends Record<string, (...args: never[]) => string>>(paths: T): T {
  return Object.fromEntries(
    Object.entries(paths).map(([name, fn]) => [name, (...args: never[]) => underBase(fn(...args))]),
  ) as T;
}

/** Every permalink of the site, built in one place, under the base. */
export const urls = withBase({
  home: () => "/",
  timeline: () => "/timeline/",
  /** The timeline filtered by one filter, or a pair (src/lib/views/timeline.ts FILTER_PAIRS). */
  timelineFilter: (f: TimelineFilter, and?: TimelineFilter) =>
    `/timeline/${f.facet}/${f.value}/${and ? `${and.facet}/${and.value}/` : ""}`,
  proposals: () => "/proposals/",
  proposalsPage: (n: number) => (n === 1 ? "/proposals/" : `/proposals/page/${n}/`),
  /** The proposals whose current status is `status`, page n. */
  proposalsWithStatus: (status: string, n = 1) =>
    n === 1 ? `/proposals/status/${status}/` : `/proposals/status/${status}/${n}/`,
  proposal: (id: string) => `/proposals/${id}/`,
  /** A proposal's full source list, page n (only for proposals with more sources than their page shows). */
  proposalSources: (id: string, n = 1) => `/proposals/${id}/sources/${n === 1 ? "" : `${n}/`}`,
  /** A proposal's social card (og:image), drawn at build time. */
  proposalCard: (id: string) => `/proposals/${id}/card.png`,
  /** The comparison in an order (src/lib/views/compare.ts), page n. */
  compare: (order: "kind" | "terms" | "latest" = "kind", n = 1) =>
    `/proposals/compare/${order === "kind" ? "" : `by-${order}/`}${n === 1 ? "" : `${n}/`}`,
  article: (slug: string) => `/articles/${slug}/`,
  actors: () => "/actors/",
  actor: (id: string) => `/actors/${id}/`,
  /** Every proposal involving an actor, page n (only when its page cannot list them all). */
  actorProposals: (id: string, n = 1) => (n === 1 ? `/actors/${id}/proposals/` : `/actors/${id}/proposals/${n}/`),
  /** The positions matrix in an order (src/lib/views/positions.ts), page n, and its CSV. */
  positions: (order: "actor" | "stances" | "latest" = "actor", n = 1) =>
    `/positions/${order === "actor" ? "" : `by-${order}/`}${n === 1 ? "" : `${n}/`}`,
  positionsCsv: () => "/positions/positions.csv",
  kinds: () => "/kinds/",
  kind: (id: string) => `/kinds/${id}/`,
  about: () => "/about/",
  /** The sourcing policy (docs/sourcing.md), rendered on the site. */
  sourcing: () => "/about/sourcing/",
  search: () => "/search/",
  rss: () => "/rss.xml",
  /** Every correction we made after publishing. */
  corrections: () => "/corrections/",
  /** Open data (src/lib/open-data/tables.ts): the page, its files, each item's JSON and the JSON Schemas. */
  data: () => "/data/",
  dataFile: (file: string) => `/data/${file}`,
  proposalData: (id: string) => `/proposals/${id}.json`,
  actorData: (id: string) => `/actors/${id}.json`,
  schema: (group: "content" | "data", name: string) => `/schemas/${group}/${name}.schema.json`,
  /** Atom feeds (src/lib/open-data/feeds.ts): what changed site-wide, per proposal, actor and kind. */
  changesFeed: () => "/feeds/changes.xml",
  feed: (scope: "proposals" | "actors" | "kinds", id: string) => `/feeds/${scope}/${id}.xml`,
  /** Citation downloads (src/lib/open-data/citation.ts): `bib`, `ris` or `csl.json`. */
  cite: (scope: "proposals" | "articles" | "actors", id: string, format: "bib" | "ris" | "csl.json") =>
    `/cite/${scope}/${id}.${format}`,
  /** A file of public/ or one a build writes beside the pages (`favicon.svg`, `sitemap-index.xml`, `pagefind/…`). */
  file: (name: string) => `/${name}`,
});
