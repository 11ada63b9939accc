import { z } from "astro/zod";
import { kebabId, nonEmptyList, text } from "./common.ts";
import { partialDate } from "./date.ts";
import { proposalId } from "./registry.ts";
import { BINDING_IDS, EVIDENCE_IDS, FOREIGN_TROOPS_IDS, RESPONSE_IDS, STANCE_IDS, STATUS_IDS } from "./vocabulary.ts";

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
export const positionSchema = z
  .strictObject({
    /** An actor id from actors.yaml. */
    actor: kebabId,
    /** supports | opposes | undecided | conditional. */
    stance: z.enum(STANCE_IDS),
    /** One sentence of context, in our words; required when conditional (the condition). */
    note: text.optional(),
    /** Optional: the person (actor id) who stated it. */
    speaker: kebabId.optional(),
  })
  .superRefine((position, ctx) => {
    if (position.stance === "conditional" && position.note === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["note"],
        message: "a note giving the condition, in our words (a conditional stance needs one)",
        input: undefined,
      });
    }
  });

/** Words a named person said, as the source quotes them. */
export const quoteSchema = z.strictObject({
  /** The words, exactly as quoted. */
  text: text,
  /** Who said them (a named person). */
  speaker: text,
  /** Optional: the speaker's role at the time. */
  role: text.optional(),
  /** Optional: the speaker's actor id (a person in actors.yaml). */
  speaker_id: kebabId.optional(),
});

/**
 * A proposal as one article reports it: a *mention*. The same `id` in several
 * articles is the same proposal seen by several sources.
 */
export const proposalSchema = z
  .strictObject({
    /** Kebab-case id, the proposal's permalink `/proposals/<id>/`; has its entry in proposals.yaml. */
    id: proposalId,
    /** How this source described it; shown as "also reported as" (the registry holds the stable title). */
    title: text,
    /** Optional: an id from kinds.yaml; when given, the registry's kind for this id. */
    kind: kebabId.optional(),
    /** Actor ids of those who put it forward, per this source; at least one unless `suggested_by` is given. */
    proposers: z.array(kebabId, { error: "expected a list" }).default([]),
    /** Optional: the commentators who raised the idea ("analysts quoted by the source"). */
    suggested_by: text.optional(),
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
  })
  .superRefine((proposal, ctx) => {
    if (proposal.proposers.length === 0 && proposal.suggested_by === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["proposers"],
        message: "at least one proposer, or suggested_by naming the commentators who raised the idea",
        input: proposal.proposers,
      });
    }
  });

export type Terms = z.output<typeof termsSchema>;
export type Position = z.output<typeof positionSchema>;
export type Quote = z.output<typeof quoteSchema>;
export type ProposalMentionData = z.output<typeof proposalSchema>;
