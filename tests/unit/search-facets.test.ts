import { describe, expect, it } from "vitest";
import type { Actor } from "../../src/schemas/actor.ts";
import { buildModel, type ArticleView, type Proposal } from "../../src/lib/model/model.ts";
import {
  actorSearch,
  articleSearch,
  proposalSearch,
  searchFacetAttributes,
  searchNameBlocks,
  type SearchLookup,
} from "../../src/lib/search/facets.ts";
import { NAME_BLOCKS } from "../../src/lib/search/names.ts";
import { NAME_WEIGHTS } from "../../src/lib/search/ranking.ts";
import { ACTORS, article, proposal } from "./fixtures.ts";

/**
 * Reads the attributes back the way Pagefind's parser does: a key list split
 * at commas, each `name[attribute]` taking its value from that attribute.
 * (Pagefind splits the whole list at its first colon first, so a list must
 * hold none.)
 */
function asPagefindReadsIt(attributes: Record<string, string>, key: string): [string, string][] {
  const list = attributes[key] ?? "";
  expect(list).not.toContain(":");
  return list
    .split(",")
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => {
      const match = /^([^:[\]]+)\[(.+)\]$/.exec(chunk);
      expect(match, `"${chunk}" is not name[attribute]`).not.toBeNull();
      const [, name = "", attribute = ""] = match ?? [];
      expect(attributes, `${chunk} names a missing attribute`).toHaveProperty([attribute]);
      return [name, attributes[attribute] ?? ""];
    });
}

describe("a page's Pagefind facets on one element", () => {
  const article = searchFacetAttributes({
    type: "article",
    title: "Leaders: a “reassurance force”, and more",
    date: "2025-03",
    kinds: ["foreign-forces", "legal"],
    actors: ["france", "united-kingdom"],
    statuses: ["proposed"],
  });

  it("gives every filter value, repeated keys included", () => {
    expect(asPagefindReadsIt(article, "data-pagefind-filter")).toEqual([
      ["type", "article"],
      ["year", "2025"],
      ["kind", "foreign-forces"],
      ["kind", "legal"],
      ["actor", "france"],
      ["actor", "united-kingdom"],
      ["status", "proposed"],
    ]);
  });

  it("gives the meta and the sort key, a title with colons and commas intact", () => {
    expect(asPagefindReadsIt(article, "data-pagefind-meta")).toEqual([
      ["title", "Leaders: a “reassurance force”, and more"],
      ["type", "article"],
      ["date", "2025-03"],
    ]);
    // A month sorts before its days: its key is its first day, then its end inverted.
    expect(asPagefindReadsIt(article, "data-pagefind-sort")).toEqual([["date", "2025-03-01|7974-96-68"]]);
  });

  it("leaves out what a page does not have", () => {
    const actor = searchFacetAttributes({ type: "actor", title: "NATO", actors: ["nato"] });
    expect(asPagefindReadsIt(actor, "data-pagefind-filter")).toEqual([
      ["type", "actor"],
      ["actor", "nato"],
    ]);
    expect(asPagefindReadsIt(actor, "data-pagefind-meta")).toEqual([
      ["title", "NATO"],
      ["type", "actor"],
      ["name", "NATO"],
    ]);
    // Undated pages sort after every date, so "newest first" keeps them instead of dropping them.
    expect(asPagefindReadsIt(actor, "data-pagefind-sort")).toEqual([["date", "0000-00-00"]]);
  });

  it("gives a proposal its current status as meta", () => {
    const proposal = searchFacetAttributes({
      type: "proposal",
      title: "Article 5-like pledge",
      date: "2025-08-18",
      status: "negotiating",
      statuses: ["negotiating"],
    });
    expect(asPagefindReadsIt(proposal, "data-pagefind-meta")).toContainEqual(["status", "negotiating"]);
  });
});

describe("what a page is found by beyond its text", () => {
  const kinds = [{ id: "foreign-forces", name: "Foreign forces", description: "Troops.", aliases: ["peacekeepers"] }];
  const places = [
    { id: "odesa", name: "Odesa", aliases: ["Odessa", "Одеса"] },
    { id: "kyiv", name: "Kyiv", aliases: ["Kiev"] },
  ];
  const model = buildModel({
    actors: ACTORS,
    kinds,
    places,
    registry: [{ id: "sea", title: "Sea mission", kind: "foreign-forces", aliases: ["naval mission"] }],
    articles: [
      article("a", "2025-08-01", [
        proposal({ id: "sea", title: "Ships out of Odesa", kind: undefined, summary: "Free shipping." }),
      ]),
      article("b", "2025-08-16", [proposal({ id: "sea", title: "Sea mission", kind: undefined })]),
    ],
  });
  const lookup: SearchLookup = model;
  const sea = model.proposalById.get("sea") as Proposal;

  it("a proposal: its aliases and the titles sources gave it, its kind's words, the places its mentions name", () => {
    const input = proposalSearch(sea, lookup);
    expect(input.names).toEqual(["naval mission", "Ships out of Odesa"]);
    expect(input.kindNames).toEqual(["Foreign forces", "peacekeepers"]);
    expect(input.label).toBe("Foreign forces");
    expect(input.places).toEqual([["Odesa", "Odessa", "Одеса"]]);
  });

  it("a source: the places its text names, its body included, and its publisher as its label", () => {
    const a = model.articleBySlug.get("a") as ArticleView;
    expect(articleSearch(a, lookup).places).toEqual([["Odesa", "Odessa", "Одеса"]]);
    expect(articleSearch(a, lookup, "Only the body says Kiev.").places).toEqual([
      ["Odesa", "Odessa", "Одеса"],
      ["Kyiv", "Kiev"],
    ]);
    expect(articleSearch(a, lookup).label).toBe("Wire");
  });

  it("an actor: its aliases (as meta too), type and role, and the places its names name", () => {
    const ukraine: Actor = { id: "ukraine", name: "Ukraine", type: "state", aliases: ["Kyiv", "Україна"] };
    const input = actorSearch(ukraine, lookup);
    expect(input.names).toEqual(["Kyiv", "Україна"]);
    expect(input.label).toBe("State");
    expect(input.places).toEqual([["Kyiv", "Kiev"]]);
    expect(asPagefindReadsIt(searchFacetAttributes(input), "data-pagefind-meta")).toEqual(
      expect.arrayContaining([
        ["name", "Ukraine"],
        ["aliases", "Kyiv · Україна"],
      ]),
    );
    const person: Actor = { id: "x", name: "X Y", type: "person", role: "Minister" };
    expect(actorSearch(person).label).toBe("Person · Minister");
  });

  it("without the lookup, nothing but the page's own names", () => {
    expect(proposalSearch(sea).kindNames).toEqual([]);
    expect(proposalSearch(sea).places).toEqual([]);
    expect(proposalSearch(sea).names).toEqual(["naval mission", "Ships out of Odesa"]);
  });

  it("hidden blocks: one per kind of name, weighted, each only when it has names", () => {
    const blocks = searchNameBlocks({
      type: "proposal",
      title: "T",
      names: ["Alias one", "Alias two"],
      places: [
        ["Odesa", "Odessa"],
        ["Kyiv", "Kiev"],
      ],
    });
    expect(blocks).toEqual([
      { id: NAME_BLOCKS.names, weight: NAME_WEIGHTS.names, text: "Alias one · Alias two" },
      { id: NAME_BLOCKS.places, weight: NAME_WEIGHTS.places, text: "Odesa · Odessa ¦ Kyiv · Kiev" },
    ]);
  });
});
