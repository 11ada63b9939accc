import type { Actor } from "../../schemas/actor.ts";
import type { ArticleData } from "../../schemas/article.ts";
import type { Kind } from "../../schemas/kind.ts";
import type { Place } from "../../schemas/place.ts";
import type { RegistryEntry } from "../../schemas/registry.ts";
import type { ProposalMentionData, Quote, Terms } from "../../schemas/proposal.ts";
import type { PartialDate } from "../../schemas/date.ts";
import type { Status } from "../../schemas/vocabulary.ts";
import type { Related } from "../../schemas/registry.ts";
import { isApproximate, latestOf, sortKey, withApproximate } from "./dates.ts";
import { changesOver, type Change } from "./changes.ts";
import { affiliationsOf, mentionParts, sameActorOf, type Affiliations, type SameActor } from "./involvement.ts";
import type { ArticleRef, Mention, Part } from "./mention.ts";
import { pushTo } from "./maps.ts";
import {
  latestTerms,
  stanceStates,
  statusState,
  termsView,
  type StanceState,
  type StatusState,
  type TermsView,
} from "./state-of-play.ts";
import { compareStrings } from "../text.ts";

export type { ArticleRef, Mention } from "./mention.ts";

/** What the model is built from: validated articles, actors and kinds. */
export interface ModelInput {
  articles: readonly { slug: string; data: ArticleData }[];
  actors: readonly Actor[];
  kinds: readonly Kind[];
  /** The proposals registry: each id's stable title, kind and aliases. */
  registry: readonly RegistryEntry[];
  places?: readonly Place[];
}

/** A stretch of consecutive mentions that agree (same status, or same stance). */
export interface Run<T> {
  value: T;
  from: Mention;
  to: Mention;
  count: number;
}

/** A quote with the mention that carries it. */
export interface QuoteRef extends Quote {
  mention: Mention;
}

/** A proposal merged from all its mentions: what its permalink shows. */
export interface Proposal {
  id: string;
  /** The stable title from the registry (proposals.yaml). */
  title: string;
  kind: string;
  /** The registry's other names for it. */
  aliases: string[];
  /** The titles sources gave it, other than the stable one, in order of first use. */
  alsoReportedAs: string[];
  /** The registry's links to other proposals. */
  links: Related[];
  /** Union of every mention's proposers, in order of first appearance. */
  proposers: string[];
  /** The commentators credited with the idea where no proposer is, with the mention saying so. */
  suggestedBy: { text: string; mention: Mention }[];
  /** The latest mention's status. */
  status: Status;
  /** The current status with its source, and the sources that differ. */
  state: StatusState;
  /** Each actor's latest stated stance with its date, source and age. */
  stances: StanceState[];
  /** Terms merged and per source, with the terms sources disagree on. */
  termsView: TermsView;
  /** Every actor the proposal involves, over all its mentions, and how. */
  parts: Map<string, Part>;
  /** Every mention, oldest first. */
  mentions: Mention[];
  first: Mention;
  latest: Mention;
  /** Status runs, oldest first. */
  history: Run<Status>[];
  /** What each mention changed against those before it (src/lib/model/changes.ts), in mention order. */
  changes: { mention: Mention; changes: Change[] }[];
  /** The latest publication date of its sources: what the page is "as of". */
  asOf: PartialDate;
  /** One value per term, the latest stated (tables); termsView has every value. */
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
  places: Place[];
  /** Who belongs to which coalition, and whom each person represents. */
  affiliations: Affiliations;
  /** What the site is as of: the latest publication among its sources (the data stamp's `as_of`). */
  asOf: PartialDate | undefined;
  /**
   * The site's one "updated" date: when its content last changed, a source's
   * publication or a correction of ours; never the date of an event a source
   * reports. Every footer gives it, and the changes feed's newest entry is it.
   */
  updated: PartialDate | undefined;
  /** Per actor id: the proposals it takes part in (and how) and the sources that involve it. */
  involvement: Map<string, { proposals: Map<string, Part>; articles: Set<string> }>;
  proposalById: Map<string, Proposal>;
  actorById: Map<string, Actor>;
  kindById: Map<string, Kind>;
  articleBySlug: Map<string, ArticleView>;
}

/** Orders mentions by date, then by publication, then by slug: a total, stable order. */
export function compareMentions(a: Mention, b: Mention): number {
  return (
    compareStrings(sortKey(a.date), sortKey(b.date)) ||
    compareStrings(sortKey(a.article.source.published), sortKey(b.article.source.published)) ||
    compareStrings(a.article.slug, b.article.slug) ||
    compareStrings(a.proposalId, b.proposalId)
  );
}

/** Orders articles newest first (publication date, then slug). */
export function compareArticlesNewestFirst(a: ArticleRef, b: ArticleRef): number {
  return compareStrings(sortKey(b.source.published), sortKey(a.source.published)) || compareStrings(a.slug, b.slug);
}

/** Builds a mention from a proposal entry of an article; `kind` is the registry's for its id. */
export function toMention(
  article: ArticleRef,
  p: ProposalMentionData,
  kind: string,
  affiliations: Affiliations = { members: new Map(), represents: new Map() },
): Mention {
  const date = p.date === undefined ? article.source.published : withApproximate(p.date, p.approximate);
  const mention: Mention = {
    proposalId: p.id,
    article,
    date,
    approximate: isApproximate(date),
    title: p.title,
    kind,
    proposers: p.proposers,
    status: p.status,
    ...(p.evidence === undefined ? {} : { evidence: p.evidence }),
    summary: p.summary,
    ...(p.terms === undefined ? {} : { terms: p.terms }),
    ...(p.suggested_by === undefined ? {} : { suggestedBy: p.suggested_by }),
    positions: p.positions ?? [],
    quotes: p.quotes ?? [],
    parts: new Map(),
  };
  mention.parts = mentionParts(mention, affiliations);
  return mention;
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

/** The latest publication date of some mentions' sources. */
export function latestPublished(mentions: readonly Mention[]): PartialDate | undefined {
  return latestOf(mentions.map((m) => m.article.source.published));
}

/**
 * Merges an id's mentions (any order) into its proposal, without `related`;
 * `sameActor` says which actor ids are one actor under two labels.
 */
export function mergeMentions(
  id: string,
  unsorted: readonly Mention[],
  entry?: RegistryEntry,
  sameActor: SameActor = (actor) => actor,
): Proposal {
  const mentions = [...unsorted].sort(compareMentions);
  const first = mentions[0];
  const latest = mentions.at(-1);
  if (!first || !latest) throw new Error(`Proposal ${id} has no mention`);
  const proposers = [...new Set(mentions.flatMap((m) => m.proposers))];
  const quotes = mentions.flatMap((mention) => mention.quotes.map((q) => ({ ...q, mention })));
  const title = entry?.title ?? latest.title;
  const view = termsView(mentions, sameActor);
  const parts = new Map<string, Part>();
  for (const m of mentions) {
    for (const [actor, part] of m.parts) {
      const into = parts.get(actor) ?? { roles: new Set(), via: new Set() };
      for (const role of part.roles) into.roles.add(role);
      for (const via of part.via) into.via.add(via);
      parts.set(actor, into);
    }
  }
  return {
    id,
    title,
    kind: entry?.kind ?? first.kind,
    aliases: entry?.aliases ?? [],
    alsoReportedAs: [...new Set(mentions.map((m) => m.title))].filter((t) => t !== title),
    links: entry?.related ?? [],
    proposers,
    suggestedBy: mentions.flatMap((mention) =>
      mention.suggestedBy === undefined ? [] : [{ text: mention.suggestedBy, mention }],
    ),
    status: latest.status,
    state: statusState(mentions),
    stances: stanceStates(mentions),
    termsView: view,
    parts,
    mentions,
    first,
    latest,
    history: runsOf(mentions.map((m) => ({ value: m.status, mention: m }))),
    changes: changesOver(mentions, sameActor),
    asOf: latestPublished(mentions) ?? latest.article.source.published,
    terms: latestTerms(view),
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
    const ranked = [...score].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]));
    result.set(
      p.id,
      ranked.slice(0, limit).map(([id]) => id),
    );
  }
  return result;
}

/** Per actor: the proposals it takes part in, with its part, and the articles that involve it. */
export function involvementIndex(
  articles: readonly ArticleView[],
  proposals: readonly Proposal[],
): Model["involvement"] {
  const index: Model["involvement"] = new Map();
  const of = (actor: string) => {
    let entry = index.get(actor);
    if (!entry) index.set(actor, (entry = { proposals: new Map(), articles: new Set() }));
    return entry;
  };
  for (const p of proposals) for (const [actor, part] of p.parts) of(actor).proposals.set(p.id, part);
  for (const a of articles)
    for (const m of a.mentions) for (const actor of m.parts.keys()) of(actor).articles.add(a.slug);
  return index;
}

/** Builds the merged model from validated content. */
export function buildModel(input: ModelInput): Model {
  const registry = new Map(input.registry.map((entry) => [entry.id, entry]));
  const affiliations = affiliationsOf(input.actors);
  const mentionsById = new Map<string, Mention[]>();
  const articles: ArticleView[] = input.articles.map(({ slug, data }) => {
    const ref: ArticleRef = {
      slug,
      title: data.title,
      summary: data.summary,
      source: data.source,
      ...(data.corrections === undefined ? {} : { corrections: data.corrections }),
    };
    const mentions = data.proposals.map((p) =>
      toMention(ref, p, registry.get(p.id)?.kind ?? p.kind ?? "", affiliations),
    );
    for (const m of mentions) pushTo(mentionsById, m.proposalId, m);
    return { ...ref, mentions };
  });
  articles.sort(compareArticlesNewestFirst);

  const sameActor = sameActorOf(affiliations);
  const proposals = [...mentionsById].map(([id, mentions]) => mergeMentions(id, mentions, registry.get(id), sameActor));
  proposals.sort(
    (a, b) => compareStrings(sortKey(b.latest.date), sortKey(a.latest.date)) || compareStrings(a.id, b.id),
  );
  const related = relatedProposals(proposals);
  for (const p of proposals) p.related = related.get(p.id) ?? [];

  const actors = [...input.actors].sort((a, b) => a.name.localeCompare(b.name, "en"));
  const kinds = [...input.kinds];
  return {
    articles,
    proposals,
    actors,
    kinds,
    places: [...(input.places ?? [])],
    asOf: latestOf(articles.map((a) => a.source.published)),
    updated: latestOf(articles.flatMap((a) => [a.source.published, ...(a.corrections ?? []).map((c) => c.date)])),
    affiliations,
    involvement: involvementIndex(articles, proposals),
    proposalById: new Map(proposals.map((p) => [p.id, p])),
    actorById: new Map(actors.map((a) => [a.id, a])),
    kindById: new Map(kinds.map((k) => [k.id, k])),
    articleBySlug: new Map(articles.map((a) => [a.slug, a])),
  };
}
