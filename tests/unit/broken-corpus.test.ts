import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCorpusFiles } from "../../src/lib/content/files.ts";
import { validateCorpus } from "../../src/lib/content/corpus.ts";
import { formatProblems } from "../../src/lib/content/problems.ts";

const root = path.resolve(import.meta.dirname, "../..");
const fixture = path.join(root, "tests/fixtures/broken");
const F = "tests/fixtures/broken";
const A = `${F}/articles`;

const REAL_DATE =
  "a real date as YYYY-MM-DD, YYYY-MM or YYYY, optionally ending in ~ (approximate) or ? (uncertain), " +
  "or a range start/end of two such dates";

/** Every problem the broken fixture must report: file, field path, expectation, what was found. */
const EXPECTED: [file: string, path: string, expected: string, found?: string][] = [
  ["tests/fixtures/broken/actors.yaml", "[3].type", "one of state | organization | coalition | person", '"kingdom"'],
  ["tests/fixtures/broken/kinds.yaml", "[1].description", "text (the field is required)", "nothing"],
  [`${A}/2025-02-30-impossible-date.md`, "source.published", REAL_DATE, '"2025-02-30"'],
  [`${A}/2025-08-16-missing-summary.md`, "summary", "text (the field is required)", "nothing"],
  [
    `${A}/2025-08-17-unknown-references.md`,
    "proposals[0].status",
    "one of floated | proposed | negotiating | agreed | implemented | rejected | withdrawn",
    '"maybe"',
  ],
  [
    `${A}/2025-08-17-unknown-references.md`,
    "proposals[0].evidence",
    "one of official-document | official-statement | anonymous-officials | media-report | analysis",
    '"rumour"',
  ],
  [
    `${A}/2025-08-17-unknown-references.md`,
    "proposals[0].positions[0].stance",
    "one of supports | opposes | undecided | conditional",
    '"lukewarm"',
  ],
  [
    `${A}/2025-08-18-bad-ids-and-lists.md`,
    "source.url",
    "an absolute http(s) URL starting with http:// or https://",
    '"javascript:alert(1)"',
  ],
  [
    `${A}/2025-08-18-bad-ids-and-lists.md`,
    "proposals[0].id",
    "a kebab-case id (lowercase letters, digits and single hyphens)",
    '"Not_Kebab"',
  ],
  [
    `${A}/2025-08-18-bad-ids-and-lists.md`,
    "proposals[0].proposers",
    "at least one proposer, or suggested_by naming the commentators who raised the idea",
    "[]",
  ],
  [
    `${A}/2025-08-19-yaml-error.md`,
    "",
    "valid YAML (line 5: unexpected end of the stream within a double quoted scalar)",
  ],
  [`${A}/2025-08-20-no-front-matter.md`, "", "front matter between --- lines at the top of the file"],
  [`${A}/2025-08-24-wrong-shapes.md`, "source.approximate", "true or false", '"yes"'],
  [
    `${A}/2025-08-24-wrong-shapes.md`,
    "source.language",
    'a BCP 47 language tag such as en, uk or pt-BR (starting with a 2- or 3-letter ISO 639 language code, not "English")',
    '"English"',
  ],
  [
    `${A}/2025-08-24-wrong-shapes.md`,
    "proposals[0].terms.binding",
    "one of legally-binding | political | unspecified",
    '"very"',
  ],
  [
    `${A}/2025-08-24-wrong-shapes.md`,
    "proposals[0].terms.foreign_troops",
    "one of yes | no | unspecified",
    "false (true or false; quoted, it would be text)",
  ],
  [`${A}/2025-08-24-wrong-shapes.md`, "proposals[0].quotes[0].speaker", "text (the field is required)", "nothing"],
  [
    `${A}/2025-08-24-wrong-shapes.md`,
    "proposals[0].proposer",
    "no such key (it is not in the content format; check its spelling)",
  ],
  // Echoed as written: YAML reads 0999 as the number 999.
  [`${A}/2025-08-24-wrong-shapes.md`, "proposals[0].date", REAL_DATE, "0999 (a number; quoted, it would be text)"],
  [`${A}/2025-08-25-empty-strings.md`, "title", "a non-empty string", '""'],
  [`${A}/2025-08-25-empty-strings.md`, "source.publisher", "a non-empty string", '"  "'],
  [`${A}/2025-08-25-empty-strings.md`, "proposals", "at least one entry", "[]"],
  // The per-article rules run on a file that fails its schema too, as far as its shape allows.
  [
    `${A}/2025-08-25-empty-strings.md`,
    "source.published",
    "a date matching the file name's 2025-08-25 (pad a month or year with -01)",
    "2025-08",
  ],
  [
    `${A}/2025-08-13-control-characters.md`,
    "title",
    "text without control characters (U+001B at character 35; only newline and tab may appear)",
    '"A headline pasted from a terminal <U+001B>[31mred<U+001B>[0m"',
  ],
  [
    `${A}/2025-08-13-control-characters.md`,
    "proposals[0].summary",
    "text without control characters (U+0085 at character 28; only newline and tab may appear)",
    '"A pledge with a C1 control <U+0085> inside."',
  ],
  // Rules across files.
  ["tests/fixtures/broken/actors.yaml", "[2].id", "an id used once (entry [1] already has it)", '"italy"'],
  [
    `${A}/2025-08-17-unknown-references.md`,
    "proposals[0].kind",
    "a kind id from tests/fixtures/broken/kinds.yaml",
    '"naval-patrol"',
  ],
  [
    `${A}/2025-08-17-unknown-references.md`,
    "proposals[0].proposers[1]",
    "an actor id from tests/fixtures/broken/actors.yaml",
    '"narnia"',
  ],
  [
    `${A}/2025-08-21-kind-conflict.md`,
    "proposals[0].kind",
    `kind "collective-defense", as ${F}/proposals.yaml gives for "article-5-like-guarantee" (or leave kind out)`,
    '"monitoring"',
  ],
  [
    `${A}/2025-08-23-duplicate-slug.md`,
    "",
    `a slug not already used by ${A}/2025-08-22-duplicate-slug.md`,
    '"duplicate-slug"',
  ],
  [
    `${A}/2025-08-26-file-date-mismatch.md`,
    "source.published",
    "a date matching the file name's 2025-08-26 (pad a month or year with -01)",
    "2025-09-01",
  ],
  [
    `${A}/2025-08-26-file-date-mismatch.md`,
    "proposals[0].date",
    "a date on or before source.published (2025-09-01)",
    "2025-09-03",
  ],
  [`${A}/2099-01-01-from-the-future.md`, "source.published", "a date no later than today (2026-11-22)", "2099-01-01"],
  [`${A}/notes.md`, "", "a file name like YYYY-MM-DD-some-slug.md (lowercase kebab-case slug)", '"notes.md"'],
  // Version 2: the registry, conditional stances, suggested ideas, people and coalitions.
  [
    `${A}/2025-08-26-file-date-mismatch.md`,
    "proposals[0].id",
    `an id with its entry in ${F}/proposals.yaml (id, title, kind)`,
    '"sea-mission-five"',
  ],
  [
    `${F}/proposals.yaml`,
    "[5].id",
    "an id used by at least one article (remove the entry, or add the article that reports it)",
    '"ghost-proposal"',
  ],
  [`${F}/proposals.yaml`, "[5].related[0].id", `a proposal id from ${F}/proposals.yaml`, '"no-such-proposal"'],
  [
    `${A}/2025-08-27-v2-rules.md`,
    "proposals[0].positions[0].note",
    "a note giving the condition, in our words (a conditional stance needs one) (the field is required)",
    "nothing",
  ],
  [
    `${A}/2025-08-27-v2-rules.md`,
    "proposals[0].proposers",
    "at least one proposer, or suggested_by naming the commentators who raised the idea",
    "[]",
  ],
  [
    `${A}/2025-08-27-v2-rules.md`,
    "proposals[0].positions[1].speaker",
    `the id of a person (type: person) in ${F}/actors.yaml`,
    '"italy"',
  ],
  [
    `${A}/2025-08-27-v2-rules.md`,
    "proposals[0].quotes[0].speaker_id",
    `the id of a person (type: person) in ${F}/actors.yaml`,
    '"someone-unknown"',
  ],
  // Counted as the file counts them: entry [3] is invalid and still counts.
  [`${F}/actors.yaml`, "[4].represents", `an actor id from ${F}/actors.yaml`, '"narnia"'],
  [`${F}/actors.yaml`, "[5].members[1]", `an actor id from ${F}/actors.yaml`, '"lilliput"'],
  [`${F}/actors.yaml`, "[6].members", "only a coalition has members (this actor is a state)", '["italy"]'],
  // Files that are not articles, or not whole: each named, none skipped in silence.
  [
    `${A}/2025-08-28-fence-with-text.md`,
    "",
    "front matter closed by a line of exactly --- (line 7 starts with --- but goes on)",
    '"--- and more"',
  ],
  [`${A}/2025-08-29-alias-bomb.md`, "", "at most 50000 values once aliases are followed (an alias bomb?)"],
  [`${A}/2025-08-30-long.markdown`, "", "the extension .md, lowercase (other spellings are not read as articles)"],
  [`${A}/2025-08-30-upper.MD`, "", "the extension .md, lowercase (other spellings are not read as articles)"],
  [`${A}/2025-08-31-dangling.md`, "", "a file (this is a link to nothing)"],
  [`${A}/2025-08-31-outside.md`, "", "a file inside the content directory (this link points outside it)"],
  [
    `${A}/2025-09-01-folder.md`,
    "",
    "an article file (*.md); folders inside articles/ are not read, so move its files up",
  ],
  [`${A}/archive`, "", "an article file (*.md); folders inside articles/ are not read, so move its files up"],
  // Version 3: dates as ranges, dated stances, scoped terms, corrections.
  [
    `${A}/2025-09-02-v3-shapes.md`,
    "proposals[0].date",
    "a range that ends on or after its start",
    '"2025-08-24/2025-08-18"',
  ],
  [
    `${A}/2025-09-02-v3-shapes.md`,
    "proposals[0].terms.foreign_troops.value",
    "one of yes | no | unspecified",
    '"maybe"',
  ],
  [
    `${A}/2025-09-02-v3-shapes.md`,
    "proposals[0].terms.foreign_troops.of[0]",
    `an actor id from ${F}/actors.yaml`,
    '"narnia"',
  ],
  [
    `${A}/2025-09-03-v3-rules.md`,
    "proposals[0].positions[0].date",
    "a date on or before source.published (2025-09-03)",
    "2025-09-10",
  ],
  [
    `${A}/2025-09-03-v3-rules.md`,
    "corrections[0].date",
    "a date on or after source.published (2025-09-03): a correction follows the article",
    "2025-09-01",
  ],
  [`${A}/2025-09-03-v3-rules.md`, "corrections[1].date", "a date no later than today (2026-11-22)", "2099-01-01"],
];

describe("a corpus with many kinds of breakage", () => {
  const result = validateCorpus(readCorpusFiles(fixture, root), {
    today: "2026-11-22",
  });
  const problems = result.ok ? [] : result.problems;

  it("fails as a whole", () => {
    expect(result.ok).toBe(false);
  });

  it("reports every problem, each with its file, field path, expectation and finding", () => {
    const got = problems.map((p) => [p.file, p.path, p.expected, ...(p.found === undefined ? [] : [p.found])]);
    expect(got).toEqual(expect.arrayContaining(EXPECTED));
    expect(got).toHaveLength(EXPECTED.length);
  });

  it("names every broken file, and not the valid one", () => {
    const files = new Set(problems.map((p) => p.file));
    expect(files.size).toBe(28);
    expect(files).not.toContain(`${A}/2025-08-15-valid-baseline.md`);
    expect(files).not.toContain(`${A}/2025-08-22-duplicate-slug.md`);
  });

  it("prints one report grouped by file", () => {
    const report = formatProblems(problems);
    expect(report.split("\n")[0]).toBe(
      `The content has ${EXPECTED.length} problems in 28 files; nothing was published.`,
    );
    expect(report).toContain(
      `${A}/2025-08-17-unknown-references.md\n  proposals[0].status: expected one of floated | proposed`,
    );
    expect(report).toContain("  (file): expected front matter between --- lines at the top of the file");
  });
});

describe("a missing list file", () => {
  it("is reported by path", () => {
    const result = validateCorpus(
      {
        articles: [],
        lists: { actors: null, kinds: null, proposals: null, places: null },
        listPaths: {
          actors: "content/actors.yaml",
          kinds: "content/kinds.yaml",
          proposals: "content/proposals.yaml",
          places: "content/places.yaml",
        },
        strays: [],
      },
      { today: "2026-11-22" },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.file}: ${p.expected}`)).toEqual([
      "content/actors.yaml: this file to exist (a YAML list; references to its ids are checked once it does)",
      "content/kinds.yaml: this file to exist (a YAML list; references to its ids are checked once it does)",
      "content/proposals.yaml: this file to exist (a YAML list; references to its ids are checked once it does)",
      "content/articles: at least one article file (*.md)",
    ]);
  });
});
