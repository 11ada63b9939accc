import { z } from "astro/zod";
import { kebabId, nonEmptyList, text } from "./common.ts";
import { ACTOR_TYPE_IDS } from "./vocabulary.ts";

/** One entry of `content/actors.yaml`: a state, organisation, coalition or person. */
export const actorSchema = z.strictObject({
  /** Kebab-case id, unique; the actor's permalink `/actors/<id>/`. */
  id: kebabId,
  /** Display name (`United States`). */
  name: text,
  /** state | organization | coalition | person. */
  type: z.enum(ACTOR_TYPE_IDS),
  /** Optional: other names sources use (`US`, `Washington`); searchable. */
  aliases: nonEmptyList(text).optional(),
});

export type Actor = z.output<typeof actorSchema>;
