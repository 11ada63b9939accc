import type { Actor } from "../schemas/actor.ts";
import type { ArticleData, Source } from "../schemas/article.ts";
import type { Kind } from "../schemas/kind.ts";
import type { Place } from "../schemas/place.ts";
import type { RegistryEntry } from "../schemas/registry.ts";
import type { Position, ProposalMentionData, Quote, Terms } from "../schemas/proposal.ts";
import type { PartialDate } from "../schemas/date.ts";
import type { Evidence, Stance, Status } from "../schemas/vocabulary.ts";
import { sortKey } from "./dates.ts";
import { pushTo } from "./maps.ts";

/** What the model is built from: validated articles, actors and kinds. */
export interface ModelInput {
  articles: readonly { slug: string; data: ArticleData }[];
  actors: readonly Actor[];
  kinds: readonly Kind[];
  /** The proposals registry: each id's stable title, kind and aliases. */
  registry: readonly RegistryEntry[];
  places?: readonly Place[];
}

/** An article as other pages refer to it. */
export interface ArticleRef {
  slug: string;
  title: string;
  summary: string;
  source: Source;
}

/** What one source reported about one proposal at one date. */
export interface Mention {
  proposalId: string;
  article: ArticleRef;
  /** The mention's own date, else the article's publication date. */
  date: PartialDate;
  /** True when that date is inferred. */
  approximate: boolean;
  title: string;
  kind: string;
  proposers: string[];
  status: Status;
  evidence?: Evidence;
  summary: string;
  terms?: Terms;
  positions: Position[];
  quotes: Quote[];
}

/** A stretch of consecutive mentions that agree (same status, or same stance). */
export interface Run<T> {
  value: T;
  from: Mention;
  to: Mention;
  count: number;
}

/** One actor's position on one proposal, over time. */
export interface ActorPositions {
  actor: string;
  current: Stance;
  runs: Run<Stance>[];
}

/** A quote with the mention that carries it. */
export interface QuoteRef extends Quote {
  mention: Mention;
}

/** A proposal merged from all its mentions: what its permalink shows. */
export interface Proposal {
  id: string;
  /** The latest mention's title. */
  title: string;
  kind: string;
  /** Union of every mention's proposers, in order of first appearance. */
  proposers: string[];
  /** The latest mention's status. */
  status: Status;
  /** Every mention, oldest first. */
  mentions: Mention[];
  first: Mention;
  latest: Mention;
  /** Status runs, oldest first. */
  history: Run<Status>[];
  positions: ActorPositions[];
  /** Terms merged key by key, the latest mention that states a key winning. */
  terms: Terms;
  quotes: QuoteRef[];
  /** Ids of the closest proposals: shared proposers, articles and kind. */
  related: string[];
}

/** An article with the proposals it reports, for the timeline and the article page. */
export interface ArticleView extends ArticleRef {
  mentions: Mention[];
}

/** The whole merged model every page reads. */
export interface Model {
  articles: ArticleView[];
  proposals: Proposal[];
  actors: Actor[];
  kinds: Kind[];
  proposalById: Map<string, Proposal>;
  actorById: Map<string, Actor>;
  kindById: Map<string, Kind>;
  articleBySlug: Map<string, ArticleView>;
}

/** Orders mentions by date, then by publication, then by slug: a total, stable order. */
export function compareMentions(a: Mention, b: Mention): number {
  return (
    cmp(sortKey(a.date), sortKey(b.date)) ||
    cmp(sortKey(a.article.source.published), sortKey(b.article.source.published)) ||
    cmp(a.article.slug, b.article.slug) ||
    cmp(a.proposalId, b.proposalId)
  );
}

/** Orders articles newest first (publication date, then slug). */
export function compareArticlesNewestFirst(a: ArticleRef, b: ArticleRef): number {
  return cmp(sortKey(b.source.published), sortKey(a.source.published)) || cmp(a.slug, b.slug);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Builds a mention from a proposal entry of an article; `kind` is the registry's for its id. */
export function toMention(article: ArticleRef, p: ProposalMentionData, kind: string): Mention {
  return {
    proposalId: p.id,
    article,
    date: p.date ?? article.source.published,
    approximate: p.date === undefined ? article.source.approximate : (p.approximate ?? false),
    title: p.title,
    kind,
    proposers: p.proposers,
    status: p.status,
    ...(p.evidence === undefined ? {} : { evidence: p.evidence }),
    summary: p.summary,
    ...(p.terms === undefined ? {} : { terms: p.terms }),
    positions: p.positions ?? [],
    quotes: p.quotes ?? [],
  };
}

/** Splits a sequence into runs of equal values. */
export function runsOf<T>(items: readonly { value: T; mention: Mention }[]): Run<T>[] {
  const runs: Run<T>[] = [];
  for (const { value, mention } of items) {
    const last = runs.at(-1);
    if (last && last.value === value) {
      last.to = mention;
      last.count += 1;
    } else {
      runs.push({ value, from: mention, to: mention, count: 1 });
    }
  }
  return runs;
}

/** Each actor's stance over the (sorted) mentions, actors in order of first appearance. */
export function positionsOver(mentions: readonly Mention[]): ActorPositions[] {
  const byActor = new Map<string, { value: Stance; mention: Mention }[]>();
  for (const mention of mentions) {
    for (const position of mention.positions) {
      pushTo(byActor, position.actor, { value: position.stance, mention });
    }
  }
  return [...byActor].map(([actor, list]) => {
    const runs = runsOf(list);
    return { actor, current: (runs.at(-1) as Run<Stance>).value, runs };
  });
}

/** Terms merged key by key over the (sorted) mentions; later statements win. */
export function mergeTerms(mentions: readonly Mention[]): Terms {
  const terms: Terms = {};
  for (const m of mentions) {
    for (const [key, value] of Object.entries(m.terms ?? {})) {
      if (value !== undefined && value !== "unspecified") Object.assign(terms, { [key]: value });
      else if (!(key in terms)) Object.assign(terms, { [key]: value });
    }
  }
  return terms;
}

/** Merges an id's mentions (any order) into its proposal, without `related`. */
export function mergeMentions(id: string, unsorted: readonly Mention[], entry?: RegistryEntry): Proposal {
  const mentions = [...unsorted].sort(compareMentions);
  const first = mentions[0];
  const latest = mentions.at(-1);
  if (!first || !latest) throw new Error(`Proposal ${id} has no mention`);
  const proposers = [...new Set(mentions.flatMap((m) => m.proposers))];
  const quotes = mentions.flatMap((mention) => mention.quotes.map((q) => ({ ...q, mention })));
  return {
    id,
    title: entry?.title ?? latest.title,
    kind: entry?.kind ?? first.kind,
    proposers,
    status: latest.status,
    mentions,
    first,
    latest,
    history: runsOf(mentions.map((m) => ({ value: m.status, mention: m }))),
    positions: positionsOver(mentions),
    terms: mergeTerms(mentions),
    quotes,
    related: [],
  };
}

/**
 * The proposals closest to each one: two points per shared article, two per
 * shared proposer, one for the same kind. Linear in mentions, then a scan of
 * candidates per proposal.
 */
export function relatedProposals(proposals: readonly Proposal[], limit = 5): Map<string, string[]> {
  const byArticle = new Map<string, string[]>();
  const byActor = new Map<string, string[]>();
  const byKind = new Map<string, string[]>();
  for (const p of proposals) {
    for (const slug of new Set(p.mentions.map((m) => m.article.slug))) pushTo(byArticle, slug, p.id);
    for (const actor of p.proposers) pushTo(byActor, actor, p.id);
    pushTo(byKind, p.kind, p.id);
  }
  const result = new Map<string, string[]>();
  for (const p of proposals) {
    const score = new Map<string, number>();
    const add = (ids: readonly string[] | undefined, points: number) => {
      for (const other of ids ?? []) if (other !== p.id) score.set(other, (score.get(other) ?? 0) + points);
    };
    for (const slug of new Set(p.mentions.map((m) => m.article.slug))) add(byArticle.get(slug), 2);
    for (const actor of p.proposers) add(byActor.get(actor), 2);
    add(byKind.get(p.kind), 1);
    const ranked = [...score].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
    result.set(
      p.id,
      ranked.slice(0, limit).map(([id]) => id),
    );
  }
  return result;
}

/** Builds the merged model from validated content. */
export function buildModel(input: ModelInput): Model {
  const registry = new Map(input.registry.map((entry) => [entry.id, entry]));
  const mentionsById = new Map<string, Mention[]>();
  const articles: ArticleView[] = input.articles.map(({ slug, data }) => {
    const ref: ArticleRef = {
      slug,
      title: data.title,
      summary: data.summary,
      source: data.source,
    };
    const mentions = data.proposals.map((p) => toMention(ref, p, registry.get(p.id)?.kind ?? p.kind ?? ""));
    for (const m of mentions) pushTo(mentionsById, m.proposalId, m);
    return { ...ref, mentions };
  });
  articles.sort(compareArticlesNewestFirst);

  const proposals = [...mentionsById].map(([id, mentions]) => mergeMentions(id, mentions, registry.get(id)));
  proposals.sort((a, b) => cmp(sortKey(b.latest.date), sortKey(a.latest.date)) || cmp(a.id, b.id));
  const related = relatedProposals(proposals);
  for (const p of proposals) p.related = related.get(p.id) ?? [];

  const actors = [...input.actors].sort((a, b) => a.name.localeCompare(b.name, "en"));
  const kinds = [...input.kinds];
  return {
    articles,
    proposals,
    actors,
    kinds,
    proposalById: new Map(proposals.map((p) => [p.id, p])),
    actorById: new Map(actors.map((a) => [a.id, a])),
    kindById: new Map(kinds.map((k) => [k.id, k])),
    articleBySlug: new Map(articles.map((a) => [a.slug, a])),
  };
}
