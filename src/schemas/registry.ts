import { z } from "astro/zod";
import { kebabId, nonEmptyList, text } from "./common.ts";
import { RELATION_IDS } from "./vocabulary.ts";

/** Proposal ids taken by other pages under /proposals/. */
export const RESERVED_PROPOSAL_IDS = ["compare", "page", "status"];

/** A proposal id: kebab-case, not one of the reserved page names. */
export const proposalId = kebabId.refine((id) => !RESERVED_PROPOSAL_IDS.includes(id), {
  error:
    'expected an id other than "compare", "page" or "status" (reserved for /proposals/compare/, /proposals/page/ and /proposals/status/)',
});

/** A link from one proposal to another. */
export const relatedSchema = z.strictObject({
  /** The other proposal's id, in proposals.yaml. */
  id: proposalId,
  /** alternative-to | evolved-from | part-of. */
  relation: z.enum(RELATION_IDS),
});

/** One entry of `content/proposals.yaml`: the proposal's stable identity, whatever its sources call it. */
export const registryEntrySchema = z.strictObject({
  /** Kebab-case id, the proposal's permalink `/proposals/<id>/`; used by at least one article. */
  id: proposalId,
  /** The stable name, in our words: the page's h1 and what a citation names. */
  title: text,
  /** An id from kinds.yaml. */
  kind: kebabId,
  /** Optional: other names it goes by in sources and readers' searches. */
  aliases: nonEmptyList(text).optional(),
  /** Optional: links to other proposals. */
  related: nonEmptyList(relatedSchema).optional(),
});

export type RegistryEntry = z.output<typeof registryEntrySchema>;
export type Related = z.output<typeof relatedSchema>;
