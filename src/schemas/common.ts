import { z } from "astro/zod";

/** Pattern of every id and slug: lowercase words joined by single hyphens. */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A string with at least one non-blank character. */
export const text = z
  .string({ error: "expected text" })
  .refine((s) => s.trim().length > 0, { error: "expected a non-empty string" });

/** A kebab-case id (`united-states`, `article-5-like-guarantee`). */
export const kebabId = z.string({ error: "expected a kebab-case id" }).regex(KEBAB_CASE, {
  error: "expected a kebab-case id (lowercase letters, digits and single hyphens)",
});

/** An absolute http or https URL. */
export const httpUrl = z.string({ error: "expected an http(s) URL" }).refine(
  (s) => {
    try {
      const url = new URL(s);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
    } catch {
      return false;
    }
  },
  { error: "expected an absolute http(s) URL" },
);

/** A non-empty list: an optional list must be left out rather than written empty. */
export function nonEmptyList<T extends z.ZodType>(item: T) {
  return z.array(item, { error: "expected a list" }).min(1, { error: "expected at least one entry" });
}
