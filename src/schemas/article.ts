import { z } from "astro/zod";
import { parse as parseLanguageTag } from "bcp-47";
import { httpUrl, nonEmptyList, text } from "./common.ts";
import { withApproximate } from "../lib/model/dates.ts";
import { day, partialDate } from "./date.ts";
import { proposalSchema } from "./proposal.ts";

const LANGUAGE_TAG_EXAMPLE = "a BCP 47 language tag such as en, uk or pt-BR";

/** Code of the `bcp-47` parser's warning for text left over after a well-formed tag (`_US` in `en_US`). */
const SUPERFLUOUS_CONTENT = 6;

/**
 * What a BCP 47 language tag (`en`, `pt-BR`, `zh-Hant-TW`, `en-x-private`) lacks, or null when it is fine. It must
 * be well-formed and start with a 2- or 3-letter ISO 639 language code: the grammar also allows 4- to 8-letter
 * language subtags, but none is registered, so `english` is a mistake, not a language.
 */
export function languageTagProblem(tag: string): string | null {
  let malformed: string | null = null;
  const parsed = parseLanguageTag(tag, {
    warning: (reason, code, offset) => {
      malformed =
        code === SUPERFLUOUS_CONTENT
          ? `subtags are letters or digits joined by hyphens; ${JSON.stringify(tag.slice(offset))} is not`
          : `well-formed: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`;
    },
  });
  if (malformed !== null) return malformed;
  const language = parsed.language ?? "";
  if (/^[a-z]{2,3}$/i.test(language)) return null;
  const not = language === "" ? "" : `, not ${JSON.stringify(language)}`;
  return `starting with a 2- or 3-letter ISO 639 language code${not}`;
}

/** Where an article comes from. */
export const sourceSchema = z
  .strictObject({
    /** The outlet that published it, as the text names it; `Unknown` when it does not. */
    publisher: text,
    /** Optional: the original's address; http(s) only. */
    url: httpUrl.optional(),
    /** Optional: the byline, only when the text gives it. */
    author: text.optional(),
    /** When it was published, as the text supports it: an EDTF date or range (`2025-08-18/2025-08-24`). */
    published: partialDate,
    /** Optional: true when `published` is inferred rather than printed. Default false. */
    approximate: z.boolean({ error: "expected true or false" }).default(false),
    /** Optional: agencies or outlets the report relies on (`AFP`, `NBC News`). */
    via: nonEmptyList(text).optional(),
    /** Optional: BCP 47 language of the original. Default `en`. */
    language: z
      .string({ error: `expected ${LANGUAGE_TAG_EXAMPLE}` })
      .superRefine((tag, ctx) => {
        const problem = languageTagProblem(tag);
        if (problem !== null)
          ctx.addIssue({ code: "custom", input: tag, message: `expected ${LANGUAGE_TAG_EXAMPLE} (${problem})` });
      })
      .default("en"),
  })
  // `approximate: true` (v2) and a trailing `~` (v3) say the same: the date carries the mark, the flag follows it.
  .transform((source) => {
    const published = withApproximate(source.published, source.approximate);
    return { ...source, published, approximate: published.includes("~") };
  });

/** A correction made after publishing (v3). */
export const correctionSchema = z.strictObject({
  /** When the correction was made: YYYY-MM-DD. */
  date: day,
  /** What changed, in our words. */
  note: text,
});

/** The front matter of `content/articles/YYYY-MM-DD-slug.md`. */
export const articleSchema = z.strictObject({
  /** Our own headline. */
  title: text,
  /** Where the report comes from. */
  source: sourceSchema,
  /** One to three sentences in our own words. */
  summary: text,
  /** The proposals the article reports, at least one. */
  proposals: nonEmptyList(proposalSchema),
  /** Optional (v3): what we corrected after publishing, newest last. */
  corrections: nonEmptyList(correctionSchema).optional(),
});

export type Source = z.output<typeof sourceSchema>;
export type Correction = z.output<typeof correctionSchema>;
export type ArticleData = z.output<typeof articleSchema>;
