import { describe, expect, it } from "vitest";
import { parseArticleFile, parseYaml, yamlFileParser } from "../../src/lib/content/parse.ts";

const FILE = "content/articles/2025-08-16-x.md";

describe("article front matter (Astro's own parser, and what it lets through)", () => {
  it("keeps a folded value whole when one of its lines merely ends in ---", () => {
    const text = "---\ntitle: T\nsummary: >-\n  A line that ends in ---\n  and goes on.\nproposals: []\n---\n\nBody.\n";
    const parsed = parseArticleFile(FILE, text);
    expect(parsed.ok && parsed.data).toEqual({
      title: "T",
      summary: "A line that ends in --- and goes on.",
      proposals: [],
    });
  });

  it("refuses a closing fence that is not a line of exactly ---", () => {
    const parsed = parseArticleFile(FILE, "---\ntitle: T\n--- and more\nsummary: S\n---\n\nBody.\n");
    expect(parsed.ok ? null : parsed.problem).toEqual({
      file: FILE,
      path: "",
      expected: "front matter closed by a line of exactly --- (line 3 starts with --- but goes on)",
      found: '"--- and more"',
    });
  });

  it("names a front matter that is never closed", () => {
    const parsed = parseArticleFile(FILE, "---\ntitle: T\n\nBody.\n");
    expect(parsed.ok ? null : parsed.problem.expected).toBe("a line of exactly --- closing the front matter");
  });

  it("hands dates on as written, so an impossible one is not rolled over", () => {
    const parsed = parseArticleFile(FILE, "---\nsource:\n  published: 2025-02-30\n---\n");
    expect(parsed.ok && parsed.data).toEqual({ source: { published: "2025-02-30" } });
  });

  it("gives YAML syntax errors the line of the file", () => {
    const parsed = parseArticleFile(FILE, '---\ntitle: T\nsummary: "open\n---\n');
    expect(parsed.ok ? null : parsed.problem.expected).toMatch(/^valid YAML \(line 4: /);
  });

  it("refuses an alias bomb instead of expanding it", () => {
    const lines = ["---", "a0: &a0 [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 12; i++)
      lines.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(", ")}]`,
      );
    const parsed = parseArticleFile(FILE, [...lines, "---", ""].join("\n"));
    expect(parsed.ok ? null : parsed.problem.expected).toMatch(/^at most 50000 values once aliases are followed/);
  });
});

describe("YAML list files: one reading for validation and the file() loaders", () => {
  const text = "- id: ukraine\n  name: Ukraine\n  type: state\n  aliases: [1991-08-24, no, 0999]\n";

  it("keeps date-like, boolean-like and number-like aliases as the strings or numbers YAML 1.2 core makes them", () => {
    const parsed = parseYaml("content/actors.yaml", text);
    expect(parsed.ok && parsed.data).toEqual([
      { id: "ukraine", name: "Ukraine", type: "state", aliases: ["1991-08-24", "no", 999] },
    ]);
  });

  it("is what the collections load", () => {
    const parsed = parseYaml("content/actors.yaml", text);
    expect(yamlFileParser("content/actors.yaml")(text)).toEqual(parsed.ok && parsed.data);
  });

  it("throws the problem, with the file, for the loader", () => {
    expect(() => yamlFileParser("content/kinds.yaml")("- id: [")).toThrow(/^content\/kinds\.yaml: expected valid YAML/);
  });
});
