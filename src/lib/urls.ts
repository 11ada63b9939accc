import type { TimelineFilter } from "./timeline.ts";

/** Every permalink of the site, built in one place. */
export const urls = {
  home: () => "/",
  timeline: () => "/timeline/",
  timelineFilter: (f: TimelineFilter) => `/timeline/${f.facet}/${f.value}/`,
  proposals: () => "/proposals/",
  proposalsPage: (n: number) => (n === 1 ? "/proposals/" : `/proposals/page/${n}/`),
  /** The proposals whose current status is `status`, page n. */
  proposalsWithStatus: (status: string, n = 1) =>
    n === 1 ? `/proposals/status/${status}/` : `/proposals/status/${status}/${n}/`,
  proposal: (id: string) => `/proposals/${id}/`,
  proposalSources: (id: string) => `/proposals/${id}/sources/`,
  compare: () => "/proposals/compare/",
  comparePage: (n: number) => (n === 1 ? "/proposals/compare/" : `/proposals/compare/${n}/`),
  article: (slug: string) => `/articles/${slug}/`,
  actors: () => "/actors/",
  actor: (id: string) => `/actors/${id}/`,
  kinds: () => "/kinds/",
  kind: (id: string) => `/kinds/${id}/`,
  about: () => "/about/",
  search: () => "/search/",
  rss: () => "/rss.xml",
};
