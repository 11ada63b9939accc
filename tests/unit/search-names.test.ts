import { describe, expect, it } from "vitest";
import { namesText, pagefindWords, placesNamedIn, readNamesText } from "../../src/lib/search/names.ts";
import type { Place } from "../../src/schemas/place.ts";

const PLACES: Place[] = [
  { id: "kyiv", name: "Kyiv", aliases: ["Kiev", "Київ"] },
  { id: "odesa", name: "Odesa", aliases: ["Odessa", "Одеса"] },
  { id: "black-sea", name: "Black Sea", aliases: ["Чорне море"] },
  { id: "munich", name: "Munich", aliases: ["Munich Security Conference", "München"] },
];
const ids = (places: Place[]) => places.map((p) => p.id);

describe("places a page names", () => {
  it.each([
    ["by name", ["Talks in Kyiv."], ["kyiv"]],
    ["by alias, in any case", ["ODESSA port"], ["odesa"]],
    ["in another script", ["переговори у Києві", "порт Одеса"], ["odesa"]],
    ["with a possessive or a hyphen after it", ["Kyiv's plan", "Kyiv-Mohyla Academy"], ["kyiv"]],
    ["across a line break inside the name", ["a mission in the Black\nSea"], ["black-sea"]],
    ["by the longer name first", ["at the Munich Security Conference"], ["munich"]],
    ["by a name with a non-ASCII letter", ["in München"], ["munich"]],
    ["in list order, each once", ["Odesa, Kyiv, Kiev, Odesa"], ["kyiv", "odesa"]],
  ])("%s", (_, texts, expected) => {
    expect(ids(placesNamedIn(texts, PLACES))).toEqual(expected);
  });

  it.each([
    ["inside a longer word", ["Kyivan", "Kievskaya", "Odesan"]],
    ["part of a name only", ["the Black Forest", "a Sea King"]],
    ["nothing", [undefined, ""]],
  ])("not %s", (_, texts) => {
    expect(placesNamedIn(texts, PLACES)).toEqual([]);
  });

  it("names nothing without places", () => {
    expect(placesNamedIn(["Kyiv"], [])).toEqual([]);
  });
});

describe("names as hidden text", () => {
  it("writes groups of names with separators of their own, and reads them back by word position", () => {
    const text = namesText([
      ["Odesa", "Odessa"],
      ["Black  Sea", "Чорне море"],
    ]);
    expect(text).toBe("Odesa · Odessa ¦ Black Sea · Чорне море");
    const words = pagefindWords(text);
    expect(readNamesText(words)).toEqual([
      [[{ text: "Odesa", index: 0 }], [{ text: "Odessa", index: 2 }]],
      [
        [
          { text: "Black", index: 4 },
          { text: "Sea", index: 5 },
        ],
        [
          { text: "Чорне", index: 7 },
          { text: "море", index: 8 },
        ],
      ],
    ]);
  });

  it("splits words as Pagefind numbers them: at any whitespace, punctuation kept", () => {
    expect(pagefindWords(" UK,  U.K.\n· Britain ")).toEqual(["UK,", "U.K.", "·", "Britain"]);
  });
});
