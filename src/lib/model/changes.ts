import type { Position, Terms } from "../../schemas/proposal.ts";
import type { Stance, Status } from "../../schemas/vocabulary.ts";
import { samePeriod } from "./dates.ts";
import type { SameActor } from "./involvement.ts";
import type { Mention } from "./mention.ts";
import { comparableTerm, stanceHistories, STATUS_RANK, TERM_KEYS, type TermKey } from "./state-of-play.ts";

/**
 * The one definition of what changed between a proposal's mentions: its
 * status against the mention before, each stance that is new or differs from
 * the actor's previous one, each term stated differently from before. The home
 * page, the proposal pages and every feed read it.
 */

/** The statuses a proposal can end in: moving out of one is not progress. */
const ENDINGS: ReadonlySet<Status> = new Set(["rejected", "withdrawn"]);

/**
 * How a status moved from one mention to the next: `forward` along the
 * lifecycle, `reopened` out of an end state, `backward` to an earlier stage,
 * `same-period` when both mentions are of the same period (sources differ,
 * no order claimed).
 */
export type StatusMove = "forward" | "backward" | "reopened" | "same-period";

/** A value a term was given (guarantors as actor ids). */
export type TermGiven = NonNullable<Terms[TermKey]>;

export type Change =
  | { type: "first-reported" }
  | { type: "status"; from: Status; to: Status; move: StatusMove; previous: Mention; mention: Mention }
  | { type: "same-status"; status: Status }
  | { type: "stance"; actor: string; position: Position; stance: Stance; was?: Stance }
  | { type: "term"; key: TermKey; value: TermGiven; was?: TermGiven };

/** How a status moved between two mentions (see StatusMove). */
export function statusMove(previous: Mention, mention: Mention): StatusMove {
  if (samePeriod(previous.date, mention.date)) return "same-period";
  if (ENDINGS.has(previous.status) && !ENDINGS.has(mention.status)) return "reopened";
  return STATUS_RANK[mention.status] < STATUS_RANK[previous.status] ? "backward" : "forward";
}

/**
 * What each mention of sorted mentions changed against the mentions before
 * it, in their order; `sameActor` says which guarantor ids are one actor
 * under two labels. The stance histories are built once: the history over
 * the first i mentions is the full one without the events of later mentions
 * (the sort is stable), so a stance's previous one is the nearest earlier
 * event of a mention up to its own.
 */
export function changesOver(
  mentions: readonly Mention[],
  sameActor: SameActor = (id) => id,
): { mention: Mention; changes: Change[] }[] {
  const was = previousStances(mentions);
  const lastTerm = new Map<TermKey, TermGiven>();
  return mentions.map((mention, i) => {
    const previous = mentions[i - 1];
    if (!previous) {
      noteTerms(lastTerm, mention);
      return { mention, changes: [{ type: "first-reported" }] };
    }
    const changes: Change[] = [
      previous.status === mention.status
        ? { type: "same-status", status: mention.status }
        : {
            type: "status",
            from: previous.status,
            to: mention.status,
            move: statusMove(previous, mention),
            previous,
            mention,
          },
    ];
    for (const position of mention.positions) {
      const before = was.get(position);
      if (before !== position.stance)
        changes.push({
          type: "stance",
          actor: position.actor,
          position,
          stance: position.stance,
          ...(before ? { was: before } : {}),
        });
    }
    for (const key of TERM_KEYS) {
      const value = mention.terms?.[key];
      if (value === undefined || value === "unspecified") continue;
      const before = lastTerm.get(key);
      if (before === undefined || comparableTerm(before, sameActor) !== comparableTerm(value, sameActor))
        changes.push({ type: "term", key, value, ...(before ? { was: before } : {}) });
    }
    noteTerms(lastTerm, mention);
    return { mention, changes };
  });
}

/** Keeps each term's latest stated value (not "unspecified") as of `mention`. */
function noteTerms(last: Map<TermKey, TermGiven>, mention: Mention): void {
  for (const key of TERM_KEYS) {
    const value = mention.terms?.[key];
    if (value !== undefined && value !== "unspecified") last.set(key, value);
  }
}

/**
 * Per position, the stance its actor had stated before it as of its mention:
 * in the actor's history, the nearest earlier event whose mention is not
 * later than its own (a stack of events with rising mention index finds each
 * in one pass).
 */
function previousStances(mentions: readonly Mention[]): Map<Position, Stance | undefined> {
  const order = new Map(mentions.map((m, i) => [m, i]));
  const was = new Map<Position, Stance | undefined>();
  for (const history of stanceHistories(mentions).values()) {
    const stack: { at: number; stance: Stance }[] = [];
    for (const event of history) {
      const at = order.get(event.source) as number;
      while (stack.length > 0 && (stack.at(-1) as { at: number }).at > at) stack.pop();
      was.set(event.position, stack.at(-1)?.stance);
      stack.push({ at, stance: event.position.stance });
    }
  }
  return was;
}
