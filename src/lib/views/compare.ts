import type { Kind } from "../../schemas/kind.ts";
import type { Proposal } from "../model/model.ts";

/** How many of the four terms a proposal's sources have reported. */
export function termsKnown(p: Proposal): number {
  const t = p.terms;
  return [t.guarantors, t.binding, t.response, t.foreign_troops].filter((v) => v !== undefined && v !== "unspecified")
    .length;
}

/**
 * The comparison's rows: proposals grouped by kind (in the order of
 * kinds.yaml), the best-described first within a kind, then by title.
 */
export function compareRows(
  proposals: readonly Proposal[],
  kinds: readonly Kind[],
): { proposal: Proposal; known: number }[] {
  const kindOrder = new Map(kinds.map((k, i) => [k.id, i]));
  return proposals
    .map((proposal) => ({ proposal, known: termsKnown(proposal) }))
    .sort(
      (a, b) =>
        (kindOrder.get(a.proposal.kind) ?? 0) - (kindOrder.get(b.proposal.kind) ?? 0) ||
        b.known - a.known ||
        a.proposal.title.localeCompare(b.proposal.title, "en"),
    );
}
