import type { NameBlock } from "./names.ts";

/**
 * How search ranks, in one place: the weights the hidden names are indexed
 * with, and the ranking options the search page hands Pagefind. Tuned against
 * the reader queries of tests/site/search-queries.test.ts; docs/search.md says
 * why each value is what it is.
 */

/**
 * How much a word of each hidden name block counts, on Pagefind's 0–10 scale
 * (an h1 is 7, text 1; the effect is quadratic). Another name of the subject
 * counts as much as its title. A kind's word counts as text: every proposal of
 * the kind carries it, so more would let those words outrank the proposal a
 * reader names ("reassurance force"). A place's other name counts as the
 * mention of the place that brought it in.
 */
export const NAME_WEIGHTS: Record<NameBlock, number> = { names: 7, kind: 1, places: 1 };

/** Pagefind's ranking options (pagefind.options({ ranking })); the defaults are 1, 0.75, 1.4, 1 and title 5. */
export const PAGEFIND_RANKING = {
  /**
   * Pagefind matches prefixes: "UK" matches "Ukraine" too. At 8 a word much
   * longer than the query counts for almost nothing next to the exact word, so
   * the United Kingdom comes before the many pages that say Ukraine.
   */
  termSimilarity: 8,
  /** Pagefind's defaults: short pages (an actor's) win a tie with long ones, repeated words saturate. */
  pageLength: 0.75,
  termSaturation: 1.4,
  termFrequency: 1,
  /**
   * Pagefind also searches metadata and boosts a page whose meta field holds
   * the query, by the field's weight, but without regard to word length: its
   * default fivefold title boost gave every title with "Ukraine" in it a boost
   * for "UK". The title is the page's h1 (weight 7) anyway, so that boost is
   * off, and so are those of the other meta fields (a word found only there
   * still finds the page). An actor's own name and aliases (meta on actor
   * pages only) keep a boost: a query of a word or two most often names an
   * actor, so "NATO" finds the alliance first, not the proposals named after
   * it. The name counts a little more than an alias, so "Ukraine" finds
   * Ukraine before "Ukraine's allies", but not so much that "UK" finds it.
   */
  metaWeights: { title: 0, label: 0, type: 0, status: 0, date: 0, name: 5, aliases: 4 },
} as const;
