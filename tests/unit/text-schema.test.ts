import { describe, expect, it } from "vitest";
import { text } from "../../src/schemas/common.ts";

/** The issue messages `text` gives for a value, or [] when it is accepted. */
function messages(value: unknown): string[] {
  const result = text.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe("the text schema", () => {
  it.each([
    ["Plain text"],
    ["Ukrainian: Гарантії безпеки"],
    ["Line one\nline two"],
    ["Column\tcolumn"],
    ["Ünïcödé — “quoted”"],
  ])("accepts %j", (value) => {
    expect(messages(value)).toEqual([]);
  });

  it.each([
    ["Red \u001B[31malert", "U+001B at character 5"],
    ["\u0000", "U+0000 at character 1"],
    ["Bell\u0007", "U+0007 at character 5"],
    ["Carriage\rreturn", "U+000D at character 9"],
    ["Vertical\u000Btab", "U+000B at character 9"],
    ["Delete\u007F", "U+007F at character 7"],
    ["Next line\u0085here", "U+0085 at character 10"],
    ["C1 \u009F end", "U+009F at character 4"],
    ["Кирилиця\u001Fпотім", "U+001F at character 9"],
    ["😀\u0001", "U+0001 at character 2"],
    // Not control characters, but refused by XML 1.0 all the same: feeds would be ill-formed.
    ["Non\uFFFEcharacter", "U+FFFE at character 4"],
    ["Lone \uD800 surrogate", "U+D800 at character 6"],
  ])("refuses %j, naming the control character and where it is", (value, found) => {
    expect(messages(value)).toEqual([
      `expected text without control characters (${found}; only newline and tab may appear)`,
    ]);
  });

  it("still refuses blank text, with its own message", () => {
    expect(messages("   ")).toEqual(["expected a non-empty string"]);
    expect(messages("")).toEqual(["expected a non-empty string"]);
  });
});
