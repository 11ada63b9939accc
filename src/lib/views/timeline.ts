import { STATUSES } from "../../schemas/vocabulary.ts";
import { monthLabel, startOf, yearOf } from "../model/dates.ts";
import type { ArticleView, Mention, Model } from "../model/model.ts";
import { pushTo } from "../model/maps.ts";

/** A pre-rendered timeline filter: one kind, one actor or one status. */
export interface TimelineFilter {
  facet: "kind" | "actor" | "status";
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

/** The filters a mention matches: its kind, its status and each actor it involves. */
function filtersOf(mention: Mention): TimelineFilter[] {
  return [
    { facet: "kind", value: mention.kind },
    { facet: "status", value: mention.status },
    // The actors it involves, as src/lib/model/involvement.ts defines it (the same as actor pages and search facets).
    ...[...mention.parts.keys()].map((actor) => ({ facet: "actor" as const, value: actor })),
  ];
}

/**
 * The timeline of every filter at once, by filter key, in one pass over the
 * mentions: each entry keeps only the article's mentions that match, in
 * their order, and entries stay newest first. (Filtering the whole timeline
 * once per filter costs filters × mentions: seconds at 10,000 articles.)
 */
function timelinesByFilter(articles: readonly ArticleView[]): Map<string, TimelineEntry[]> {
  const timelines = new Map<string, TimelineEntry[]>();
  for (const article of articles) {
    const matched = new Map<string, Mention[]>();
    for (const mention of article.mentions) {
      for (const filter of filtersOf(mention)) pushTo(matched, filterKey(filter), mention);
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
  /** The articles it keeps, newest first, each with only its matching mentions (their number is the chip's count). */
  entries: TimelineEntry[];
}

/** Every filter that keeps at least one article, by facet, with its timeline. */
export function filterOptions(model: Model): Record<TimelineFilter["facet"], FilterOption[]> {
  const timelines = timelinesByFilter(model.articles);
  const options = (facet: TimelineFilter["facet"], items: readonly { id: string; label: string }[]) =>
    items.flatMap((item) => {
      const filter = { facet, value: item.id };
      const entries = timelines.get(filterKey(filter)) ?? [];
      return entries.length > 0 ? [{ filter, label: item.label, entries }] : [];
    });
  return {
    kind: options(
      "kind",
      model.kinds.map((k) => ({ id: k.id, label: k.name })),
    ),
    status: options("status", STATUSES),
    actor: options(
      "actor",
      model.actors.map((a) => ({ id: a.id, label: a.name })),
    ),
  };
}

/** The facets' names: the status filter is the status each source reports, not a proposal's current one. */
export const FACET_LABELS: Record<TimelineFilter["facet"], string> = {
  kind: "Kind",
  status: "Status in that source",
  actor: "Actor involved",
};

/** What a filtered timeline holds, as its heading says it. */
export function filterHeading(option: Pick<FilterOption, "filter" | "label">): string {
  const { facet } = option.filter;
  if (facet === "status") return `Sources reporting a proposal as ${option.label}`;
  return facet === "kind" ? `Sources on ${option.label}` : `Sources involving ${option.label}`;
}
