import type { Position } from "../../schemas/proposal.ts";
import { STATUSES, STANCES, termOf, type Stance, type Status } from "../../schemas/vocabulary.ts";
import { formatDate, sortKey } from "../model/dates.ts";
import type { Mention, Model, Proposal } from "../model/model.ts";
import { urls } from "../views/urls.ts";

/**
 * What a feed reports: each new mention of a proposal, each change of its
 * status from one source to the next, and each stance an actor states for the
 * first time or changes. Every event has a fragment unique within its
 * proposal, so its Atom id (permalink#fragment) is the same in every feed
 * that carries it and never changes.
 */
export type FeedEvent =
  | { type: "mention"; proposal: Proposal; mention: Mention; fragment: string }
  | { type: "status"; proposal: Proposal; mention: Mention; fragment: string; from: Status; to: Status }
  | {
      type: "stance";
      proposal: Proposal;
      mention: Mention;
      fragment: string;
      position: Position;
      was?: Stance;
    };

/** The events of one proposal, in the order its mentions happened. */
export function proposalEvents(proposal: Proposal): FeedEvent[] {
  const events: FeedEvent[] = [];
  const stances = new Map<string, Stance>();
  proposal.mentions.forEach((mention, i) => {
    const slug = mention.article.slug;
    events.push({ type: "mention", proposal, mention, fragment: `mention-${slug}` });
    const previous = proposal.mentions[i - 1];
    if (previous && previous.status !== mention.status) {
      events.push({
        type: "status",
        proposal,
        mention,
        fragment: `status-${slug}`,
        from: previous.status,
        to: mention.status,
      });
    }
    for (const position of mention.positions) {
      const was = stances.get(position.actor);
      stances.set(position.actor, position.stance);
      if (was === position.stance) continue;
      events.push({
        type: "stance",
        proposal,
        mention,
        fragment: `stance-${slug}-${position.actor}`,
        position,
        ...(was ? { was } : {}),
      });
    }
  });
  return events;
}

const TYPE_ORDER: Record<FeedEvent["type"], number> = { status: 0, stance: 1, mention: 2 };

/** Newest first: by date, then the later mention of a proposal, then status, stance, mention; a total order. */
export function newestFirst(events: readonly FeedEvent[]): FeedEvent[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...events].sort(
    (a, b) =>
      cmp(sortKey(b.mention.date), sortKey(a.mention.date)) ||
      cmp(sortKey(b.mention.article.source.published), sortKey(a.mention.article.source.published)) ||
      cmp(a.proposal.id, b.proposal.id) ||
      b.proposal.mentions.indexOf(b.mention) - a.proposal.mentions.indexOf(a.mention) ||
      TYPE_ORDER[a.type] - TYPE_ORDER[b.type] ||
      cmp(a.fragment, b.fragment),
  );
}

/** Whether an event concerns an actor: its mention involves the actor; a stance, only the actor's own (or its members' or people's). */
export function concernsActor(event: FeedEvent, actor: string): boolean {
  const part = event.mention.parts.get(actor);
  if (!part) return false;
  if (event.type !== "stance") return true;
  const { position } = event;
  return position.actor === actor || position.speaker === actor || part.via.has(position.actor);
}

/** The scopes a feed can follow. */
export type FeedScope = "proposals" | "actors" | "kinds";

/** A feed: what it follows, the page it follows, and its events (newest first). */
export interface Feed {
  title: string;
  subtitle: string;
  /** The feed's own path. */
  path: string;
  /** The page the feed follows. */
  page: string;
  events: FeedEvent[];
}

/** How many events the site-wide feed keeps (the newest). */
export const CHANGES_FEED_LIMIT = 100;

/** Every event of the corpus, newest first. */
export function allEvents(model: Model): FeedEvent[] {
  return newestFirst(model.proposals.flatMap(proposalEvents));
}

/** The site-wide "what changed" feed. */
export function changesFeed(model: Model): Feed {
  return {
    title: "Guarantee Tracker: what changed",
    subtitle: "Every new source on a proposal, every change of status and every new or changed stance, newest first.",
    path: urls.changesFeed(),
    page: urls.timeline(),
    events: allEvents(model).slice(0, CHANGES_FEED_LIMIT),
  };
}

/**
 * The feed of one proposal, actor or kind; undefined when there is no such item.
 * `all` is allEvents(model), which a build computes once (src/lib/query.ts), not once per feed.
 */
export function itemFeed(
  model: Model,
  scope: FeedScope,
  id: string,
  all: readonly FeedEvent[] = allEvents(model),
): Feed | undefined {
  const events = (keep: (e: FeedEvent) => boolean) => all.filter(keep);
  if (scope === "proposals") {
    const proposal = model.proposalById.get(id);
    if (!proposal) return undefined;
    return {
      title: `${proposal.title}: updates`,
      subtitle: "New sources, status changes and stance changes on this proposal.",
      path: urls.feed(scope, id),
      page: urls.proposal(id),
      events: newestFirst(proposalEvents(proposal)),
    };
  }
  if (scope === "actors") {
    const actor = model.actorById.get(id);
    if (!actor) return undefined;
    return {
      title: `${actor.name}: updates`,
      subtitle: `New sources, status changes and stances on the proposals ${actor.name} takes part in.`,
      path: urls.feed(scope, id),
      page: urls.actor(id),
      events: events((e) => concernsActor(e, id)),
    };
  }
  const kind = model.kindById.get(id);
  if (!kind) return undefined;
  return {
    title: `${kind.name}: updates`,
    subtitle: `New sources, status changes and stance changes on proposals of this kind.`,
    path: urls.feed(scope, id),
    page: urls.kind(id),
    events: events((e) => e.proposal.kind === id),
  };
}

/** An event as a feed entry's words: a title and a one-paragraph summary. */
export function describeEvent(event: FeedEvent, model: Pick<Model, "actorById">): { title: string; summary: string } {
  const { proposal, mention } = event;
  const source = mention.article.source;
  const when = `${formatDate(mention.date)}${mention.approximate ? " (approximate date)" : ""}`;
  const per = `per ${source.publisher}, ${when}`;
  const status = (s: Status) => termOf(STATUSES, s).label.toLowerCase();
  const name = (id: string) => model.actorById.get(id)?.name ?? id;
  switch (event.type) {
    case "mention":
      return {
        title: `${proposal.title}: new source (${source.publisher})`,
        summary: `${mention.summary} Status ${status(mention.status)}, ${per}. Reported in “${mention.article.title}”.`,
      };
    case "status":
      return {
        title: `${proposal.title}: ${status(event.from)} → ${status(event.to)}`,
        summary: `The status moved from ${status(event.from)} to ${status(event.to)}, ${per}.`,
      };
    case "stance": {
      const stance = termOf(STANCES, event.position.stance).label.toLowerCase();
      const was = event.was ? ` (was ${termOf(STANCES, event.was).label.toLowerCase()})` : "";
      const note = event.position.note ? ` ${event.position.note}` : "";
      return {
        title: `${proposal.title}: ${name(event.position.actor)}'s stance, ${stance}${was}`,
        summary: `${name(event.position.actor)}: ${stance}${was}, ${per}.${note}`,
      };
    }
  }
}
