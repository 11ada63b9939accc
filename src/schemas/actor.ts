import { z } from "astro/zod";
import { kebabId, nonEmptyList, text } from "./common.ts";
import { ACTOR_TYPE_IDS } from "./vocabulary.ts";

/** One entry of `content/actors.yaml`: a state, organisation, coalition or person. */
export const actorSchema = z
  .strictObject({
    /** Kebab-case id, unique; the actor's permalink `/actors/<id>/`. */
    id: kebabId,
    /** Display name (`United States`). */
    name: text,
    /** state | organization | coalition | person. */
    type: z.enum(ACTOR_TYPE_IDS),
    /** Optional: other names readers and sources use, any language or spelling (`US`, `США`); searchable. */
    aliases: nonEmptyList(text).optional(),
    /** Optional, people only: the actor id of the state or organisation the person speaks for. */
    represents: kebabId.optional(),
    /** Optional, people only: their office as the sources give it (`Prime Minister of Italy`). */
    role: text.optional(),
    /** Optional, coalitions only: actor ids of its members as the sources name them. */
    members: nonEmptyList(kebabId).optional(),
    /**
     * Optional (project extension): the actor id this one is another label for,
     * as sources name one group differently (`european-leaders` for the
     * coalition of the willing); the two count as one guarantor.
     */
    stands_for: kebabId.optional(),
  })
  .superRefine((actor, ctx) => {
    for (const key of ["represents", "role"] as const) {
      if (actor[key] !== undefined && actor.type !== "person") {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `only a person has "${key}" (this actor is a ${actor.type})`,
        });
      }
    }
    if (actor.members !== undefined && actor.type !== "coalition") {
      ctx.addIssue({
        code: "custom",
        path: ["members"],
        message: `only a coalition has members (this actor is a ${actor.type})`,
      });
    }
  });

export type Actor = z.output<typeof actorSchema>;
