import { z } from "astro/zod";
import { kebabId, nonEmptyList, text } from "./common.ts";
import { partialDate } from "./date.ts";
import type { Binding, ForeignTroops, Response } from "./vocabulary.ts";
import { proposalId } from "./registry.ts";
import { BINDING_IDS, EVIDENCE_IDS, FOREIGN_TROOPS_IDS, RESPONSE_IDS, STANCE_IDS, STATUS_IDS } from "./vocabulary.ts";

/** A term given with whom it concerns: `{ value: no, of: [united-states] }` is "no US troops". */
export interface ScopedTerm {
  term: "guarantors" | "binding" | "response" | "foreign_troops";
  /** The value, from the term's vocabulary (for guarantors, actor ids). */
  value: string | string[];
  /** Actor ids the value concerns. */
  of: string[];
  note?: string;
}

/** The JSON Schema form of each term (plain value or `{ value, of?, note? }`), keyed by the term's schema. */
export const TERM_FORMS = new Map<z.ZodType, z.ZodType>();

/**
 * A term's value written plainly (`no`) or as `{ value, of?, note? }` (v3):
 * `of` lists the actor ids the value concerns, `note` says more in our words.
 * An object is checked as the second form, anything else as the first, so a
 * wrong value is reported as what the vocabulary expects.
 */
function scopable<T extends z.ZodType>(value: T) {
  const form = z.strictObject({
    /** The value, from the term's vocabulary. */
    value,
    /** Optional: actor ids of those the value concerns (`[united-states]`: "no US troops"). */
    of: nonEmptyList(kebabId).optional(),
    /** Optional: one sentence on the value, in our words. */
    note: text.optional(),
  });
  const schema = z.unknown().transform((input, ctx): { value: z.output<T>; of?: string[]; note?: string } => {
    const isForm = input !== null && typeof input === "object" && !Array.isArray(input) && !(input instanceof Date);
    const result = (isForm ? form : value).safeParse(input);
    if (!result.success) {
      for (const issue of result.error.issues) ctx.addIssue(issue as Parameters<typeof ctx.addIssue>[0]);
      return z.NEVER;
    }
    return isForm ? (result.data as { value: z.output<T> }) : { value: result.data as z.output<T> };
  });
  TERM_FORMS.set(schema, z.union([value, form]));
  return schema;
}

/** The design of a guarantee; feeds the comparison page. */
export const termsSchema = z
  .strictObject({
    /** Optional: actor ids of those who would guarantee. */
    guarantors: scopable(nonEmptyList(kebabId)).optional(),
    /** Optional: legally-binding | political | unspecified. */
    binding: scopable(z.enum(BINDING_IDS)).optional(),
    /** Optional: automatic | consultative | unspecified. */
    response: scopable(z.enum(RESPONSE_IDS)).optional(),
    /** Optional: yes | no | unspecified — foreign troops on Ukrainian soil. */
    foreign_troops: scopable(z.enum(FOREIGN_TROOPS_IDS)).optional(),
  })
  .transform((written) => {
    // Unscoped values stay in their key (and are merged over sources); scoped ones are kept apart, never merged.
    const terms: {
      guarantors?: string[];
      binding?: Binding;
      response?: Response;
      foreign_troops?: ForeignTroops;
      /** Notes given with unscoped values. */
      notes?: Partial<Record<ScopedTerm["term"], string>>;
      /** Values given for some actors only. */
      scoped?: ScopedTerm[];
    } = {};
    for (const key of ["guarantors", "binding", "response", "foreign_troops"] as const) {
      const given = written[key];
      if (given === undefined) continue;
      if (given.of !== undefined) {
        terms.scoped = [
          ...(terms.scoped ?? []),
          { term: key, value: given.value, of: given.of, ...(given.note === undefined ? {} : { note: given.note }) },
        ];
        continue;
      }
      (terms as Record<string, unknown>)[key] = given.value;
      if (given.note !== undefined) terms.notes = { ...terms.notes, [key]: given.note };
    }
    return terms;
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
    /** Optional (v3): when it was stated, if not the mention's date. */
    date: partialDate.optional(),
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
