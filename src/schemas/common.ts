import { z } from "astro/zod";
import { codePointLabel } from "../lib/content/problems.ts";

/** Pattern of every id and slug: lowercase words joined by single hyphens. */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * C0 and C1 control characters (Unicode category Cc) other than tab and newline, and what XML 1.0 refuses
 * besides: lone surrogates and the non-characters U+FFFE and U+FFFF.
 */
const CONTROL_CHARACTER = /[^\P{Cc}\t\n]|\p{Cs}|[\uFFFE\uFFFF]/u;

/**
 * A string with at least one non-blank character and no control character but newline and tab (an escape
 * sequence or a stray NUL is invisible on the page and in an editor, and breaks XML feeds).
 */
export const text = z.string({ error: "expected text" }).superRefine((s, ctx) => {
  const control = CONTROL_CHARACTER.exec(s);
  if (control !== null) {
    const at = Array.from(s.slice(0, control.index)).length + 1;
    const found = `${codePointLabel(control[0])} at character ${at}`;
    ctx.addIssue({
      code: "custom",
      input: s,
      message: `expected text without control characters (${found}; only newline and tab may appear)`,
    });
  } else if (s.trim().length === 0) {
    ctx.addIssue({ code: "custom", input: s, message: "expected a non-empty string" });
  }
});

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
