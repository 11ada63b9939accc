import { describe, expect, it } from "vitest";
import { buildModel } from "../../src/lib/model/model.ts";
import { compareRows, kindGroups } from "../../src/lib/views/compare.ts";
import {
  filterHeading,
  filterOptions,
  filterPairs,
  narrowing,
  narrowingGroups,
  widenings,
} from "../../src/lib/views/timeline.ts";
import { reportsHref } from "../../src/lib/views/timeline-chart.ts";
import { SOURCES_ON_PROPOSAL, SOURCES_PAGE_SIZE } from "../../src/lib/views/page-sizes.ts";
import { urls } from "../../src/lib/views/urls.ts";
import { paginateFirst } from "../../src/lib/views/paginate-first.ts";
import { ACTORS, KINDS, REGISTRY, article, proposal } from "./fixtures.ts";

const force = (over: Parameters<typeof proposal>[0] = {}) =>
  proposal({ id: "force", kind: "foreign-forces", proposers: ["france"], ...over });
const model = buildModel({
  actors: ACTORS,
  kinds: KINDS,
  registry: REGISTRY,
  articles: [
    article("a-2024", "2024-03-01", [proposal({ status: "floated" })]),
    article("b-2025", "2025-08-16", [
      proposal({ positions: [{ actor: "italy", stance: "supports" }] }),
      force({ terms: { foreign_troops: "yes" } }),
    ]),
    article("c-2025", "2025-12-01", [
      proposal({ status: "rejected" }),
      force({
        status: "negotiating",
        // As the schema gives a scoped term: kept apart from the unscoped values.
        terms: {
          binding: "political",
          scoped: [{ term: "foreign_troops", value: "no", of: ["united-states"], note: "Backstop only." }],
        },
      }),
    ]),
  ],
});

describe("filterPairs", () => {
  const pairs = filterPairs(model);
  const key = (p: (typeof pairs)[number]) =>
    `${p.filter.facet}:${p.filter.value}+${p.and?.filter.facet}:${p.and?.filter.value}=${p.entries.map((e) => e.article.slug).join(",")}`;

  it("keeps kind × status, kind × year and actor × year, each with only the matching sources", () => {
    expect(pairs.map(key)).toEqual([
      "kind:collective-defense+status:floated=a-2024",
      "kind:collective-defense+status:proposed=b-2025",
      "kind:collective-defense+status:rejected=c-2025",
      "kind:foreign-forces+status:proposed=b-2025",
      "kind:foreign-forces+status:negotiating=c-2025",
      "kind:collective-defense+year:2025=c-2025,b-2025",
      "kind:collective-defense+year:2024=a-2024",
      "kind:foreign-forces+year:2025=c-2025,b-2025",
      "actor:france+year:2025=c-2025,b-2025",
      "actor:italy+year:2025=b-2025",
      "actor:united-states+year:2025=c-2025,b-2025",
      "actor:united-states+year:2024=a-2024",
    ]);
    const rejected = pairs.find((p) => p.and?.filter.value === "rejected");
    expect(rejected?.entries[0]?.mentions.map((m) => m.proposalId)).toEqual(["article-5-like-guarantee"]);
  });

  it("narrows a single filter by the pairs it belongs to, and a pair not at all", () => {
    const options = filterOptions(model);
    const kind = options.kind.find((o) => o.filter.value === "foreign-forces");
    const year = options.year.find((o) => o.filter.value === "2024");
    expect(options.year.map((o) => o.filter.value)).toEqual(["2025", "2024"]);
    expect(kind && narrowing(kind, pairs).map((p) => p.and?.label)).toEqual(["Proposed", "Negotiating", "2025"]);
    expect(year && narrowing(year, pairs).map((p) => p.label)).toEqual(["Collective defence", "United States"]);
    expect(narrowing(pairs[0] as (typeof pairs)[number], pairs)).toEqual([]);
  });

  it("groups a filter's narrowing chips by the facet each adds, named by that filter", () => {
    const options = filterOptions(model);
    const kind = options.kind.find((o) => o.filter.value === "foreign-forces");
    const year = options.year.find((o) => o.filter.value === "2024");
    if (!kind || !year) throw new Error("fixture lacks a filter");
    const named = (groups: ReturnType<typeof narrowingGroups>) =>
      groups.map((g) => `${g.facet}: ${g.chips.map((c) => c.label).join(", ")}`);
    expect(named(narrowingGroups(kind, narrowing(kind, pairs)))).toEqual([
      "status: Proposed, Negotiating",
      "year: 2025",
    ]);
    // A year is the second filter of its pairs: each chip names the pair's first.
    expect(named(narrowingGroups(year, narrowing(year, pairs)))).toEqual(["kind: Collective defence"]);
  });

  it("widens a pair to each of its two filters alone, and a single filter not at all", () => {
    const options = filterOptions(model);
    const pair = pairs.find((p) => p.filter.value === "foreign-forces" && p.and?.filter.value === "proposed");
    if (!pair) throw new Error("fixture lacks the pair");
    expect(widenings(pair, options).map((o) => o.label)).toEqual(["Foreign forces", "Proposed"]);
    expect(widenings(options.kind[0] as (typeof options.kind)[number], options)).toEqual([]);
  });

  it("says what a pair holds, and links it without a query", () => {
    const pair = pairs.find((p) => p.and?.filter.facet === "status" && p.filter.value === "foreign-forces");
    expect(pair && filterHeading(pair)).toBe("Sources on Foreign forces, reporting a proposal as Proposed");
    const year = pairs.find((p) => p.filter.facet === "actor" && p.filter.value === "italy");
    expect(year && filterHeading(year)).toBe("Sources involving Italy, events of 2025");
    expect(urls.timelineFilter({ facet: "kind", value: "k" }, { facet: "year", value: "2025" })).toBe(
      "/timeline/kind/k/year/2025/",
    );
  });
});

describe("compareRows", () => {
  it("orders by kind, by most terms reported, or by latest report", () => {
    const ids = (order: "kind" | "terms" | "latest") =>
      compareRows(model.proposals, KINDS, order).map((r) => [r.proposal.id, r.known]);
    expect(ids("kind")).toEqual([
      ["article-5-like-guarantee", 0],
      ["force", 2],
    ]);
    expect(ids("terms")).toEqual([
      ["force", 2],
      ["article-5-like-guarantee", 0],
    ]);
    expect(compareRows(model.proposals, KINDS, "latest").map((r) => r.proposal.latest.date)).toEqual([
      "2025-12-01",
      "2025-12-01",
    ]);
  });

  it("gives each term its latest source, and scoped values apart with whom they concern", () => {
    const row = compareRows(model.proposals, KINDS).find((r) => r.proposal.id === "force");
    const troops = row?.cells.foreign_troops;
    expect(troops?.value).toBe("yes");
    expect(troops?.source?.article.slug).toBe("b-2025");
    expect(troops?.scoped.map((s) => [s.value, s.of, s.note, s.source.article.slug])).toEqual([
      ["no", ["united-states"], "Backstop only.", "c-2025"],
    ]);
    expect(row?.cells.binding.source?.article.slug).toBe("c-2025");
    expect(row?.cells.guarantors).toEqual({ differs: false, scoped: [] });
  });

  it("groups rows in runs of a kind", () => {
    const rows = compareRows(model.proposals, KINDS);
    expect(kindGroups(rows).map((g) => [g.kind, g.rows.length])).toEqual([
      ["collective-defense", 1],
      ["foreign-forces", 1],
    ]);
  });
});

describe("reportsHref", () => {
  it("links a crowded month to the proposal's page when it lists the month, else to the source list's page", () => {
    const many = buildModel({
      actors: ACTORS,
      kinds: KINDS,
      registry: REGISTRY,
      articles: Array.from({ length: SOURCES_PAGE_SIZE + 10 }, (_, i) =>
        article(
          `s-${String(i).padStart(3, "0")}`,
          `20${20 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`,
          [proposal()],
        ),
      ),
    }).proposals[0];
    if (!many) throw new Error("no proposal");
    const all = many.mentions;
    expect(reportsHref(many.id, all.slice(-2), all)).toBe(`${urls.proposal(many.id)}#sources`);
    // The oldest reports are past the proposal page's list and the first page of the full list.
    expect(reportsHref(many.id, all.slice(0, 2), all)).toBe(urls.proposalSources(many.id, 2));
    expect(reportsHref(many.id, all.slice(-SOURCES_ON_PROPOSAL - 2, -SOURCES_ON_PROPOSAL), all)).toBe(
      urls.proposalSources(many.id),
    );
  });
});

describe("paginateFirst", () => {
  it("gives the first page fewer items and cuts the rest in full pages, losing none", () => {
    const items = Array.from({ length: 70 }, (_, i) => i);
    const pages = paginateFirst(items, 20, 50);
    expect(pages.map((p) => [p.current, p.last, p.items.length, p.total])).toEqual([
      [1, 2, 20, 70],
      [2, 2, 50, 70],
    ]);
    expect(pages.flatMap((p) => p.items)).toEqual(items);
    expect(paginateFirst([], 20, 50).map((p) => p.items)).toEqual([[]]);
    expect(paginateFirst([...items, 70], 20, 50).map((p) => p.items.length)).toEqual([20, 50, 1]);
  });
});
