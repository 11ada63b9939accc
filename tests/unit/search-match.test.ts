import { describe, expect, it } from "vitest";
import { searchAssetUrl, pagefindBasePath } from "../../src/lib/search/assets.ts";
import {
  allowedEdits,
  bareWord,
  correctedQuery,
  isAboutPlace,
  isNamedBy,
  isWordMatch,
  namedFirst,
  queryWords,
  resultMatch,
} from "../../src/lib/search/match.ts";
import { searchVocabulary } from "../../src/lib/search/vocabulary.ts";
import { loadModel } from "../support/model.ts";

describe("a matched word stands for the query word, or is a fragment of it", () => {
  it.each([
    ["UK", "UK"],
    ["UK", "Ukraine"],
    ["Crim", "Crimea"],
    ["crimea", "Crimea,"],
    ["guarantees", "guarantee"],
    ["policies", "policy"],
    ["Україною", "України"],
    ["kyiv", "Kyiv's"],
    ["Zelensky", "Zelenskyy"],
    ["Одеса", "Одеса"],
  ])("“%s” → “%s” is a match", (typed, found) => expect(isWordMatch(typed, found)).toBe(true));

  it.each([
    ["Tomahawk", "to"],
    ["Crimea", "c."],
    ["Crim", "(c."],
    ["Donetsk", "done"],
    ["Великобританія", "в"],
    ["reasurance", "rea"],
    ["UK", ""],
  ])("“%s” → “%s” is a fragment", (typed, found) => expect(isWordMatch(typed, found)).toBe(false));

  it("compares across case, accents and punctuation, and keeps й a letter of its own", () => {
    expect(bareWord("“Kyiv’s”")).toBe("kyiv");
    expect(bareWord("Bürgenstock")).toBe("burgenstock");
    expect(bareWord("Зеленський")).toBe("зеленський");
    expect(bareWord("й")).toBe("й");
    expect(queryWords("  no-fly   zone, NATO nato ")).toEqual(["no-fly", "zone", "nato"]);
  });
});

describe("a result's match", () => {
  const content = "Tomahawk talks. Allies agreed to send air patrols to the Black Sea in 2025.";
  const at = (...words: number[]) => words.map((location) => ({ location, balanced_score: 1 }));

  it("is strong when every query word matched itself or a longer word", () => {
    expect(resultMatch({ content, weighted_locations: at(6, 7) }, "air patrol")).toEqual({ strong: true, missing: [] });
  });

  it("is weak when Pagefind matched a fragment of a word: “Tomahawk missiles” found by “to”", () => {
    const match = resultMatch(
      { content: "Allies agreed to send missiles", weighted_locations: at(2, 4) },
      "Tomahawk missiles",
    );
    expect(match).toEqual({ strong: false, missing: ["tomahawk"] });
  });
});

describe("the nearest name for a word that matched nothing", () => {
  const known = ["reassurance", "росія", "україна", "зеленський", "crimea", "kharkiv"];

  it("replaces a misspelt word by the nearest known one", () => {
    expect(correctedQuery("reasurance force", ["reasurance"], known)).toBe("reassurance force");
    expect(correctedQuery("Зеленский", ["зеленский"], known)).toBe("зеленський");
    expect(correctedQuery("Россия", ["россия"], known)).toBe("росія");
    expect(correctedQuery("Украина", ["украина"], known)).toBe("україна");
  });

  it("leaves alone short words, known words and words far from any name", () => {
    expect(allowedEdits("kyev")).toBe(0);
    expect(correctedQuery("Kyev", ["kyev"], known)).toBeNull();
    expect(correctedQuery("Tomahawk", ["tomahawk"], known)).toBeNull();
    expect(correctedQuery("crimea", ["crimea"], known)).toBeNull();
  });

  it("of two equally near words, takes the one more names use", () => {
    expect(correctedQuery("Украина", ["украина"], ["україна", "украине"])).toBe("україна");
  });

  it("draws on every name of the corpus, in every language, each word once, the most used first", () => {
    const words = searchVocabulary(loadModel("content"));
    expect(words).toEqual([...new Set(words)]);
    expect(words).toEqual(
      expect.arrayContaining(["reassurance", "зеленський", "britain", "donbas", "одеса", "україна"]),
    );
    expect(words.every((w) => bareWord(w).length >= 5 && w === w.toLowerCase())).toBe(true);
    expect(words.indexOf("україна")).toBeLessThan(words.indexOf("украине"));
  });
});

describe("search's files under a base path", () => {
  it("are addressed from one place", () => {
    expect(searchAssetUrl("/", "pagefind")).toBe("/pagefind/pagefind.js");
    expect(searchAssetUrl("/tracker", "words")).toBe("/tracker/search/words.json");
    expect(pagefindBasePath("/tracker/")).toBe("/tracker/pagefind/");
  });
});

describe("the page a query names comes first", () => {
  const page = (title: string, names = "") => ({
    meta: { title },
    anchors: names ? [{ id: "search-names", location: 0, text: names }] : [],
  });
  const compact = page("Signatories of the Ukraine Compact", "Ukraine Compact signatories · Compact Signatories");
  const uk = page("United Kingdom", "UK · U.K. · Britain");

  it("by its title or another name, word for word, whatever the case and punctuation", () => {
    expect(isNamedBy(uk, "uk")).toBe(true);
    expect(isNamedBy(uk, "United  Kingdom")).toBe(true);
    expect(isNamedBy(compact, "UK")).toBe(false);
    expect(isNamedBy(compact, "compact signatories")).toBe(true);
  });

  it("then the pages whose own names hold the words, then those that mention them, each in Pagefind's order", () => {
    const mentions = page("Allies meet in Paris");
    expect(namedFirst([mentions, compact, uk], "UK")).toEqual([uk, compact, mentions]);
    expect(namedFirst([mentions, compact, uk], "Tomahawk")).toEqual([mentions, compact, uk]);
  });

  it("counts as its own names those of a place its title names", () => {
    const berlin = {
      meta: { title: "Berlin talks: a US offer" },
      anchors: [{ id: "search-places", location: 0, text: "Kyiv · Kiev ¦ Berlin · Берлін" }],
    };
    const kyivOnly = { ...berlin, meta: { title: "Talks in Kyiv" } };
    expect(isAboutPlace(berlin, "Берлін")).toBe(true);
    expect(isAboutPlace(kyivOnly, "Берлін")).toBe(false);
    expect(isAboutPlace(kyivOnly, "Kiev")).toBe(true);
    const named = { meta: { title: "Donbas for guarantees" }, anchors: [] };
    expect(namedFirst([berlin, named], "Donbas")).toEqual([named, berlin]);
  });
});
