import { z } from "astro/zod";
import { kebabId, nonEmptyList, text } from "./common.ts";

/** One entry of `content/kinds.yaml`: a kind of guarantee. */
export const kindSchema = z.strictObject({
  /** Kebab-case id, unique; the kind's permalink `/kinds/<id>/`. */
  id: kebabId,
  /** Display name (`Article 5-like collective defence`). */
  name: text,
  /** What counts as this kind, in one or two sentences. */
  description: text,
  /** Optional: other words readers use for this kind (`peacekeepers`, `reassurance force`); searchable. */
  aliases: nonEmptyList(text).optional(),
});

export type Kind = z.output<typeof kindSchema>;
