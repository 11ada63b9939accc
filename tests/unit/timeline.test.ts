import { describe, expect, it } from "vitest";
import { buildModel } from "../../src/lib/model/model.ts";
import {
  FACET_LABELS,
  filterHeading,
  filterOptions,
  groupByMonth,
  timelineEntries,
  type TimelineFilter,
} from "../../src/lib/views/timeline.ts";
import { compareRows } from "../../src/lib/views/compare.ts";
import { ACTORS, KINDS, REGISTRY, article, proposal } from "./fixtures.ts";

const model = buildModel({
  actors: ACTORS,
  kinds: KINDS,
  registry: REGISTRY,
  articles: [
    article("a-2024", "2024", [proposal({ status: "floated" })]),
    article("b-aug-16", "2025-08-16", [
      proposal({ positions: [{ actor: "italy", stance: "supports" }], terms: { guarantors: ["france"] } }),
    ]),
    article("c-aug", "2025-08", [proposal({ id: "force", kind: "foreign-forces", proposers: ["france"] })]),
    article("d-dec", "2025-12-01", [
      proposal({ status: "rejected", positions: [{ actor: "italy", stance: "opposes" }] }),
      proposal({ id: "force", kind: "foreign-forces", proposers: ["france"], status: "negotiating" }),
    ]),
  ],
});

describe("timelineEntries and groupByMonth", () => {
  it("groups articles newest first by year and month, keeping unknown months apart", () => {
    const groups = groupByMonth(timelineEntries(model.articles));
    expect(
      groups.map((y) => [y.year, y.months.map((m) => [m.key, m.label, m.entries.map((e) => e.article.slug)])]),
    ).toEqual([
      [
        "2025",
        [
          ["2025-12", "December 2025", ["d-dec"]],
          ["2025-08", "August 2025", ["b-aug-16", "c-aug"]],
        ],
      ],
      ["2024", [["2024", "2024, month unknown", ["a-2024"]]]],
    ]);
  });

  it("filters by kind, status and actor, keeping only matching proposals", () => {
    const options = filterOptions(model);
    const entriesOf = (facet: TimelineFilter["facet"], value: string) =>
      options[facet].find((o) => o.filter.value === value)?.entries ?? [];
    const byKind = entriesOf("kind", "foreign-forces");
    expect(byKind.map((e) => [e.article.slug, e.mentions.map((m) => m.proposalId)])).toEqual([
      ["d-dec", ["force"]],
      ["c-aug", ["force"]],
    ]);
    const byStatus = entriesOf("status", "rejected");
    expect(byStatus.map((e) => e.article.slug)).toEqual(["d-dec"]);
    const byActor = entriesOf("actor", "italy");
    expect(byActor.map((e) => e.article.slug)).toEqual(["d-dec", "b-aug-16"]);
  });

  it("counts an actor as involved when proposing, positioned or guaranteeing", () => {
    const [mention] = model.articleBySlug.get("b-aug-16")?.mentions ?? [];
    expect(mention && [...mention.parts.keys()].sort()).toEqual(["france", "italy", "united-states"]);
  });
});

describe("filterOptions", () => {
  it("gives each filter exactly the timeline that filtering the whole timeline would", () => {
    // The definition, filter by filter; filterOptions computes every filter's timeline in one pass.
    const matches = (m: (typeof model.articles)[number]["mentions"][number], { facet, value }: TimelineFilter) =>
      facet === "kind"
        ? m.kind === value
        : facet === "status"
          ? m.status === value
          : m.proposers.includes(value) ||
            m.positions.some((p) => p.actor === value) ||
            (m.terms?.guarantors ?? []).includes(value);
    const options = filterOptions(model);
    const all = [...options.kind, ...options.status, ...options.actor];
    expect(all.length).toBe(9);
    for (const option of all) {
      const expected = model.articles
        .map((article) => ({ article, mentions: article.mentions.filter((m) => matches(m, option.filter)) }))
        .filter((entry) => entry.mentions.length > 0);
      expect(option.entries).toEqual(expected);
    }
  });

  it("offers only filters that keep something, with article counts", () => {
    const options = filterOptions(model);
    expect(options.kind.map((o) => [o.filter.value, o.entries.length])).toEqual([
      ["collective-defense", 3],
      ["foreign-forces", 2],
    ]);
    expect(options.status.map((o) => [o.filter.value, o.entries.length])).toEqual([
      ["floated", 1],
      ["proposed", 2],
      ["negotiating", 1],
      ["rejected", 1],
    ]);
    expect(options.actor.map((o) => o.filter.value)).toEqual(["france", "italy", "united-states"]);
  });
});

describe("filter labels", () => {
  it("say the status filter is the status in that source, and what each filtered timeline holds", () => {
    expect(FACET_LABELS.status).toBe("Status in that source");
    const label = (facet: TimelineFilter["facet"], value: string, text: string) =>
      filterHeading({ filter: { facet, value }, label: text });
    expect(label("status", "floated", "Floated")).toBe("Sources reporting a proposal as Floated");
    expect(label("kind", "monitoring", "Monitoring")).toBe("Sources on Monitoring");
    expect(label("actor", "italy", "Italy")).toBe("Sources involving Italy");
  });
});

describe("compareRows", () => {
  it("orders the comparison by kind, then by how much is known", () => {
    expect(compareRows(model.proposals, KINDS).map((r) => [r.proposal.id, r.known])).toEqual([
      ["article-5-like-guarantee", 1],
      ["force", 0],
    ]);
  });
});
