import { z } from "astro/zod";
import { kebabId, nonEmptyList, text } from "./common.ts";
import { partialDate } from "./date.ts";
import { BINDING_IDS, EVIDENCE_IDS, FOREIGN_TROOPS_IDS, RESPONSE_IDS, STANCE_IDS, STATUS_IDS } from "./vocabulary.ts";

/** Proposal ids taken by other pages under /proposals/. */
const RESERVED_IDS = ["compare", "page"];

/** The design of a guarantee; feeds the comparison page. */
export const termsSchema = z.strictObject({
  /** Optional: actor ids of those who would guarantee. */
  guarantors: nonEmptyList(kebabId).optional(),
  /** Optional: legally-binding | political | unspecified. */
  binding: z.enum(BINDING_IDS).optional(),
  /** Optional: automatic | consultative | unspecified. */
  response: z.enum(RESPONSE_IDS).optional(),
  /** Optional: yes | no | unspecified — foreign troops on Ukrainian soil. */
  foreign_troops: z.enum(FOREIGN_TROOPS_IDS).optional(),
});

/** Who supports or opposes a proposal, per one source. */
export const positionSchema = z.strictObject({
  /** An actor id from actors.yaml. */
  actor: kebabId,
  /** supports | opposes | undecided. */
  stance: z.enum(STANCE_IDS),
  /** Optional: one sentence of context, in our words. */
  note: text.optional(),
});

/** Words a named person said, as the source quotes them. */
export const quoteSchema = z.strictObject({
  /** The words, exactly as quoted. */
  text: text,
  /** Who said them (a named person). */
  speaker: text,
  /** Optional: the speaker's role at the time. */
  role: text.optional(),
});

/**
 * A proposal as one article reports it: a *mention*. The same `id` in several
 * articles is the same proposal seen by several sources.
 */
export const proposalSchema = z.strictObject({
  /** Kebab-case id, the proposal's permalink `/proposals/<id>/`. */
  id: kebabId.refine((id) => !RESERVED_IDS.includes(id), {
    error: 'expected an id other than "compare" or "page" (reserved for /proposals/compare/ and /proposals/page/)',
  }),
  /** Our title for the proposal; the latest mention's title is shown. */
  title: text,
  /** An id from kinds.yaml; the same for every mention of this id. */
  kind: kebabId,
  /** Actor ids of those who put it forward, at least one. */
  proposers: nonEmptyList(kebabId),
  /** Its status in this source: floated | proposed | negotiating | agreed | implemented | rejected | withdrawn. */
  status: z.enum(STATUS_IDS),
  /** Optional: when this happened, if not `source.published`. */
  date: partialDate.optional(),
  /** Optional (extension): true when `date` is inferred rather than stated. */
  approximate: z.boolean({ error: "expected true or false" }).optional(),
  /** Optional: official-document | official-statement | anonymous-officials | media-report | analysis. */
  evidence: z.enum(EVIDENCE_IDS).optional(),
  /** What was proposed, in our own words. */
  summary: text,
  /** Optional: the guarantee's design. */
  terms: termsSchema.optional(),
  /** Optional: actors' positions per this source. */
  positions: nonEmptyList(positionSchema).optional(),
  /** Optional: named people's words, as quoted by this source. */
  quotes: nonEmptyList(quoteSchema).optional(),
});

export type Terms = z.output<typeof termsSchema>;
export type Position = z.output<typeof positionSchema>;
export type Quote = z.output<typeof quoteSchema>;
export type ProposalMentionData = z.output<typeof proposalSchema>;
