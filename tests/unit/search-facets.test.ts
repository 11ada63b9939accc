import { describe, expect, it } from "vitest";
import { searchFacetAttributes } from "../../src/lib/search-facets.ts";

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
    expect(asPagefindReadsIt(article, "data-pagefind-sort")).toEqual([["date", "2025-03"]]);
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
    ]);
    expect(actor).not.toHaveProperty(["data-pagefind-sort"]);
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
