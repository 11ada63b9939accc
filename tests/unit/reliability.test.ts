import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { readCorpusFiles } from "../../src/lib/content/files.ts";
import { validateCorpus } from "../../src/lib/content/corpus.ts";
import { type Problem } from "../../src/lib/content/problems.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TINY = path.join(ROOT, "tests/fixtures/tiny");
const ARTICLE = "articles/2025-08-16-tiny.md";
const scratch = mkdtempSync(path.join(tmpdir(), "gt-reliability-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the tiny fixture changed by `edit`, validated; the problems as `file path: expected; found`. */
function problemsOf(edit: (dir: string) => void): string[] {
  const dir = mkdtempSync(path.join(scratch, "corpus-"));
  cpSync(TINY, dir, { recursive: true });
  edit(dir);
  const result = validateCorpus(readCorpusFiles(dir, dir), { today: "2026-01-01" });
  return result.ok ? [] : result.problems.map(line);
}

const line = (p: Problem) =>
  `${p.file} ${p.path}: expected ${p.expected}${p.found === undefined ? "" : `; found ${p.found}`}`;

/** Rewrites one file of a corpus copy. */
const rewrite = (dir: string, file: string, change: (text: string) => string) =>
  writeFileSync(path.join(dir, file), change(readFileSync(path.join(dir, file), "utf8")));

/** The tiny article with its first mention's `status: proposed` line followed by `lines`. */
const addToMention = (lines: string) => (dir: string) =>
  rewrite(dir, ARTICLE, (t) => t.replace("    status: proposed\n", `    status: proposed\n${lines}`));

describe("the tiny fixture these tests change", () => {
  it("is valid as it is", () => {
    expect(problemsOf(() => {})).toEqual([]);
  });
});

describe("source URLs (class 4)", () => {
  it.each([
    ["a tab inside", "https://example.org/a\tb", "without spaces or invisible characters (U+0009 at character 22)"],
    ["a BEL", "https://example.org/\u0007x", "without spaces or invisible characters (U+0007 at character 21)"],
    [
      "a NUL at the end",
      "https://example.org/x\u0000",
      "without spaces or invisible characters (U+0000 at character 22)",
    ],
    ["a leading space", " https://example.org/x", "without spaces or invisible characters (U+0020 at character 1)"],
    [
      "a zero-width space",
      "https://exa\u200Bmple.org/",
      "without spaces or invisible characters (U+200B at character 12)",
    ],
    ["no // after the scheme", "https:example.org/x", "starting with http:// or https://"],
    ["a scheme-relative address", "//example.org/x", "starting with http:// or https://"],
    ["credentials", "https://user:secret@example.org/x", "without a user name or password (user:pass@)"],
    ["a user name alone", "https://user@example.org/x", "without a user name or password (user:pass@)"],
  ])("refuses %s", (_what, url, expected) => {
    const problems = problemsOf((dir) =>
      rewrite(dir, ARTICLE, (t) => t.replace("url: https://example.org/tiny", `url: ${JSON.stringify(url)}`)),
    );
    expect(problems).toEqual([
      expect.stringContaining(`${ARTICLE} source.url: expected an absolute http(s) URL ${expected};`),
    ]);
  });

  it("publishes the normalised address", async () => {
    const { httpUrl } = await import("../../src/schemas/common.ts");
    expect(httpUrl.parse("HTTPS://Example.ORG:443/a b".replace(" ", "%20"))).toBe("https://example.org/a%20b");
    expect(httpUrl.parse("http://EXAMPLE.org")).toBe("http://example.org/");
  });
});

describe("encodings (class 5)", () => {
  it("refuses an article that is not UTF-8, naming it and the line", () => {
    const problems = problemsOf((dir) => {
      const text = readFileSync(path.join(dir, ARTICLE), "utf8").replace("One sentence", "Café sentence");
      writeFileSync(path.join(dir, ARTICLE), Buffer.from(text, "latin1"));
    });
    expect(problems).toEqual([
      `${ARTICLE} : expected text encoded as UTF-8 (line 7 is not: save the file as UTF-8, not Latin-1 or Windows-1252)`,
    ]);
  });

  it("refuses a YAML list that is not UTF-8, once", () => {
    const problems = problemsOf((dir) =>
      writeFileSync(
        path.join(dir, "kinds.yaml"),
        Buffer.from("- id: k\n  name: Défense\n  description: d\n", "latin1"),
      ),
    );
    expect(problems).toEqual([
      "kinds.yaml : expected text encoded as UTF-8 (line 2 is not: save the file as UTF-8, not Latin-1 or Windows-1252)",
    ]);
  });

  it("accepts files that start with a byte-order mark", () => {
    expect(
      problemsOf((dir) => {
        rewrite(dir, ARTICLE, (t) => `\uFEFF${t}`);
        rewrite(dir, "actors.yaml", (t) => `\uFEFF${t}`);
      }),
    ).toEqual([]);
  });
});

describe("ids (class 7)", () => {
  it("caps an id's length in the schema, naming the field", () => {
    const long = `a${"-b".repeat(60)}`;
    const problems = problemsOf((dir) => {
      rewrite(dir, "actors.yaml", (t) => t.replaceAll("ukraine", long));
      rewrite(dir, ARTICLE, (t) => t.replace("actor: ukraine", `actor: ${long}`));
    });
    expect(problems).toContainEqual(
      expect.stringContaining("actors.yaml [1].id: expected an id of at most 100 characters"),
    );
  });

  it("caps an article's slug", () => {
    const slug = `x${"-y".repeat(60)}`;
    const problems = problemsOf((dir) =>
      cpSync(path.join(dir, ARTICLE), path.join(dir, `articles/2025-08-16-${slug}.md`)),
    );
    expect(problems).toContainEqual(
      `articles/2025-08-16-${slug}.md : expected a slug of at most 100 characters in the file name (this one has 121)`,
    );
  });
});

describe("invisible text (class 8)", () => {
  it.each([
    ["zero-width spaces", "\u200B\u200B"],
    ["a word joiner and a soft hyphen", "\u2060\u00AD"],
    ["a combining mark alone", "\u0301"],
    ["Hangul fillers", "\u3164\u3164"],
    ["a braille blank", "\u2800"],
  ])("refuses a name of %s", (_what, name) => {
    const problems = problemsOf((dir) =>
      rewrite(dir, "actors.yaml", (t) => t.replace("name: Ukraine", `name: ${JSON.stringify(name)}`)),
    );
    expect(problems).toEqual([
      expect.stringContaining("actors.yaml [1].name: expected text with at least one visible character"),
    ]);
  });

  it("accepts text with one visible character among invisible ones", () => {
    expect(
      problemsOf((dir) => rewrite(dir, "actors.yaml", (t) => t.replace("name: Ukraine", 'name: "\u200BUkraine"'))),
    ).toEqual([]);
  });
});

describe("validation reads what the loader reads (class 9)", () => {
  it("keeps a __proto__ key a key: no status inherited from it", () => {
    const problems = problemsOf((dir) =>
      rewrite(dir, ARTICLE, (t) => t.replace("    status: proposed\n", "    __proto__: {status: agreed}\n")),
    );
    expect(problems).toContainEqual(expect.stringContaining(`${ARTICLE} proposals[0].status: expected one of`));
    expect(problems).toContainEqual(
      `${ARTICLE} proposals[0].__proto__: expected no such key (it is not in the content format; check its spelling)`,
    );
  });

  it("leaves an unquoted date outside a date field a date, as the loader does", () => {
    const problems = problemsOf(addToMention("    suggested_by: 2025-08-01\n"));
    expect(problems).toEqual([
      `${ARTICLE} proposals[0].suggested_by: expected text; found 2025-08-01 (a date; quoted, it would be text)`,
    ]);
  });

  it("still reads an impossible date in a date field as written", () => {
    const problems = problemsOf((dir) =>
      rewrite(dir, ARTICLE, (t) => t.replace("    status: proposed\n", "    status: proposed\n    date: 2025-02-30\n")),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^articles\/2025-08-16-tiny\.md proposals\[0\]\.date: expected a real date .*; found "2025-02-30"$/,
      ),
    ]);
  });
});

describe("data integrity (class 10)", () => {
  const people = (represents: string) => (dir: string) =>
    rewrite(
      dir,
      "actors.yaml",
      (t) =>
        `${t}- id: a-person\n  name: A Person\n  type: person\n- id: someone\n  name: Someone\n  type: person\n  represents: ${represents}\n- id: group\n  name: Group\n  type: coalition\n  members: [ukraine, united-states]\n`,
    );

  it.each([
    ["a person", "a-person", "person"],
    ["a coalition", "group", "coalition"],
  ])("refuses a person who represents %s", (_what, id, type) => {
    expect(problemsOf(people(id))).toEqual([
      `actors.yaml [3].represents: expected the id of a state or organisation (a person speaks for one; this actor is a ${type}); found "${id}"`,
    ]);
  });

  it("accepts a person who represents a state", () => {
    expect(problemsOf(people("ukraine"))).toEqual([]);
  });

  it("refuses a coalition member named twice", () => {
    const problems = problemsOf((dir) =>
      rewrite(
        dir,
        "actors.yaml",
        (t) => `${t}- id: group\n  name: Group\n  type: coalition\n  members: [ukraine, ukraine]\n`,
      ),
    );
    expect(problems).toEqual([`actors.yaml [2].members[1]: expected each member once; found "ukraine"`]);
  });

  it("accepts a label that stands for another actor, and refuses an unknown one, itself or a label of a label", () => {
    const withLabels = (lines: string) =>
      problemsOf((dir) =>
        rewrite(
          dir,
          "actors.yaml",
          (t) => `${t}- id: group\n  name: Group\n  type: coalition\n  members: [ukraine]\n${lines}`,
        ),
      );
    expect(withLabels("- id: label\n  name: Label\n  type: coalition\n  stands_for: group\n")).toEqual([]);
    expect(
      withLabels(
        "- id: label\n  name: Label\n  type: coalition\n  stands_for: group\n" +
          "- id: label-of-label\n  name: Other\n  type: coalition\n  stands_for: label\n" +
          "- id: lost\n  name: Lost\n  type: coalition\n  stands_for: lilliput\n" +
          "- id: self\n  name: Self\n  type: coalition\n  stands_for: self\n",
      ),
    ).toEqual([
      `actors.yaml [4].stands_for: expected the id of an actor that is not itself another label (label stands for group); found "label"`,
      `actors.yaml [5].stands_for: expected an actor id from actors.yaml; found "lilliput"`,
      `actors.yaml [6].stands_for: expected another actor's id (not the actor itself); found "self"`,
    ]);
  });

  it("refuses two positions of one actor in one mention, a guarantor and a proposer twice", () => {
    const problems = problemsOf((dir) =>
      rewrite(dir, ARTICLE, (t) =>
        t
          .replace("proposers: [united-states]", "proposers: [united-states, united-states]")
          .replace(
            "      - actor: ukraine\n        stance: supports\n",
            "      - actor: ukraine\n        stance: supports\n      - actor: ukraine\n        stance: opposes\n",
          )
          .replace(
            "    status: proposed\n",
            "    status: proposed\n    terms:\n      guarantors: [ukraine, ukraine]\n",
          ),
      ),
    );
    expect(problems).toEqual([
      `${ARTICLE} proposals[0].proposers[1]: expected each proposer once; found "united-states"`,
      `${ARTICLE} proposals[0].terms.guarantors[1]: expected each guarantor once; found "ukraine"`,
      `${ARTICLE} proposals[0].positions[1].actor: expected one position per actor and date in a source (merge them into one, its note giving both); found "ukraine"`,
    ]);
  });
});

describe("editor litter and special files (class 12)", () => {
  it("ignores editor litter in articles/", () => {
    expect(
      problemsOf((dir) => {
        for (const name of [
          ".2025-08-16-tiny.md.swp",
          "2025-08-16-tiny.md~",
          ".#2025-08-16-tiny.md",
          "#2025-08-16-tiny.md#",
          ".DS_Store",
        ])
          writeFileSync(path.join(dir, "articles", name), "\u0000litter");
      }),
    ).toEqual([]);
  });

  it("names a named pipe instead of waiting on it for ever", () => {
    const problems = problemsOf((dir) => execFileSync("mkfifo", [path.join(dir, "articles/2025-08-17-pipe.md")]));
    expect(problems).toEqual(["articles/2025-08-17-pipe.md : expected a regular file (this is a named pipe (FIFO))"]);
  });

  it("names a YAML list that is a folder", () => {
    const problems = problemsOf((dir) => {
      rmSync(path.join(dir, "kinds.yaml"));
      symlinkSync(path.join(dir, "articles"), path.join(dir, "kinds.yaml"));
    });
    expect(problems).toContainEqual("kinds.yaml : expected a regular file (this is a folder)");
  });
});

describe("reports (class 13)", () => {
  it("does not list knock-on problems after a YAML error in a list, and says why", () => {
    const problems = problemsOf((dir) => rewrite(dir, "proposals.yaml", (t) => `${t}  - : [\n`));
    expect(problems).toEqual([
      expect.stringMatching(
        /^proposals\.yaml : expected valid YAML \(line \d+: .*\); references to its ids are checked once it reads$/,
      ),
    ]);
  });

  it("counts entries as the file does, invalid ones included", () => {
    const problems = problemsOf((dir) =>
      rewrite(
        dir,
        "actors.yaml",
        (t) => `${t}- id: broken\n  name: Broken\n  type: kingdom\n- id: ukraine\n  name: Again\n  type: state\n`,
      ),
    );
    expect(problems).toContainEqual(
      'actors.yaml [3].id: expected an id used once (entry [1] already has it); found "ukraine"',
    );
  });

  it("runs the per-article rules on a file that fails its schema", () => {
    const problems = problemsOf((dir) =>
      rewrite(dir, ARTICLE, (t) =>
        t.replace("published: 2025-08-16", "published: 2025-08-15").replace("title: US", "title: 7\nx: US"),
      ),
    );
    expect(problems).toContainEqual(
      `${ARTICLE} source.published: expected a date matching the file name's 2025-08-16 (pad a month or year with -01); found 2025-08-15`,
    );
    expect(problems).toContainEqual(`${ARTICLE} title: expected text; found 7 (a number; quoted, it would be text)`);
  });

  it("names the articles folder actually read", () => {
    const problems = problemsOf((dir) => rmSync(path.join(dir, ARTICLE)));
    expect(problems).toContainEqual("articles : expected at least one article file (*.md)");
  });

  it("reads an empty GT_CONTENT_DIR as the default", async () => {
    vi.stubEnv("GT_CONTENT_DIR", "");
    vi.resetModules();
    try {
      const { CONTENT_DIR } = await import("../../src/lib/content/files.ts");
      expect(CONTENT_DIR).toBe("content");
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});

describe("spreadsheet formulas in CSV (class 3)", () => {
  it("writes a text cell that would run as a formula after an apostrophe, and reads it back as JSON holds it", async () => {
    const { fromCsv, toCsv } = await import("../../src/lib/open-data/csv.ts");
    const rows = [
      { text: '=HYPERLINK("http://x")', list: ["+1", "b"], n: -3 },
      { text: "-2+3", list: ["@SUM(A1)"], n: 1 },
      { text: "\tTab", list: [], n: 2 },
      { text: "'quoted", list: ["ok"], n: 3 },
      { text: "plain - text", list: ["a=b"], n: 4 },
    ];
    const csv = toCsv(["text", "list", "n"], rows);
    const cells = csv.split("\r\n").slice(1, -1);
    expect(cells).toEqual([
      `"'=HYPERLINK(""http://x"")",'+1; b,-3`,
      `'-2+3,'@SUM(A1),1`,
      `'\tTab,,2`,
      `''quoted,ok,3`,
      `plain - text,a=b,4`,
    ]);
    const columns = [
      { name: "text", type: "string" },
      { name: "list", type: "string", list: true },
      { name: "n", type: "integer" },
    ] as const;
    expect(fromCsv(csv, columns)).toEqual(rows);
  });
});

describe("the build's environment (classes 6 and 13)", async () => {
  const { buildEnvironment } = await import("../../src/integrations/environment.ts");

  it("takes a path in GT_SITE as the base", () => {
    expect(buildEnvironment({ GT_SITE: "https://example.org/sub" })).toEqual({
      site: "https://example.org/sub/",
      base: "/sub",
    });
    expect(buildEnvironment({ GT_SITE: "" })).toEqual({ site: "https://guarantee-tracker.example/", base: "/" });
  });

  it.each([
    ["example.org", "an absolute http:// or https:// URL"],
    ["ftp://example.org/", "an absolute http:// or https:// URL"],
    ["https://example.org/?utm=1", "without a query string or fragment"],
    ["https://u:p@example.org/", "without a user name or password"],
  ])("refuses GT_SITE=%s, naming the variable", (value, why) => {
    expect(() => buildEnvironment({ GT_SITE: value })).toThrow(`GT_SITE must be the site's public address`);
    expect(() => buildEnvironment({ GT_SITE: value })).toThrow(why);
  });

  it.each(["-1", "1.5", "soon", "1e9"])("refuses SOURCE_DATE_EPOCH=%s, naming the variable", (value) => {
    expect(() => buildEnvironment({ SOURCE_DATE_EPOCH: value })).toThrow(
      "SOURCE_DATE_EPOCH must be a non-negative whole number of seconds",
    );
  });

  it("accepts SOURCE_DATE_EPOCH=0 and an empty one", () => {
    expect(() => buildEnvironment({ SOURCE_DATE_EPOCH: "0" })).not.toThrow();
    expect(() => buildEnvironment({ SOURCE_DATE_EPOCH: "" })).not.toThrow();
  });
});
