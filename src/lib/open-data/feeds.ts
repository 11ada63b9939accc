import type { Correction } from "../../schemas/article.ts";
import type { Position } from "../../schemas/proposal.ts";
import { STATUSES, STANCES, termOf, type Stance, type Status } from "../../schemas/vocabulary.ts";
import type { Change } from "../model/changes.ts";
import { stanceDate } from "../model/state-of-play.ts";
import { formatDate, precisionOf, sortKey, type PartialDate } from "../model/dates.ts";
import { statusChangeWords } from "../views/change-words.ts";
import { TERM_NAMES, termWords } from "../views/proposal-page.ts";
import type { Mention, Model, Proposal } from "../model/model.ts";
import { SOURCES_ON_PROPOSAL } from "../views/page-sizes.ts";
import { urls } from "../views/urls.ts";
import { compareStrings } from "../text.ts";

/**
 * What a feed reports: each new mention of a proposal, and what it changed
 * (src/lib/model/changes.ts: status, stances, terms), and each correction of
 * an article that feeds the proposal. Every event has a fragment unique within
 * its proposal, so its Atom id (permalink#fragment) is the same in every feed
 * that carries it and never changes. `date` is when it became known: the
 * source's publication (the correction's date for a correction), never the
 * event date, whose precision the entry's words say.
 */
export type FeedEvent = { proposal: Proposal; mention: Mention; fragment: string; date: PartialDate } & (
  | { type: "mention" }
  | { type: "status"; change: Extract<Change, { type: "status" }> }
  | { type: "stance"; position: Position; was?: Stance }
  | { type: "term"; change: Extract<Change, { type: "term" }> }
  | { type: "correction"; correction: Correction; index: number }
);

/** The events of one proposal, in the order its mentions happened. */
export function proposalEvents(proposal: Proposal): FeedEvent[] {
  const events: FeedEvent[] = [];
  for (const { mention, changes } of proposal.changes) {
    const slug = mention.article.slug;
    const base = { proposal, mention, date: mention.article.source.published };
    events.push({ ...base, type: "mention", fragment: `mention-${slug}` });
    for (const change of changes) {
      if (change.type === "status") events.push({ ...base, type: "status", fragment: `status-${slug}`, change });
      else if (change.type === "stance")
        events.push({
          ...base,
          type: "stance",
          fragment: `stance-${slug}-${change.actor}`,
          position: change.position,
          ...(change.was ? { was: change.was } : {}),
        });
      else if (change.type === "term")
        events.push({ ...base, type: "term", fragment: `term-${slug}-${change.key}`, change });
    }
    (mention.article.corrections ?? []).forEach((correction, index) =>
      events.push({
        ...base,
        date: correction.date,
        type: "correction",
        fragment: `correction-${slug}-${String(index + 1)}`,
        correction,
        index,
      }),
    );
  }
  return events;
}

const TYPE_ORDER: Record<FeedEvent["type"], number> = { correction: 0, status: 1, stance: 2, term: 3, mention: 4 };

/** Newest first: by the date it became known, then the mention's date, then status, stance, term, mention; a total order. */
export function newestFirst(events: readonly FeedEvent[]): FeedEvent[] {
  return [...events].sort(
    (a, b) =>
      compareStrings(sortKey(b.date), sortKey(a.date)) ||
      compareStrings(sortKey(b.mention.date), sortKey(a.mention.date)) ||
      compareStrings(a.proposal.id, b.proposal.id) ||
      b.proposal.mentions.indexOf(b.mention) - a.proposal.mentions.indexOf(a.mention) ||
      TYPE_ORDER[a.type] - TYPE_ORDER[b.type] ||
      compareStrings(a.fragment, b.fragment),
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
  /** Where every event is, when the feed keeps only the newest: the timeline, or a proposal's list of sources. */
  history?: string;
  events: FeedEvent[];
}

/** How many events the site-wide feed keeps (the newest). */
export const CHANGES_FEED_LIMIT = 100;

/** How many events each proposal, actor and kind feed keeps (the newest): a feed reader needs no more. */
export const ITEM_FEED_LIMIT = 100;

/** A feed's events cut to the newest `limit`, with the page of the full history when any were cut. */
function bounded(
  events: readonly FeedEvent[],
  history: string,
  limit = ITEM_FEED_LIMIT,
): Pick<Feed, "events" | "history"> {
  // A copy: `events` may be the build's shared list (src/lib/query.ts).
  return events.length > limit ? { events: events.slice(0, limit), history } : { events: [...events] };
}

/** Every event of the corpus, newest first; a correction once, though its article feeds several proposals. */
export function allEvents(model: Model): FeedEvent[] {
  const seen = new Set<string>();
  return newestFirst(model.proposals.flatMap(proposalEvents)).filter((e) => {
    if (e.type !== "correction") return true;
    const key = `${e.mention.article.slug}#${String(e.index)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The site-wide "what changed" feed; `all` is allEvents(model), computed once per build (src/lib/query.ts). */
export function changesFeed(model: Model, all: readonly FeedEvent[] = allEvents(model)): Feed {
  return {
    title: "Guarantee Tracker: what changed",
    subtitle:
      "Every new source on a proposal, every change of status, stance or terms, and every correction, newest first.",
    path: urls.changesFeed(),
    page: urls.timeline(),
    ...bounded(all, urls.timeline(), CHANGES_FEED_LIMIT),
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
      ...bounded(
        newestFirst(proposalEvents(proposal)),
        proposal.mentions.length > SOURCES_ON_PROPOSAL ? urls.proposalSources(id) : urls.proposal(id),
      ),
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
      ...bounded(
        events((e) => concernsActor(e, id)),
        urls.timelineFilter({ facet: "actor", value: id }),
      ),
    };
  }
  const kind = model.kindById.get(id);
  if (!kind) return undefined;
  return {
    title: `${kind.name}: updates`,
    subtitle: `New sources, status changes and stance changes on proposals of this kind.`,
    path: urls.feed(scope, id),
    page: urls.kind(id),
    ...bounded(
      events((e) => e.proposal.kind === id),
      urls.timelineFilter({ facet: "kind", value: id }),
    ),
  };
}

/** An event date in words, with the precision it has ("c. August 2025: approximate, to the month"). */
function eventWhen(date: PartialDate): string {
  const precision = date.includes("/") ? "a range" : `to the ${precisionOf(date)}`;
  const exact = precisionOf(date) === "day" && !date.includes("/") && !/[~?]/.test(date);
  return exact
    ? formatDate(date)
    : `${formatDate(date)} (known ${precision}${date.includes("~") ? ", approximate" : ""})`;
}

/** An event as a feed entry's words: a title and a one-paragraph summary. */
export function describeEvent(event: FeedEvent, model: Pick<Model, "actorById">): { title: string; summary: string } {
  const { proposal, mention } = event;
  const source = mention.article.source;
  const dated =
    mention.date === source.published
      ? `published ${eventWhen(source.published)}`
      : `reporting ${eventWhen(mention.date)}`;
  const per = `per ${source.publisher}, ${dated}`;
  const status = (s: Status) => termOf(STATUSES, s).label.toLowerCase();
  const name = (id: string) => model.actorById.get(id)?.name ?? id;
  switch (event.type) {
    case "mention":
      return {
        title: `${proposal.title}: new source (${source.publisher})`,
        summary: `${mention.summary} Status ${status(mention.status)}, ${per}. Reported in “${mention.article.title}”.`,
      };
    case "status": {
      const { change } = event;
      const words = statusChangeWords(change);
      return {
        title:
          change.move === "forward"
            ? `${proposal.title}: ${status(change.from)} → ${status(change.to)}`
            : `${proposal.title}: ${change.move === "same-period" ? "sources differ" : "contested"} status`,
        summary: `${words}.`,
      };
    }
    case "stance": {
      const stance = termOf(STANCES, event.position.stance).label.toLowerCase();
      const was = event.was ? ` (was ${termOf(STANCES, event.was).label.toLowerCase()})` : "";
      const note = event.position.note ? ` ${event.position.note}` : "";
      // Stated and reported, each with its own date: "stated 18 December 2025, reported 20 December 2025".
      const stated = stanceDate({ position: event.position, source: mention });
      const when =
        stated === source.published
          ? `reported ${eventWhen(source.published)}`
          : `stated ${eventWhen(stated)}, reported ${eventWhen(source.published)}`;
      return {
        title: `${proposal.title}: ${name(event.position.actor)}'s stance, ${stance}${was}`,
        summary: `${name(event.position.actor)}: ${stance}${was}, ${when}, per ${source.publisher}.${note}`,
      };
    }
    case "term": {
      const { change } = event;
      const value = termWords(change.key, change.value, name);
      const was = change.was === undefined ? " (first stated)" : ` (was ${termWords(change.key, change.was, name)})`;
      return {
        title: `${proposal.title}: ${TERM_NAMES[change.key].toLowerCase()}, ${value}`,
        summary: `${TERM_NAMES[change.key]}: ${value}${was}, ${per}.`,
      };
    }
    case "correction":
      return {
        title: `Correction: “${mention.article.title}”`,
        summary: `Corrected ${formatDate(event.correction.date)}: ${event.correction.note}`,
      };
  }
}
