import { z } from "astro/zod";
import { kebabId, nonEmptyList, text } from "./common.ts";

/**
 * One entry of `content/places.yaml` (a project extension to the contract): a
 * place the sources name. Search indexes its aliases on every page naming it.
 */
export const placeSchema = z.strictObject({
  /** Kebab-case id, unique. */
  id: kebabId,
  /** The name the site uses (`Kyiv`). */
  name: text,
  /** Other spellings and languages (`Kiev`, `Київ`). */
  aliases: nonEmptyList(text),
});

export type Place = z.output<typeof placeSchema>;
