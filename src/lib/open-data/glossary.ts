import { EVIDENCE, STANCES, STATUSES } from "../../schemas/vocabulary.ts";

/**
 * The words of the data in plain language, for the /data/ page and the
 * codebook. The vocabularies' labels come from src/schemas/vocabulary.ts, so
 * the glossary lists the values the validator accepts.
 */

export interface GlossaryEntry {
  /** The anchor on /data/ (#term-<id>). */
  id: string;
  term: string;
  /** The columns the word names, as the tables spell them. */
  columns: string[];
  text: string;
}

const labels = (terms: readonly { label: string }[]) => terms.map((t) => t.label.toLowerCase());
const [ongoing, endings] = [STATUSES.slice(0, 5), STATUSES.slice(5)];

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    id: "proposal",
    term: "Proposal",
    columns: ["proposal_id"],
    text: "One idea for a security guarantee, kept under one id and title however sources name it.",
  },
  {
    id: "mention",
    term: "Mention",
    columns: ["mentions"],
    text: "What one source article reports about one proposal: its date, status, proposers, stances and terms. An article can mention several proposals.",
  },
  {
    id: "status",
    term: "Status",
    columns: ["status"],
    text: `Where a proposal stands per one source: ${labels(ongoing).join(", ")}, or the endings ${labels(endings).join(" and ")}.`,
  },
  {
    id: "status-source",
    term: "Current status, status source",
    columns: ["status_source"],
    text: "The current status is that of the latest mention, whatever earlier ones said; status_source is that article.",
  },
  {
    id: "advanced",
    term: "More advanced status",
    columns: [],
    text: `Statuses rank ${labels(ongoing).join(" < ")} < ${labels(endings).join(" = ")}. The endings rank highest: rejected is more advanced than proposed, so a proposal reported rejected and later reported proposed again is marked sources_differ.`,
  },
  {
    id: "sources-differ",
    term: "Sources differ",
    columns: ["sources_differ"],
    text: "True when an earlier source reported a more advanced status than the current one, or a source of the same period reported another status: read the sources before quoting the status.",
  },
  {
    id: "stance",
    term: "Stance",
    columns: ["stance", "current"],
    text: `An actor's position on a proposal per one source: ${labels(STANCES).join(", ")}. current marks the actor's latest stated stance.`,
  },
  {
    id: "conditional",
    term: "Conditional",
    columns: ["note"],
    text: "Supports only if a stated condition is met; the condition is in note.",
  },
  {
    id: "evidence",
    term: "Evidence grade",
    columns: ["evidence"],
    text: `How the source knows, strongest first: ${labels(EVIDENCE).join(", ")}.`,
  },
  {
    id: "terms",
    term: "Terms",
    columns: ["guarantors", "binding", "response", "foreign_troops", "disputed_terms"],
    text: "The design of a guarantee as one source gives it. The proposals table shows the latest source that says; disputed_terms lists the terms sources disagree on.",
  },
  {
    id: "dates",
    term: "Date, approximate",
    columns: ["date", "approximate"],
    text: "As precise as the source, in EDTF: a year, a month or a day (2025, 2025-08, 2025-08-16), ending in ~ when approximate or ? when uncertain, or a range start/end (2025-06-16/2025-06-30). approximate is true when the date is inferred rather than printed.",
  },
];
