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
 * A character a reader sees: not a space or separator, control, format character (zero-width space, joiner,
 * direction mark), combining mark on its own, or one of the blank letters (Hangul fillers, the braille blank).
 */
const VISIBLE = /[^\s\p{Z}\p{Cc}\p{Cf}\p{M}\u115F\u1160\u3164\uFFA0\u2800]/u;

/**
 * A string with at least one visible character and no control character but newline and tab (an escape
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
  } else if (!VISIBLE.test(s)) {
    ctx.addIssue({
      code: "custom",
      input: s,
      message: "expected text with at least one visible character (this has only spaces, marks or invisible ones)",
    });
  }
});

/** The longest id: every id names files (`/cite/proposals/<id>.csl.json`), and a file name holds 255 bytes. */
export const MAX_ID_LENGTH = 100;

/** A kebab-case id (`united-states`, `article-5-like-guarantee`) of at most MAX_ID_LENGTH characters. */
export const kebabId = z
  .string({ error: "expected a kebab-case id" })
  .regex(KEBAB_CASE, {
    error: "expected a kebab-case id (lowercase letters, digits and single hyphens)",
  })
  .max(MAX_ID_LENGTH, { error: `expected an id of at most ${MAX_ID_LENGTH} characters` });

/** What is wrong with a source address, or null: see httpUrl. */
export function urlProblem(s: string): string | null {
  const bad = /[\s\p{Cc}\p{Cf}]/u.exec(s);
  if (bad !== null)
    return `without spaces or invisible characters (${codePointLabel(bad[0])} at character ${Array.from(s.slice(0, bad.index)).length + 1})`;
  if (!/^https?:\/\//i.test(s)) return "starting with http:// or https://";
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return "a well-formed address";
  }
  if (url.hostname.length === 0) return "with a host name";
  if (url.username !== "" || url.password !== "") return "without a user name or password (user:pass@)";
  return null;
}

/**
 * An absolute http or https URL, written out in full (`https://host/…`): no whitespace or control characters,
 * which parsers strip in some places and keep in others, and no credentials. Published normalised (`new URL(s).href`).
 */
export const httpUrl = z
  .string({ error: "expected an http(s) URL" })
  .superRefine((s, ctx) => {
    const problem = urlProblem(s);
    if (problem !== null)
      ctx.addIssue({ code: "custom", input: s, message: `expected an absolute http(s) URL ${problem}` });
  })
  .overwrite((s) => (urlProblem(s) === null ? new URL(s).href : s));

/** A non-empty list: an optional list must be left out rather than written empty. */
export function nonEmptyList<T extends z.ZodType>(item: T) {
  return z.array(item, { error: "expected a list" }).min(1, { error: "expected at least one entry" });
}
