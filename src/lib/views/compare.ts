import type { Kind } from "../../schemas/kind.ts";
import type { ScopedTerm } from "../../schemas/proposal.ts";
import type { Mention, Proposal } from "../model/model.ts";
import { TERM_KEYS, type TermKey, type TermValue } from "../model/state-of-play.ts";
import { spanOf } from "./chart-scale.ts";

/** How many of the four terms a proposal's sources have reported (for everyone, or for some actors only). */
export function termsKnown(p: Proposal): number {
  const t = p.terms;
  const scoped = new Set(p.termsView.bySource.flatMap(({ terms }) => (terms.scoped ?? []).map((s) => s.term)));
  return TERM_KEYS.filter((key) => (t[key] !== undefined && t[key] !== "unspecified") || scoped.has(key)).length;
}

/** A value given for some actors only ("no US troops"), as its latest source gave it. */
export interface ScopedValue {
  value: ScopedTerm["value"];
  of: string[];
  note?: string;
  source: Mention;
}

/** One term of one proposal in the comparison: its latest value, the source that gave it, and its scoped values. */
export interface CompareCell {
  /** The latest value stated for everyone, and the latest source stating it. */
  value?: TermValue["value"];
  source?: Mention;
  /** Sources give different values (the proposal's page shows each). */
  differs: boolean;
  scoped: ScopedValue[];
}

export interface CompareRow {
  proposal: Proposal;
  /** Terms reported (TERM_KEYS), for everyone or for some. */
  known: number;
  cells: Record<TermKey, CompareCell>;
}

/** The comparison's orders, each a pre-rendered page: by kind, by most terms reported, by latest report. */
export const COMPARE_ORDERS = ["kind", "terms", "latest"] as const;
export type CompareOrder = (typeof COMPARE_ORDERS)[number];

/** Each term's cell: the merged value's latest source, and every scoped value (the latest per term and actors). */
function cellsOf(p: Proposal): Record<TermKey, CompareCell> {
  const scoped = new Map<string, { term: TermKey; value: ScopedValue }>();
  for (const { source, terms } of p.termsView.bySource) {
    for (const s of terms.scoped ?? []) {
      scoped.set(`${s.term}|${[...s.of].sort().join(",")}`, {
        term: s.term,
        value: { value: s.value, of: s.of, ...(s.note === undefined ? {} : { note: s.note }), source },
      });
    }
  }
  const cells = {} as Record<TermKey, CompareCell>;
  for (const key of TERM_KEYS) {
    const latest = p.termsView.merged[key]?.[0];
    cells[key] = {
      ...(latest ? { value: latest.value, source: latest.sources.at(-1) as Mention } : {}),
      differs: p.termsView.disputed.includes(key),
      scoped: [...scoped.values()].filter((s) => s.term === key).map((s) => s.value),
    };
  }
  return cells;
}

/**
 * The comparison's rows in an order: by kind (in the order of kinds.yaml, the
 * best-described first within a kind), by most terms reported, or by latest
 * report (newest first); ties by title.
 */
export function compareRows(
  proposals: readonly Proposal[],
  kinds: readonly Kind[],
  order: CompareOrder = "kind",
): CompareRow[] {
  const kindOrder = new Map(kinds.map((k, i) => [k.id, i]));
  const latest = (p: Proposal) => spanOf(p.latest.date).start;
  const byTitle = (a: CompareRow, b: CompareRow) => a.proposal.title.localeCompare(b.proposal.title, "en");
  const compare: Record<CompareOrder, (a: CompareRow, b: CompareRow) => number> = {
    kind: (a, b) =>
      (kindOrder.get(a.proposal.kind) ?? 0) - (kindOrder.get(b.proposal.kind) ?? 0) ||
      b.known - a.known ||
      byTitle(a, b),
    terms: (a, b) => b.known - a.known || latest(b.proposal) - latest(a.proposal) || byTitle(a, b),
    latest: (a, b) => latest(b.proposal) - latest(a.proposal) || byTitle(a, b),
  };
  return proposals
    .map((proposal) => ({ proposal, known: termsKnown(proposal), cells: cellsOf(proposal) }))
    .sort(compare[order]);
}

/** Rows cut into runs of the same kind, in their order (a page's groups). */
export function kindGroups<T extends { proposal: Pick<Proposal, "kind"> }>(
  rows: readonly T[],
): { kind: string; rows: T[] }[] {
  const groups: { kind: string; rows: T[] }[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last.kind === row.proposal.kind) last.rows.push(row);
    else groups.push({ kind: row.proposal.kind, rows: [row] });
  }
  return groups;
}
