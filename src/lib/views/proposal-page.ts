import type { ScopedTerm, Terms } from "../../schemas/proposal.ts";
import {
  BINDING,
  FOREIGN_TROOPS,
  RELATIONS,
  RESPONSES,
  STANCE_IDS,
  termOf,
  type Relation,
  type Stance,
  type Term,
} from "../../schemas/vocabulary.ts";
import { statusMove, type Change, type TermGiven } from "../model/changes.ts";
import { statusChangeWords } from "./change-words.ts";
import { timeBetween } from "../model/date-spans.ts";

export type { Change } from "../model/changes.ts";
import type { MethodGroup } from "./method.ts";
import type { Mention, Proposal } from "../model/model.ts";
import { pushTo } from "../model/maps.ts";
export { stanceDate } from "../model/state-of-play.ts";
import { TERM_KEYS, type StanceState, type StatusState, type TermKey, type TermsView } from "../model/state-of-play.ts";

/** Why a source's status differs from the current one (src/lib/model/state-of-play.ts statusState). */
export type DifferReason = "more-advanced" | "same-period";

export interface DifferingSource {
  mention: Mention;
  reason: DifferReason;
  /**
   * The move from that source's status to the current one in the words of
   * what changed (src/lib/views/change-words.ts): a step back or a move out of
   * an end state is said as contested, never as progress.
   */
  words: string;
}

/** The sources that differ from the current status, newest first, each with why. */
export function differingSources(state: StatusState): DifferingSource[] {
  return [...state.differs].reverse().map((mention) => {
    const move = statusMove(mention, state.source);
    return {
      mention,
      reason: move === "same-period" ? "same-period" : "more-advanced",
      words: statusChangeWords({
        type: "status",
        from: mention.status,
        to: state.status,
        move,
        previous: mention,
        mention: state.source,
      }),
    };
  });
}

/**
 * The conditional stances of a proposal's proposers (or of the people who
 * speak for them): what the lead shows beside the status, since a proposer
 * ready to trade its proposal away changes what the status means.
 */
export function proposerConditions(
  proposal: Pick<Proposal, "proposers" | "stances">,
  represents: (id: string) => string | undefined = () => undefined,
): StanceState[] {
  const proposers = new Set(proposal.proposers);
  return proposal.stances.filter(
    (s) => s.position.stance === "conditional" && (proposers.has(s.actor) || proposers.has(represents(s.actor) ?? "")),
  );
}

/**
 * How old an actor's latest stance is, when later sources on the proposal are
 * silent on it: "stated 4 months before the latest source, which does not
 * mention it". Null when the stance comes from the latest source.
 */
export function stanceAge(stance: StanceState): string | null {
  const latest = stance.silentSince.at(-1);
  if (!latest) return null;
  const span = timeBetween(stance.source.date, latest.date);
  const when = span ? `Stated ${span} before the latest source` : "Stated before the latest source";
  const silent = stance.silentSince.length;
  return silent === 1 ? `${when}, which does not mention it` : `${when}; the ${silent} sources since do not mention it`;
}

/** Latest stances grouped by stance, in the vocabulary's order, empty groups left out. */
export function stancesByValue(stances: readonly StanceState[]): { stance: Stance; actors: StanceState[] }[] {
  return STANCE_IDS.map((stance) => ({ stance, actors: stances.filter((s) => s.position.stance === stance) })).filter(
    (group) => group.actors.length > 0,
  );
}

/** One cell of the redline: the value a source gives a term, and whether it departs from the latest stated one. */
export interface RedlineCell {
  value?: Terms[TermKey];
  differs: boolean;
}

/** The terms side by side: one column per source, one row per term. */
export interface Redline {
  /** The sources shown, oldest first (the latest `limit` of those that give terms). */
  columns: Mention[];
  /** Sources giving terms that are left out (the oldest). */
  omitted: number;
  rows: { key: TermKey; disputed: boolean; cells: RedlineCell[] }[];
}

/**
 * The redline of a proposal's terms. In a term the sources dispute, a cell is
 * marked when its value is not the latest stated one; "unspecified" and a
 * missing value are never marked (the model does not count them as disputes).
 */
export function redline(view: TermsView, limit = 6): Redline {
  const columns = view.bySource.slice(-limit);
  const rows = TERM_KEYS.map((key) => {
    const disputed = view.disputed.includes(key);
    const latest = view.merged[key]?.[0]?.sources ?? [];
    const cells = columns.map(({ source, terms }): RedlineCell => {
      const value = terms[key];
      const stated = value !== undefined && value !== "unspecified";
      return { ...(value === undefined ? {} : { value }), differs: disputed && stated && !latest.includes(source) };
    });
    return { key, disputed, cells };
  });
  return { columns: columns.map((c) => c.source), omitted: view.bySource.length - columns.length, rows };
}

/** A registry link seen from one proposal: its own links and the links other proposals make to it. */
export interface RegistryLink {
  /** Heading for the group: "Alternative to", or for a link made by the other proposal, "Alternatives to it". */
  label: string;
  relation: Relation;
  /** True when the other proposal holds the link (it is an alternative to, evolved from or part of this one). */
  inbound: boolean;
  proposal: Proposal;
}

const INBOUND_LABELS: Record<Relation, string> = {
  "alternative-to": "Alternatives to it",
  "evolved-from": "Evolved into",
  "part-of": "Includes",
};

/** Every proposal's registry links (proposals.yaml `related`), both ways, by proposal id. */
export function registryLinks(proposals: readonly Proposal[]): Map<string, RegistryLink[]> {
  const byId = new Map(proposals.map((p) => [p.id, p]));
  const links = new Map<string, RegistryLink[]>();
  for (const p of proposals) {
    for (const { id, relation } of p.links) {
      const other = byId.get(id);
      if (!other) continue;
      pushTo(links, p.id, { label: termOf(RELATIONS, relation).label, relation, inbound: false, proposal: other });
      pushTo(links, id, { label: INBOUND_LABELS[relation], relation, inbound: true, proposal: p });
    }
  }
  return links;
}

/** The computed related proposals (model `related`) other than those the registry already links. */
export function alsoRelated(proposal: Proposal, links: readonly RegistryLink[]): string[] {
  const linked = new Set(links.map((l) => l.proposal.id));
  return proposal.related.filter((id) => !linked.has(id));
}

/** Each title a source gave the proposal other than its stable one, with the sources that used it (oldest first). */
export function reportedAs(proposal: Proposal): { title: string; sources: Mention[] }[] {
  return proposal.alsoReportedAs.map((title) => ({
    title,
    sources: proposal.mentions.filter((m) => m.title === title),
  }));
}

/** What the latest source changed, compared with the sources before it (src/lib/model/changes.ts). */
export function latestChanges(proposal: Pick<Proposal, "changes">): Change[] {
  return proposal.changes.at(-1)?.changes ?? [];
}

/** The tooltip of a "sources differ" mark on a status. */
export function differsNote(count: number): string {
  return `${count} source${count === 1 ? " reports" : "s report"} another status: see the proposal's state of play`;
}

/** What each term is called on the page. */
export const TERM_NAMES: Record<TermKey, string> = {
  guarantors: "Guarantors",
  binding: "How binding",
  response: "Response to an attack",
  foreign_troops: "Foreign troops in Ukraine",
};

/** The vocabulary and method-page group of each term other than guarantors. */
export const TERM_VOCABULARIES = {
  binding: { terms: BINDING, group: "binding" },
  response: { terms: RESPONSES, group: "response" },
  foreign_troops: { terms: FOREIGN_TROOPS, group: "troops" },
} as const satisfies Record<Exclude<TermKey, "guarantors">, { terms: readonly Term[]; group: MethodGroup }>;

/** A term's value in words (guarantors by name): "Political", "United States, Italy". */
export function termWords(key: TermKey, value: TermGiven, name: (id: string) => string): string {
  if (Array.isArray(value)) return value.map(name).join(", ");
  return key === "guarantors" ? value : termOf<Term>(TERM_VOCABULARIES[key].terms, value).label;
}

/**
 * A scoped term in words, with whom it concerns: "No troops from United
 * States", "Troops in Ukraine from France", "Political, for Italy".
 */
export function scopedTermWords(term: ScopedTerm, name: (id: string) => string): string {
  const whom = term.of.map(name).join(", ");
  if (term.term === "foreign_troops") {
    if (term.value === "no") return `No troops from ${whom}`;
    if (term.value === "yes") return `Troops in Ukraine from ${whom}`;
    return `Troops from ${whom}: unspecified`;
  }
  const value = termWords(term.term, term.value as TermGiven, name);
  return `${value}, for ${whom}`;
}

/**
 * The actors the sources name on a proposal (proposers, guarantors, members
 * of a proposing coalition, ...) that have no recorded stance on it: "no
 * opposition recorded" is not "nobody opposes", and these are who to ask.
 */
export function unstatedActors(
  proposal: Pick<Proposal, "parts" | "stances">,
  typeOf: (id: string) => string | undefined,
): string[] {
  const stated = new Set(
    proposal.stances.flatMap((s) => [s.actor, ...(s.position.speaker ? [s.position.speaker] : [])]),
  );
  // People speak for a state or organisation: the key actors are those.
  return [...proposal.parts.keys()].filter((id) => !stated.has(id) && typeOf(id) !== "person");
}
