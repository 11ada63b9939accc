import { describe, expect, it } from "vitest";
import {
  hasCriteria,
  looserQuery,
  parseSearchParams,
  searchTitle,
  toPagefindFilters,
  toSearchParams,
} from "../../src/lib/search/params.ts";

describe("search URL state", () => {
  it("reads the query, repeated facets and the order", () => {
    const state = parseSearchParams(
      new URLSearchParams("q=+article+5+&status=proposed&status=agreed&type=proposal&sort=date"),
    );
    expect(state.q).toBe("article 5");
    expect(state.filters.status).toEqual(["agreed", "proposed"]);
    expect(state.filters.type).toEqual(["proposal"]);
    expect(state.filters.kind).toEqual([]);
    expect(state.sort).toBe("date");
  });

  it("round-trips through the URL in a stable order, leaving defaults out", () => {
    const state = parseSearchParams(new URLSearchParams("status=proposed&q=article+5&sort=relevance"));
    expect(toSearchParams(state).toString()).toBe("q=article+5&status=proposed");
    expect(parseSearchParams(toSearchParams(state))).toEqual(state);
  });

  it("turns facets into Pagefind's any-of filters", () => {
    const state = parseSearchParams(new URLSearchParams("kind=legal&kind=political&year=2025"));
    expect(toPagefindFilters(state)).toEqual({ kind: { any: ["legal", "political"] }, year: { any: ["2025"] } });
    expect(hasCriteria(state)).toBe(true);
    expect(hasCriteria(parseSearchParams(new URLSearchParams("")))).toBe(false);
  });

  it("loosens long words to prefixes when nothing matched", () => {
    expect(looserQuery("guarantess")).toBe("guarante");
    expect(looserQuery("nato")).toBeNull();
    expect(looserQuery("Україною")).toBe("Україн");
  });
});

describe("the document title of a search", () => {
  it.each([
    ["Black Sea", [], "“Black Sea” — Search — Guarantee Tracker"],
    ["Odesa", ["Proposals"], "“Odesa”, Proposals — Search — Guarantee Tracker"],
    ["", ["Proposals", "Floated"], "Proposals, Floated — Search — Guarantee Tracker"],
  ] as const)("%s %j → %s", (q, labels, title) => {
    expect(searchTitle(q, labels)).toBe(title);
  });

  it("is none without a query or a filter, so the page keeps its own", () => {
    expect(searchTitle("", [])).toBeNull();
  });
});
