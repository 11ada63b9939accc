import { describe, expect, it } from "vitest";
import { articleSchema, sourceSchema } from "../../src/schemas/article.ts";
import { proposalSchema } from "../../src/schemas/proposal.ts";
import { actorSchema } from "../../src/schemas/actor.ts";
import { check } from "../../src/lib/content/parse.ts";
import { parseArticleFile } from "../../src/lib/content/parse.ts";

const GOOD = `---
title: US floats an "Article 5-type" guarantee outside NATO
source:
  publisher: The Defense Post
  url: https://www.thedefensepost.com/2025/08/16/example/
  published: 2025-08-16
  via: [AFP]
summary: One to three sentences in our own words.
proposals:
  - id: article-5-like-guarantee
    title: Article 5-like security guarantee outside NATO
    kind: collective-defense
    proposers: [united-states]
    status: proposed
    evidence: anonymous-officials
    summary: What was proposed, in our own words.
    terms:
      guarantors: [united-states, italy]
      binding: political
      response: consultative
      foreign_troops: no
    positions:
      - actor: italy
        stance: supports
        note: Meloni had pushed for it for months.
    quotes:
      - text: It is not the only possible option.
        speaker: Giorgia Meloni
        role: Prime Minister of Italy
---

The body.
`;

function validate(text: string) {
  const parsed = parseArticleFile("content/articles/2025-08-16-x.md", text);
  if (!parsed.ok) return { ok: false as const, problems: [parsed.problem] };
  return check(articleSchema, "content/articles/2025-08-16-x.md", parsed.data);
}

describe("the article schema", () => {
  it("accepts the contract's example, with defaults filled in", () => {
    const result = validate(GOOD);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.source.language).toBe("en");
    expect(result.value.source.approximate).toBe(false);
    expect(result.value.proposals[0]?.terms?.foreign_troops).toBe("no");
  });

  it.each([
    ["published: 2025-08-16", "published: 2025-08", "2025-08"],
    ["published: 2025-08-16", "published: 2025", "2025"],
    ["published: 2025-08-16", 'published: "2025-08-16"', "2025-08-16"],
  ])("keeps the precision of a date written %s → %s", (from, to, expected) => {
    const result = validate(GOOD.replace(from, to));
    expect(result.ok && result.value.source.published).toBe(expected);
  });

  it("also accepts a Date, as Astro's YAML parser hands it over", () => {
    const result = articleSchema.safeParse({
      title: "T",
      summary: "S",
      source: { publisher: "P", published: new Date("2025-08-16T00:00:00Z") },
      proposals: [{ id: "a", title: "A", kind: "k", proposers: ["x"], status: "floated", summary: "S" }],
    });
    expect(result.success && result.data.source.published).toBe("2025-08-16");
  });

  it.each([
    [
      "url: https://www.thedefensepost.com/2025/08/16/example/",
      "url: ftp://example.org/x",
      "source.url",
      "an absolute http(s) URL starting with http:// or https://",
    ],
    [
      "status: proposed",
      "status: Proposed",
      "proposals[0].status",
      "one of floated | proposed | negotiating | agreed | implemented | rejected | withdrawn",
    ],
    [
      "stance: supports",
      "stance: backs",
      "proposals[0].positions[0].stance",
      "one of supports | opposes | undecided | conditional",
    ],
    [
      "id: article-5-like-guarantee",
      "id: compare",
      "proposals[0].id",
      'an id other than "compare", "page" or "status" (reserved for /proposals/compare/, /proposals/page/ and /proposals/status/)',
    ],
    ["speaker: Giorgia Meloni", 'speaker: ""', "proposals[0].quotes[0].speaker", "a non-empty string"],
    ["via: [AFP]", "via: []", "source.via", "at least one entry"],
  ])("rejects %s → %s at %s", (from, to, path, expected) => {
    const result = validate(GOOD.replace(from, to));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual(expect.objectContaining({ path, expected }));
  });
});

describe("the actor schema", () => {
  it("accepts aliases and rejects an unknown type", () => {
    expect(
      actorSchema.safeParse({ id: "united-states", name: "United States", type: "state", aliases: ["US"] }).success,
    ).toBe(true);
    const bad = check(actorSchema, "content/actors.yaml", { id: "x", name: "X", type: "empire" }, [0]);
    expect(bad.ok === false && bad.problems).toEqual([
      {
        file: "content/actors.yaml",
        path: "[0].type",
        expected: "one of state | organization | coalition | person",
        found: '"empire"',
      },
    ]);
  });
});

describe("version 3 forms", () => {
  const mention = (terms: unknown) =>
    proposalSchema.parse({ id: "a-b", title: "T", status: "floated", summary: "S.", proposers: ["x"], terms });

  it("keeps a scoped term apart from the unscoped value it would otherwise be merged into", () => {
    const terms = mention({ foreign_troops: { value: "no", of: ["united-states"] }, binding: "political" }).terms;
    expect(terms?.foreign_troops).toBeUndefined();
    expect(terms?.binding).toBe("political");
    expect(terms?.scoped).toEqual([{ term: "foreign_troops", value: "no", of: ["united-states"] }]);
  });

  it("reads `{ value, note }` without `of` as the plain value with its note", () => {
    const terms = mention({
      response: { value: "unspecified", note: "He did not know what response there would be." },
    }).terms;
    expect(terms?.response).toBe("unspecified");
    expect(terms?.notes?.response).toBe("He did not know what response there would be.");
  });

  it("marks a v2 approximate publication date with ~, as v3 writes it", () => {
    expect(sourceSchema.parse({ publisher: "W", published: "2025-08", approximate: true }).published).toBe("2025-08~");
    const v3 = sourceSchema.parse({ publisher: "W", published: "2025-08~" });
    expect(v3).toMatchObject({ published: "2025-08~", approximate: true });
  });
});
