import { STATUSES } from "../schemas/vocabulary.ts";
import { monthLabel } from "./dates.ts";
import { compareMentions, type ArticleView, type Mention, type Model } from "./model.ts";

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

/** True when an actor proposes, takes a position on, or would guarantee what a mention reports. */
export function involves(mention: Mention, actor: string): boolean {
  return (
    mention.proposers.includes(actor) ||
    mention.positions.some((p) => p.actor === actor) ||
    (mention.terms?.guarantors ?? []).includes(actor)
  );
}

/** Whether a mention matches a filter. */
export function matches(mention: Mention, filter: TimelineFilter): boolean {
  if (filter.facet === "kind") return mention.kind === filter.value;
  if (filter.facet === "status") return mention.status === filter.value;
  return involves(mention, filter.value);
}

/** The timeline's entries, newest first (articles are already sorted so), narrowed by an optional filter. */
export function timelineEntries(articles: readonly ArticleView[], filter?: TimelineFilter): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const article of articles) {
    const mentions = filter ? article.mentions.filter((m) => matches(m, filter)) : article.mentions;
    if (mentions.length > 0) entries.push({ article, mentions });
  }
  return entries;
}

/** Groups entries (newest first) by year, then month, keeping their order. */
export function groupByMonth(entries: readonly TimelineEntry[]): YearGroup[] {
  const years: YearGroup[] = [];
  for (const entry of entries) {
    const published = entry.article.source.published;
    const year = published.slice(0, 4);
    const key = published.slice(0, 7);
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

/** A filter option with how many articles it keeps. */
export interface FilterOption {
  filter: TimelineFilter;
  label: string;
  count: number;
}

/** Every filter that keeps at least one article, by facet, with counts. */
export function filterOptions(model: Model): Record<TimelineFilter["facet"], FilterOption[]> {
  const count = (filter: TimelineFilter) =>
    model.articles.filter((a) => a.mentions.some((m) => matches(m, filter))).length;
  const options = (facet: TimelineFilter["facet"], items: readonly { id: string; label: string }[]) =>
    items
      .map((item) => {
        const filter = { facet, value: item.id };
        return { filter, label: item.label, count: count(filter) };
      })
      .filter((o) => o.count > 0);
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

/** The newest mentions across all proposals (by the date each happened), for the home page. */
export function latestMentions(model: Model, limit: number): Mention[] {
  return model.articles
    .flatMap((a) => a.mentions)
    .sort((a, b) => compareMentions(b, a))
    .slice(0, limit);
}
