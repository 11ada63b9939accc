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
 * What `mention` changed against the mentions `before` it (oldest first);
 * `sameActor` says which guarantor ids are one actor under two labels.
 */
export function changesAt(before: readonly Mention[], mention: Mention, sameActor: SameActor = (id) => id): Change[] {
  const previous = before.at(-1);
  if (!previous) return [{ type: "first-reported" }];
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
  // Stances compare along the one stance history, ordered by when each was stated.
  const histories = stanceHistories([...before, mention]);
  for (const position of mention.positions) {
    const history = histories.get(position.actor) ?? [];
    const at = history.findIndex((event) => event.position === position);
    const was = history[at - 1]?.position.stance;
    if (was !== position.stance)
      changes.push({
        type: "stance",
        actor: position.actor,
        position,
        stance: position.stance,
        ...(was ? { was } : {}),
      });
  }
  for (const key of TERM_KEYS) {
    const value = mention.terms?.[key];
    if (value === undefined || value === "unspecified") continue;
    const was = before
      .map((m) => m.terms?.[key])
      .filter((v) => v !== undefined && v !== "unspecified")
      .at(-1);
    if (was === undefined || comparableTerm(was, sameActor) !== comparableTerm(value, sameActor))
      changes.push({ type: "term", key, value, ...(was ? { was } : {}) });
  }
  return changes;
}

/** What each mention of sorted mentions changed, in their order. */
export function changesOver(
  mentions: readonly Mention[],
  sameActor: SameActor = (id) => id,
): { mention: Mention; changes: Change[] }[] {
  return mentions.map((mention, i) => ({ mention, changes: changesAt(mentions.slice(0, i), mention, sameActor) }));
}
