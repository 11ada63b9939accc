import { z } from "astro/zod";
import { httpUrl, nonEmptyList, text } from "./common.ts";
import { partialDate } from "./date.ts";
import { proposalSchema } from "./proposal.ts";

/** BCP 47 language tag (`en`, `uk`, `pt-BR`). */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** Where an article comes from. */
export const sourceSchema = z.strictObject({
  /** The outlet that published it, as the text names it; `Unknown` when it does not. */
  publisher: text,
  /** Optional: the original's address; http(s) only. */
  url: httpUrl.optional(),
  /** Optional: the byline, only when the text gives it. */
  author: text.optional(),
  /** When it was published: YYYY-MM-DD, YYYY-MM or YYYY. */
  published: partialDate,
  /** Optional: true when `published` is inferred rather than printed. Default false. */
  approximate: z.boolean({ error: "expected true or false" }).default(false),
  /** Optional: agencies or outlets the report relies on (`AFP`, `NBC News`). */
  via: nonEmptyList(text).optional(),
  /** Optional: BCP 47 language of the original. Default `en`. */
  language: z
    .string({ error: "expected a BCP 47 language tag" })
    .regex(LANGUAGE_TAG, {
      error: "expected a BCP 47 language tag such as en or uk",
    })
    .default("en"),
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
});

export type Source = z.output<typeof sourceSchema>;
export type ArticleData = z.output<typeof articleSchema>;
