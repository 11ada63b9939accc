import { describe, expect, it } from "vitest";
import { describeValue, formatProblems, showInvisible } from "../../src/lib/content/problems.ts";

describe("describeValue", () => {
  it.each([
    [undefined, "nothing"],
    ["maybe", '"maybe"'],
    ['say "hi" \\ bye', '"say \\"hi\\" \\\\ bye"'],
    ["two\nlines\tand a tab", '"two\\nlines\\tand a tab"'],
    [false, "false"],
    [42, "42"],
    [null, "null"],
    [[], "[]"],
    [["a", 1, null], '["a",1,null]'],
    [{ id: "x", skipped: undefined }, '{"id":"x"}'],
    [new Date("2025-09-01T00:00:00Z"), "2025-09-01"],
  ])("shows %j as %s", (value, shown) => {
    expect(describeValue(value)).toBe(shown);
  });

  it.each([
    ["zero\u200Bwidth", '"zero<U+200B>width"'],
    ["non\u200Cjoiner\u200Djoiner", '"non<U+200C>joiner<U+200D>joiner"'],
    ["word\u2060joiner", '"word<U+2060>joiner"'],
    ["\uFEFFbom", '"<U+FEFF>bom"'],
    ["\u202Eevil\u202C", '"<U+202E>evil<U+202C>"'],
    ["\u202A\u202B\u202D", '"<U+202A><U+202B><U+202D>"'],
    ["\u2066isolate\u2069 \u2067\u2068", '"<U+2066>isolate<U+2069> <U+2067><U+2068>"'],
    ["escape\u001B[31m", '"escape<U+001B>[31m"'],
    ["nul\u0000 del\u007F c1\u0085", '"nul<U+0000> del<U+007F> c1<U+0085>"'],
    ["\r", '"<U+000D>"'],
    [["a\u200Bb", { "k\u2060": "\uFEFF" }], '["a<U+200B>b",{"k<U+2060>":"<U+FEFF>"}]'],
  ])("shows the invisible characters of %j escaped: %s", (value, shown) => {
    expect(describeValue(value)).toBe(shown);
  });

  it("keeps visible non-ASCII text as it is", () => {
    expect(describeValue("Гарантії — “безпеки” 😀")).toBe('"Гарантії — “безпеки” 😀"');
  });

  it("cuts a long text with a marker that gives its whole length", () => {
    const long = "x".repeat(200);
    expect(describeValue(long)).toBe(`"${"x".repeat(78)}…" (cut; the text has 200 characters)`);
  });

  it("counts characters, not UTF-16 units, and never cuts an escape in two", () => {
    expect(describeValue("😀".repeat(100))).toBe(`"${"😀".repeat(78)}…" (cut; the text has 100 characters)`);
    const shown = describeValue(`${"a".repeat(74)}\u200B${"b".repeat(20)}`);
    expect(shown).toBe(`"${"a".repeat(74)}…" (cut; the text has 95 characters)`);
  });

  it("cuts a long list or map with a marker", () => {
    const list = Array.from({ length: 30 }, (_, i) => `item-${i}`);
    const shown = describeValue(list);
    expect(shown).toMatch(/^\["item-0","item-1",.*… \(cut; \d+ characters in all\)$/);
    expect(shown).toContain(`(cut; ${JSON.stringify(list).length} characters in all)`);
  });

  it("leaves a value of exactly the limit whole", () => {
    const exact = "y".repeat(78);
    expect(describeValue(exact)).toBe(`"${exact}"`);
  });
});

describe("showInvisible", () => {
  it("escapes every invisible character and leaves the rest", () => {
    expect(showInvisible("a\u200Bb\u00A0c\u2028d")).toBe("a<U+200B>b\u00A0c<U+2028>d");
    expect(showInvisible("soft\u00ADhyphen, tag\u{E0041}")).toBe("soft<U+00AD>hyphen, tag<U+E0041>");
    expect(showInvisible("plain")).toBe("plain");
  });
});

describe("the report", () => {
  it("shows invisible characters in file names, paths and expectations", () => {
    const report = formatProblems([
      {
        file: "content/articles/2025-08-16-zero\u200Bwidth.md",
        path: "proposals[0].propos\u200Bers",
        expected: "no such key (it is not in the content format; check its spelling)",
      },
      {
        file: "content/articles/2025-08-16-zero\u200Bwidth.md",
        path: "title",
        expected: 'kind "a\u202Eb" as elsewhere',
        found: describeValue("T\u2066itle"),
      },
    ]);
    expect(report).toBe(
      [
        "The content has 2 problems in 1 file; nothing was published.",
        "",
        "content/articles/2025-08-16-zero<U+200B>width.md",
        "  proposals[0].propos<U+200B>ers: expected no such key (it is not in the content format; check its spelling)",
        '  title: expected kind "a<U+202E>b" as elsewhere; found "T<U+2066>itle"',
      ].join("\n"),
    );
  });
});
