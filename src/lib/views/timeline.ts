import { STATUSES } from "../../schemas/vocabulary.ts";
import { monthLabel, startOf, yearOf } from "../model/dates.ts";
import type { ArticleView, Mention, Model } from "../model/model.ts";
import { pushTo } from "../model/maps.ts";

/** A pre-rendered timeline filter: one kind, one actor, one status, or one year of the events reported. */
export interface TimelineFilter {
  facet: "kind" | "actor" | "status" | "year";
  value: string;
}

/** One line of the timeline: an article and the proposals it reports that match the filter. */
export interface TimelineEntry {
  article: ArticleView;
  mentions: Mention[];
}

export interface MonthGroup {
  /** `2025-08`, or `2025` for articles dated only to the year. */
  key: string;
  label: string;
  entries: TimelineEntry[];
}

export interface YearGroup {
  year: string;
  months: MonthGroup[];
}

/** The timeline's entries, newest first (articles are already sorted so), each with every proposal it reports. */
export function timelineEntries(articles: readonly ArticleView[]): TimelineEntry[] {
  return articles.filter((a) => a.mentions.length > 0).map((article) => ({ article, mentions: article.mentions }));
}

const filterKey = ({ facet, value }: TimelineFilter) => `${facet}:${value}`;
const pairKey = (a: TimelineFilter, b: TimelineFilter) => `${filterKey(a)}|${filterKey(b)}`;

/** The filters a mention matches: its kind, its status, the year of its date, and each actor it involves. */
function filtersOf(mention: Mention): TimelineFilter[] {
  return [
    { facet: "kind", value: mention.kind },
    { facet: "status", value: mention.status },
    { facet: "year", value: yearOf(mention.date) },
    // The actors it involves, as src/lib/model/involvement.ts defines it (the same as actor pages and search facets).
    ...[...mention.parts.keys()].map((actor) => ({ facet: "actor" as const, value: actor })),
  ];
}

/**
 * The filters that combine, as pairs (the first facet, then the second):
 * kind × status, kind × year and actor × year. Their number stays bounded
 * as articles grow (kinds × statuses, kinds × years, actors × years), where
 * every triple or actor × kind would multiply pages for few readers.
 */
export const FILTER_PAIRS: readonly (readonly [TimelineFilter["facet"], TimelineFilter["facet"]])[] = [
  ["kind", "status"],
  ["kind", "year"],
  ["actor", "year"],
];

/** The filter pairs a mention matches (FILTER_PAIRS). */
function pairsOf(mention: Mention): [TimelineFilter, TimelineFilter][] {
  const filters = filtersOf(mention);
  return FILTER_PAIRS.flatMap(([first, second]) =>
    filters
      .filter((a) => a.facet === first)
      .flatMap((a) => filters.filter((b) => b.facet === second).map((b): [TimelineFilter, TimelineFilter] => [a, b])),
  );
}

/**
 * The timeline of every filter (or pair) at once, by key, in one pass over
 * the mentions: each entry keeps only the article's mentions that match, in
 * their order, and entries stay newest first. (Filtering the whole timeline
 * once per filter costs filters × mentions: seconds at 10,000 articles.)
 */
function timelinesBy(articles: readonly ArticleView[], keysOf: (m: Mention) => string[]): Map<string, TimelineEntry[]> {
  const timelines = new Map<string, TimelineEntry[]>();
  for (const article of articles) {
    const matched = new Map<string, Mention[]>();
    for (const mention of article.mentions) {
      for (const key of keysOf(mention)) pushTo(matched, key, mention);
    }
    for (const [key, mentions] of matched) pushTo(timelines, key, { article, mentions });
  }
  return timelines;
}

/** Groups entries (newest first) by year, then month, keeping their order. */
export function groupByMonth(entries: readonly TimelineEntry[]): YearGroup[] {
  const years: YearGroup[] = [];
  for (const entry of entries) {
    const published = entry.article.source.published;
    const year = yearOf(published);
    // The month the publication starts in (its start's digits, without ~ or ?): an anchor id and a heading.
    const key = startOf(published).slice(0, 7);
    let yearGroup = years.at(-1);
    if (!yearGroup || yearGroup.year !== year) {
      yearGroup = { year, months: [] };
      years.push(yearGroup);
    }
    let month = yearGroup.months.at(-1);
    if (!month || month.key !== key) {
      month = {
        key,
        label: key.length === 4 ? `${key}, month unknown` : monthLabel(key),
        entries: [],
      };
      yearGroup.months.push(month);
    }
    month.entries.push(entry);
  }
  return years;
}

/** A filter option: the timeline it keeps, and how many articles that is. */
export interface FilterOption {
  filter: TimelineFilter;
  label: string;
  /** The second filter of a pair (FILTER_PAIRS), and its label. */
  and?: { filter: TimelineFilter; label: string };
  /** The articles it keeps, newest first, each with only its matching mentions (their number is the chip's count). */
  entries: TimelineEntry[];
}

/** Every value of each facet, with its label, in the order chips list them (years newest first). */
function facetValues(model: Model): Record<TimelineFilter["facet"], { id: string; label: string }[]> {
  const years = [...new Set(model.articles.flatMap((a) => a.mentions.map((m) => yearOf(m.date))))].sort().reverse();
  return {
    kind: model.kinds.map((k) => ({ id: k.id, label: k.name })),
    status: STATUSES.map((s) => ({ id: s.id, label: s.label })),
    actor: model.actors.map((a) => ({ id: a.id, label: a.name })),
    year: years.map((y) => ({ id: y, label: y })),
  };
}

/** Every filter that keeps at least one article, by facet, with its timeline. */
export function filterOptions(model: Model): Record<TimelineFilter["facet"], FilterOption[]> {
  const timelines = timelinesBy(model.articles, (m) => filtersOf(m).map(filterKey));
  const values = facetValues(model);
  const options = (facet: TimelineFilter["facet"]) =>
    values[facet].flatMap((item) => {
      const filter = { facet, value: item.id };
      const entries = timelines.get(filterKey(filter)) ?? [];
      return entries.length > 0 ? [{ filter, label: item.label, entries }] : [];
    });
  return { kind: options("kind"), status: options("status"), actor: options("actor"), year: options("year") };
}

/** Every pair of filters (FILTER_PAIRS) that keeps at least one article, with its timeline. */
export function filterPairs(model: Model): FilterOption[] {
  const timelines = timelinesBy(model.articles, (m) => pairsOf(m).map(([a, b]) => pairKey(a, b)));
  const values = facetValues(model);
  return FILTER_PAIRS.flatMap(([first, second]) =>
    values[first].flatMap((a) =>
      values[second].flatMap((b) => {
        const filter = { facet: first, value: a.id };
        const and = { filter: { facet: second, value: b.id }, label: b.label };
        const entries = timelines.get(pairKey(filter, and.filter)) ?? [];
        return entries.length > 0 ? [{ filter, label: a.label, and, entries }] : [];
      }),
    ),
  );
}

/** The pairs that narrow a single filter: those whose first or second filter it is. */
export function narrowing(option: FilterOption, pairs: readonly FilterOption[]): FilterOption[] {
  if (option.and) return [];
  const same = (f: TimelineFilter) => f.facet === option.filter.facet && f.value === option.filter.value;
  return pairs.filter((p) => same(p.filter) || (p.and !== undefined && same(p.and.filter)));
}

/** One chip of "Narrow this view": the filter a pair adds to the view's, and the pair. */
export interface NarrowChip {
  label: string;
  pair: FilterOption;
}

/**
 * The pairs that narrow a single filter (narrowing), grouped by the facet
 * each adds to it (kind, status, year), each named by its other filter.
 */
export function narrowingGroups(
  option: FilterOption,
  narrower: readonly FilterOption[],
): { facet: TimelineFilter["facet"]; chips: NarrowChip[] }[] {
  const isView = (f: TimelineFilter) => f.facet === option.filter.facet && f.value === option.filter.value;
  const added = (p: FilterOption) => (isView(p.filter) && p.and ? p.and : { filter: p.filter, label: p.label });
  return (["kind", "status", "year"] as const)
    .map((facet) => ({
      facet,
      chips: narrower
        .filter((p) => added(p).filter.facet === facet)
        .map((pair) => ({ label: added(pair).label, pair })),
    }))
    .filter((g) => g.chips.length > 0);
}

/** On a pair's page: each of its two filters alone, to widen to. */
export function widenings(
  option: FilterOption,
  options: Record<TimelineFilter["facet"], FilterOption[]>,
): FilterOption[] {
  if (!option.and) return [];
  return [option.filter, option.and.filter]
    .map((f) => options[f.facet].find((o) => o.filter.value === f.value))
    .filter((o) => o !== undefined);
}

/** The facets' names: the status filter is the status each source reports, not a proposal's current one. */
export const FACET_LABELS: Record<TimelineFilter["facet"], string> = {
  kind: "Kind",
  status: "Status in that source",
  actor: "Actor involved",
  year: "Year of the events reported",
};

const HEADINGS: Record<TimelineFilter["facet"], (label: string) => string> = {
  status: (label) => `Sources reporting a proposal as ${label}`,
  kind: (label) => `Sources on ${label}`,
  year: (label) => `Sources on events of ${label}`,
  actor: (label) => `Sources involving ${label}`,
};

/** What a filtered timeline holds, as its heading says it. */
export function filterHeading(option: Pick<FilterOption, "filter" | "label" | "and">): string {
  const first = HEADINGS[option.filter.facet](option.label);
  if (!option.and) return first;
  return option.and.filter.facet === "status"
    ? `${first}, reporting a proposal as ${option.and.label}`
    : `${first}, events of ${option.and.label}`;
}
