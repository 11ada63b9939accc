import { STATUSES, termOf, type Status } from "../../schemas/vocabulary.ts";
import type { Change } from "../model/changes.ts";
import type { Position } from "../../schemas/proposal.ts";
import { formatDate, withApproximate, type PartialDate } from "../model/dates.ts";
import type { Mention } from "../model/model.ts";
import { stanceDate } from "../model/state-of-play.ts";

const status = (s: Status) => termOf(STATUSES, s).label.toLowerCase();
const per = (m: Mention) => `per ${m.article.source.publisher}, ${formatDate(m.date)}`;

/**
 * A status change in words. Only a move forward along the lifecycle is said as
 * progress; a move out of an end state or back to an earlier stage is said as
 * contested, with who reported what and when; two mentions of the same period
 * that disagree are said as sources differing, with no order between them.
 */
export function statusChangeWords(change: Extract<Change, { type: "status" }>): string {
  const { from, to, previous, mention } = change;
  switch (change.move) {
    case "forward":
      return `Status moved from ${status(from)} to ${status(to)}`;
    case "reopened":
      return (
        `Contested: ${status(from)} ${per(previous)}; ${status(to)} ${per(mention)}. ` +
        `A move out of an end state, not progress`
      );
    case "backward":
      return `Contested: ${status(from)} ${per(previous)}; only ${status(to)} ${per(mention)}. A step back, not progress`;
    case "same-period":
      return (
        `Sources differ: ${previous.article.source.publisher} reports it ${status(from)}, ` +
        `${mention.article.source.publisher} ${status(to)}, for the same period (${formatDate(mention.date)})`
      );
  }
}

/** When a stance was stated and when its source reported it; `stated` left out when it is the publication itself. */
export interface StanceWhen {
  stated?: PartialDate;
  reported: PartialDate;
}

/** A stance's two dates: stated (the position's date, else its mention's) and reported (its source's publication). */
export function stanceWhen(stance: { position: Position; source: Mention }): StanceWhen {
  const reported = stance.source.article.source.published;
  const stated = withApproximate(stanceDate(stance), stance.position.date === undefined && stance.source.approximate);
  return stated === reported ? { reported } : { stated, reported };
}

/** A stance's dates in words: "stated 18 December 2025, reported 20 December 2025", or "reported 20 December 2025". */
export function stanceWhenWords(stance: { position: Position; source: Mention }): string {
  const { stated, reported } = stanceWhen(stance);
  return `${stated === undefined ? "" : `stated ${formatDate(stated)}, `}reported ${formatDate(reported)}`;
}
