import { describe, expect, it } from "vitest";
import { joinWords, resultExcerpt, type ExcerptPart } from "../../src/lib/search/excerpt.ts";
import { NAME_BLOCKS, namesText } from "../../src/lib/search/names.ts";

/** A page as Pagefind hands it over: hidden name blocks first (with their anchors), then the visible text. */
function page(blocks: Partial<Record<keyof typeof NAME_BLOCKS, string[][]>>, visible: string) {
  const anchors: { id: string; location: number; text: string }[] = [];
  const texts: string[] = [];
  let location = 0;
  for (const [block, groups] of Object.entries(blocks)) {
    const text = namesText(groups);
    anchors.push({ id: NAME_BLOCKS[block as keyof typeof NAME_BLOCKS], location, text });
    texts.push(text);
    location += text.split(" ").length;
  }
  const content = [...texts, visible].join(" ");
  const words = content.split(" ");
  /** Pagefind's match locations for words equal (case aside) to one of `query`. */
  const hits = (...query: string[]) =>
    words.flatMap((w, location) =>
      query.includes(w.replace(/[^\p{L}\p{N}.]+$/u, "").toLowerCase()) ? [{ location, balanced_score: 100 }] : [],
    );
  return { content, anchors, hits };
}

const html = (parts: readonly ExcerptPart[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join("");

describe("a result's excerpt", () => {
  it("shows the visible text around the match, never the hidden names", () => {
    const p = page({ names: [["UK", "Britain"]] }, "United Kingdom. Also called: UK, Britain. It proposed nothing.");
    const excerpt = resultExcerpt({ content: p.content, anchors: p.anchors, weighted_locations: p.hits("uk") }, 30);
    expect(html(excerpt.parts)).toBe("United Kingdom. Also called: [UK], Britain. It proposed nothing.");
    expect(excerpt.notes).toEqual([]);
    expect(excerpt.cut).toEqual({ before: false, after: false });
  });

  it("marks the name the page uses for a place the reader spelt otherwise, and notes the spelling", () => {
    const p = page(
      {
        places: [
          ["Kyiv", "Kiev"],
          ["Odesa", "Odessa", "Одеса"],
        ],
      },
      "Allies weigh a mission so that ships can sail out of Odesa, as Kyiv asks.",
    );
    const excerpt = resultExcerpt({ content: p.content, anchors: p.anchors, weighted_locations: p.hits("odessa") }, 30);
    expect(html(excerpt.parts)).toBe("Allies weigh a mission so that ships can sail out of [Odesa], as Kyiv asks.");
    expect(excerpt.notes).toEqual([{ block: "places", name: "Odesa", matched: [[{ text: "Odessa", mark: true }]] }]);
  });

  it("for a kind's word, marks nothing the kind's other words name, and notes the word", () => {
    const p = page(
      { kind: [["Foreign forces", "peacekeepers", "naval mission"]] },
      "Black Sea maritime security mission. A naval mission to keep shipping lanes open.",
    );
    const excerpt = resultExcerpt(
      { content: p.content, anchors: p.anchors, weighted_locations: p.hits("peacekeepers") },
      30,
    );
    expect(html(excerpt.parts)).toBe(p.content.split(" ").slice(-13).join(" "));
    expect(excerpt.notes).toEqual([
      { block: "kind", name: "Foreign forces", matched: [[{ text: "peacekeepers", mark: true }]] },
    ]);
  });

  it("notes a name once when a subject's alias and its kind's word both match, and marks only that name", () => {
    const p = page(
      { names: [["reassurance force", "boots on the ground"]], kind: [["Foreign forces", "reassurance force"]] },
      "European-led force. Also reported as boots on the ground.",
    );
    const excerpt = resultExcerpt(
      { content: p.content, anchors: p.anchors, weighted_locations: p.hits("reassurance") },
      30,
    );
    expect(html(excerpt.parts)).toBe("European-led force. Also reported as boots on the ground.");
    expect(excerpt.notes).toEqual([
      {
        block: "names",
        name: "reassurance force",
        matched: [
          [
            { text: "reassurance", mark: true },
            { text: " force", mark: false },
          ],
        ],
      },
    ]);
  });

  it("shows the opening words, cut, when only hidden names matched and the text names none of them", () => {
    const p = page({ names: [["reassurance force"]] }, "one two three four five six");
    const excerpt = resultExcerpt(
      { content: p.content, anchors: p.anchors, weighted_locations: p.hits("reassurance", "force") },
      4,
    );
    expect(html(excerpt.parts)).toBe("one two three four");
    expect(excerpt.cut).toEqual({ before: false, after: true });
    expect(excerpt.notes[0]?.matched).toEqual([[{ text: "reassurance force", mark: true }]]);
  });

  it("picks the densest stretch of matches, cut on both sides", () => {
    const text = "a b c NATO d e f g h i NATO NATO j k l m n o p";
    const p = page({}, text);
    const excerpt = resultExcerpt({ content: p.content, anchors: p.anchors, weighted_locations: p.hits("nato") }, 5);
    expect(html(excerpt.parts)).toBe("i [NATO NATO] j k");
    expect(excerpt.cut).toEqual({ before: true, after: true });
  });

  it("handles a page without anchors or matches", () => {
    const excerpt = resultExcerpt({ content: "Just text.", weighted_locations: [] }, 30);
    expect(excerpt).toEqual({
      parts: [{ text: "Just text.", mark: false }],
      cut: { before: false, after: false },
      notes: [],
    });
  });
});

describe("joining marked words", () => {
  it.each([
    [
      "a phrase as one highlight",
      [
        ["Black", true],
        ["Sea", true],
        ["mission", false],
      ],
      "[Black Sea] mission",
    ],
    [
      "punctuation outside the highlight",
      [
        ["“Odesa,”", true],
        ["port", false],
      ],
      "“[Odesa],” port",
    ],
    [
      "no highlight across a comma",
      [
        ["Odesa,", true],
        ["Kyiv", true],
      ],
      "[Odesa], [Kyiv]",
    ],
  ] as const)("%s", (_, words, expected) => {
    expect(html(joinWords(words.map(([text, mark]) => ({ text, mark }))))).toBe(expected);
  });
});
