import type { Position, ScopedTerm, Terms } from "../../schemas/proposal.ts";
import type { Status } from "../../schemas/vocabulary.ts";
import { samePeriod, sortKey, type PartialDate } from "./dates.ts";
import type { SameActor } from "./involvement.ts";
import type { Mention } from "./mention.ts";
import { compareStrings } from "../text.ts";

/**
 * How far along its life a status is: the endings (rejected, withdrawn) are
 * the furthest, since nothing follows them.
 */
export const STATUS_RANK: Record<Status, number> = {
  floated: 0,
  proposed: 1,
  negotiating: 2,
  agreed: 3,
  implemented: 4,
  rejected: 5,
  withdrawn: 5,
};

/** A proposal's current status, the source behind it, and every source that reports otherwise. */
export interface StatusState {
  status: Status;
  /** The latest mention: its status is the current one. */
  source: Mention;
  /**
   * Mentions that disagree with it: earlier ones reporting a more advanced
   * status, and ones of the same period reporting another status. Empty when
   * sources agree.
   */
  differs: Mention[];
}

/** The current status of sorted mentions (oldest first), per the contract's state-of-play rule. */
export function statusState(mentions: readonly Mention[]): StatusState {
  const source = mentions.at(-1);
  if (!source) throw new Error("statusState needs at least one mention");
  const differs = mentions
    .slice(0, -1)
    .filter(
      (m) =>
        STATUS_RANK[m.status] > STATUS_RANK[source.status] ||
        (m.status !== source.status && samePeriod(m.date, source.date)),
    );
  return { status: source.status, source, differs };
}

/** One stated stance: the position, the mention that reports it, and when it was stated. */
export interface StanceEvent {
  position: Position;
  source: Mention;
  /** The position's own date, else its mention's. */
  date: PartialDate;
}

/** When a stance was stated: the position's own date, else its mention's. */
export function stanceDate(stance: { position: Position; source: Mention }): PartialDate {
  return stance.position.date ?? stance.source.date;
}

/** One actor's latest stated stance on a proposal, and how old it is. */
export interface StanceState {
  actor: string;
  position: Position;
  /** The mention that states it: its source. */
  source: Mention;
  /** When it was stated (stanceDate). */
  date: PartialDate;
  /** Later mentions of the proposal that say nothing of this actor's stance (the stance is that much older). */
  silentSince: Mention[];
  /** Every stated stance of this actor, ordered by when each was stated: the one history every page reads. */
  history: StanceEvent[];
}

/**
 * Each actor's stated stances over sorted mentions, ordered by each stance's
 * own date (stanceDate), mention order breaking ties; actors in order of
 * first appearance. The state of play, what changed, the stance lists and
 * the charts all read this one history.
 */
export function stanceHistories(mentions: readonly Mention[]): Map<string, StanceEvent[]> {
  const byActor = new Map<string, StanceEvent[]>();
  for (const source of mentions) {
    for (const position of source.positions) {
      const list = byActor.get(position.actor) ?? [];
      list.push({ position, source, date: stanceDate({ position, source }) });
      byActor.set(position.actor, list);
    }
  }
  for (const [actor, list] of byActor) {
    // Array sort is stable: stances of the same key keep their mentions' order.
    const keyed = list.map((event) => ({ event, key: sortKey(event.date) }));
    keyed.sort((a, b) => compareStrings(a.key, b.key));
    byActor.set(
      actor,
      keyed.map((k) => k.event),
    );
  }
  return byActor;
}

/** Each actor's latest stated stance over sorted mentions, actors in order of first appearance. */
export function stanceStates(mentions: readonly Mention[]): StanceState[] {
  return [...stanceHistories(mentions)].map(([actor, history]) => {
    const latest = history.at(-1) as StanceEvent;
    const after = mentions.slice(mentions.indexOf(latest.source) + 1);
    return {
      actor,
      position: latest.position,
      source: latest.source,
      date: latest.date,
      silentSince: after,
      history,
    };
  });
}

export type TermKey = ScopedTerm["term"];
export const TERM_KEYS: readonly TermKey[] = ["guarantors", "binding", "response", "foreign_troops"];

/**
 * A term's value as comparable text: guarantors in any order, and under any
 * of their labels (`sameActor`), are the same list.
 */
export function comparableTerm(value: NonNullable<Terms[TermKey]>, sameActor: SameActor = (id) => id): string {
  return Array.isArray(value) ? [...new Set(value.map(sameActor))].sort().join(",") : value;
}

/** One value a term was given, and every source that gave it (oldest first). */
export interface TermValue<K extends TermKey = TermKey> {
  value: NonNullable<Terms[K]>;
  sources: Mention[];
}

/** The terms of a proposal, merged over its sources and side by side per source. */
export interface TermsView {
  /**
   * Per term, every distinct value the sources gave, the latest-stated first;
   * "unspecified" only when no source states a value.
   */
  merged: Partial<{ [K in TermKey]: TermValue<K>[] }>;
  /** The terms on which sources state different values. */
  disputed: TermKey[];
  /** The sources that give any term, oldest first, each with its terms. */
  bySource: { source: Mention; terms: Terms }[];
}

/** Merges sorted mentions' terms; where sources differ, every value is kept with its sources (one actor's labels are one value). */
export function termsView(mentions: readonly Mention[], sameActor: SameActor = (id) => id): TermsView {
  const merged: Record<string, TermValue[]> = {};
  const bySource = mentions.flatMap((source) => (source.terms ? [{ source, terms: source.terms }] : []));
  for (const key of TERM_KEYS) {
    const values = new Map<string, TermValue>();
    for (const { source, terms } of bySource) {
      const value = terms[key];
      if (value === undefined) continue;
      const id = comparableTerm(value, sameActor);
      const entry = values.get(id) ?? { value, sources: [] };
      entry.value = value; // as the latest source giving it words it
      entry.sources.push(source);
      values.set(id, entry);
    }
    const stated = [...values.values()].filter((v) => v.value !== "unspecified");
    const shown = stated.length > 0 ? stated : [...values.values()];
    if (shown.length === 0) continue;
    // The value stated most recently first: it is what the latest source says.
    shown.sort((a, b) => mentions.indexOf(b.sources.at(-1) as Mention) - mentions.indexOf(a.sources.at(-1) as Mention));
    merged[key] = shown;
  }
  const disputed = TERM_KEYS.filter((key) => (merged[key]?.length ?? 0) > 1);
  return { merged: merged as TermsView["merged"], disputed, bySource };
}

/** The terms as one value per key (the latest stated), for tables that show one line per proposal. */
export function latestTerms(view: TermsView): Terms {
  const terms: Record<string, unknown> = {};
  for (const key of TERM_KEYS) {
    const first = view.merged[key]?.[0];
    if (first) terms[key] = first.value;
  }
  return terms as Terms;
}
