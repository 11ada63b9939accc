import type { Actor } from "../../schemas/actor.ts";
import type { Position } from "../../schemas/proposal.ts";
import { STATUSES, type Status } from "../../schemas/vocabulary.ts";
import { sortKey } from "../model/dates.ts";
import type { Part } from "../model/involvement.ts";
import {
  compareMentions,
  type ArticleView,
  type Mention,
  type Model,
  type Proposal,
  type QuoteRef,
} from "../model/model.ts";
import { latestChanges, type Change } from "./proposal-page.ts";
import type { StanceState } from "../model/state-of-play.ts";

/**
 * Proposals by their current status (the latest source's), every status in
 * the order of a proposal's life: the one definition behind every
 * "proposals by status" count and list. A source's own status is another
 * thing: the timeline's status filter (src/lib/views/timeline.ts) counts sources.
 */
export function proposalsByStatus(proposals: readonly Proposal[]): { status: Status; proposals: Proposal[] }[] {
  return STATUSES.map((s) => ({ status: s.id, proposals: proposals.filter((p) => p.status === s.id) }));
}

/** How many proposals stand at each current status (proposalsByStatus, counted). */
export function countByStatus(proposals: readonly Proposal[]): { status: Status; count: number }[] {
  return proposalsByStatus(proposals).map(({ status, proposals: list }) => ({ status, count: list.length }));
}

/** Proposals of one kind (the registry's kind). */
export function proposalsOfKind(proposals: readonly Proposal[], kind: string): Proposal[] {
  return proposals.filter((p) => p.kind === kind);
}

/** How many proposals there are of each kind, in the order of kinds.yaml. */
export function countByKind(model: Model): { kind: string; name: string; count: number }[] {
  return model.kinds.map((k) => ({ kind: k.id, name: k.name, count: proposalsOfKind(model.proposals, k.id).length }));
}

/**
 * The proposals an actor takes part in (with its part) and the sources that
 * involve it, newest first: Model.involvement (src/lib/model/involvement.ts), the
 * one definition of "involving X".
 */
export function involving(
  model: Model,
  actor: string,
): { proposals: { proposal: Proposal; part: Part }[]; sources: ArticleView[] } {
  const entry = model.involvement.get(actor);
  if (!entry) return { proposals: [], sources: [] };
  return {
    proposals: model.proposals.flatMap((proposal) => {
      const part = entry.proposals.get(proposal.id);
      return part ? [{ proposal, part }] : [];
    }),
    sources: model.articles.filter((a) => entry.articles.has(a.slug)),
  };
}

/** A stance a person stated on behalf of the actor they speak for. */
export interface Statement {
  proposal: Proposal;
  position: Position;
  source: Mention;
}

/** Everything an actor's page shows, gathered from the model. */
export interface ActorPage {
  actor: Actor;
  /** For a person: the state or organisation they speak for. */
  represents?: Actor;
  /** The people who speak for this actor. */
  people: Actor[];
  /** The coalitions that list this actor as a member. */
  memberOf: Actor[];
  /** For a coalition: its members. */
  members: Actor[];
  /** The proposals it takes part in, with how, and its latest stance on each (a person's: the one they stated). */
  proposals: { proposal: Proposal; part: Part; stance?: StanceState }[];
  /** The sources that involve it, newest first. */
  sources: ArticleView[];
  /** Its latest stated stance on each proposal, newest first. */
  stances: { proposal: Proposal; stance: StanceState }[];
  /** For a person: every stance they stated, newest first. */
  statements: Statement[];
  /** Words quoted from it (a person) or from the people who speak for it, newest first. */
  quotes: { proposal: Proposal; quote: QuoteRef }[];
}

const cmpKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Gathers an actor's page: who it is linked to, what it takes part in (and how), what it and its people said. */
export function actorPage(model: Model, actor: Actor): ActorPage {
  const { proposals, sources } = involving(model, actor.id);
  const actors = (ids: readonly string[]) => ids.flatMap((id) => model.actorById.get(id) ?? []);
  const people = model.actors.filter((a) => a.represents === actor.id);
  const speakers = new Set(actor.type === "person" ? [actor.id] : people.map((p) => p.id));
  const stances: ActorPage["stances"] = [];
  const statements: Statement[] = [];
  const quotes: ActorPage["quotes"] = [];
  for (const { proposal } of proposals) {
    const stance = proposal.stances.find((s) => s.actor === actor.id);
    if (stance) stances.push({ proposal, stance });
    for (const source of proposal.mentions) {
      for (const position of source.positions) {
        if (position.speaker === actor.id) statements.push({ proposal, position, source });
      }
    }
    for (const quote of proposal.quotes) {
      if (quote.speaker_id && speakers.has(quote.speaker_id)) quotes.push({ proposal, quote });
    }
  }
  stances.sort(
    (a, b) =>
      cmpKeys(sortKey(b.stance.date), sortKey(a.stance.date)) || compareMentions(b.stance.source, a.stance.source),
  );
  statements.sort((a, b) => compareMentions(b.source, a.source));
  quotes.sort((a, b) => compareMentions(b.quote.mention, a.quote.mention));
  const represents = actor.represents === undefined ? undefined : model.actorById.get(actor.represents);
  return {
    actor,
    ...(represents ? { represents } : {}),
    people,
    memberOf: model.actors.filter((a) => a.members?.includes(actor.id)),
    members: actors(actor.members ?? []),
    proposals: proposals.map(({ proposal, part }) => {
      // A person's stance is the one they stated for whom they speak.
      const stance =
        stances.find((s) => s.proposal === proposal)?.stance ??
        proposal.stances.find((s) => s.position.speaker === actor.id);
      return { proposal, part, ...(stance ? { stance } : {}) };
    }),
    sources,
    stances,
    statements,
    quotes,
  };
}

/** One row of the actors index: the counts its page gives. */
export interface ActorRow {
  actor: Actor;
  /** Proposals it takes part in, in any role. */
  proposals: number;
  /** Of those, the ones it proposed. */
  proposed: number;
  /** Sources that involve it. */
  sources: number;
}

export function actorRows(model: Model): ActorRow[] {
  return model.actors.map((actor) => {
    const entry = model.involvement.get(actor.id);
    const parts = [...(entry?.proposals.values() ?? [])];
    return {
      actor,
      proposals: parts.length,
      proposed: parts.filter((part) => part.roles.has("proposer")).length,
      sources: entry?.articles.size ?? 0,
    };
  });
}

/** When a proposal was last in the news: the latest publication date among its sources. */
function lastPublished(p: Proposal): string {
  return p.mentions.reduce((max, m) => {
    const key = sortKey(m.article.source.published);
    return key > max ? key : max;
  }, "");
}

/**
 * Proposals by their latest activity: the newest publication among their
 * sources first; among those published the same day, the most reported
 * first, so one source reporting many proposals cannot bury the main one.
 */
export function byLatestActivity(proposals: readonly Proposal[]): Proposal[] {
  return proposals
    .map((p) => ({ p, published: lastPublished(p) }))
    .sort(
      (a, b) =>
        (a.published < b.published ? 1 : a.published > b.published ? -1 : 0) ||
        b.p.mentions.length - a.p.mentions.length ||
        compareMentions(b.p.latest, a.p.latest),
    )
    .map(({ p }) => p);
}

/** The home page: the state of play, one entry per proposal, then the latest sources and the counts. */
export interface HomeView {
  entries: { proposal: Proposal; changes: Change[] }[];
  /** Proposals not shown on the home page. */
  more: number;
  sources: ArticleView[];
  byStatus: { status: Status; count: number }[];
  byKind: { kind: string; name: string; count: number }[];
}

export function homeView(model: Model, limits = { proposals: 10, sources: 5 }): HomeView {
  const ordered = byLatestActivity(model.proposals).slice(0, limits.proposals);
  return {
    entries: ordered.map((proposal) => ({ proposal, changes: latestChanges(proposal) })),
    more: model.proposals.length - ordered.length,
    sources: model.articles.slice(0, limits.sources),
    byStatus: countByStatus(model.proposals),
    byKind: countByKind(model),
  };
}
