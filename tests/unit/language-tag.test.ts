import { describe, expect, it } from "vitest";
import { sourceSchema } from "../../src/schemas/article.ts";

/** The issue messages the article source schema gives for `language`, or [] when it is accepted. */
function messages(language: unknown): string[] {
  const result = sourceSchema.safeParse({ publisher: "Wire", published: "2025-08-16", language });
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

const EXPECTED = "expected a BCP 47 language tag such as en, uk or pt-BR";

describe("source.language", () => {
  it.each([
    ["en"],
    ["uk"],
    ["pt-BR"],
    ["zh-Hant-TW"],
    ["sr-Latn"],
    ["en-x-private"],
    ["es-419"],
    ["de-DE-1996"],
    ["yue"],
  ])("accepts %j", (tag) => {
    expect(messages(tag)).toEqual([]);
  });

  it("defaults to en", () => {
    const result = sourceSchema.safeParse({ publisher: "Wire", published: "2025-08-16" });
    expect(result.success && result.data.language).toBe("en");
  });

  it.each([
    ["english", `${EXPECTED} (starting with a 2- or 3-letter ISO 639 language code, not "english")`],
    ["English", `${EXPECTED} (starting with a 2- or 3-letter ISO 639 language code, not "English")`],
    ["en_US", `${EXPECTED} (subtags are letters or digits joined by hyphens; "_US" is not)`],
    ["en-", `${EXPECTED} (subtags are letters or digits joined by hyphens; "-" is not)`],
    ["pt BR", `${EXPECTED} (subtags are letters or digits joined by hyphens; " BR" is not)`],
    ["x-private", `${EXPECTED} (starting with a 2- or 3-letter ISO 639 language code)`],
    ["", `${EXPECTED} (starting with a 2- or 3-letter ISO 639 language code)`],
    ["en-GB-abcdefghi", `${EXPECTED} (well-formed: too long variant, expected at most 8 characters)`],
  ])("refuses %j with a message that says why", (tag, message) => {
    expect(messages(tag)).toEqual([message]);
  });

  it("refuses what is not a string", () => {
    expect(messages(42)).toEqual([EXPECTED]);
  });
});
