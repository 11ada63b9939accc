import { describe, expect, it } from "vitest";
import { buildModel, type Mention } from "../../src/lib/model/model.ts";
import { spanOf, timeScale } from "../../src/lib/views/chart-scale.ts";
import { MARK_SIZE, timelineChart, timelinePageChart } from "../../src/lib/views/timeline-chart.ts";
import { matrixPages, matrixRows, positionsMatrix, shortDate } from "../../src/lib/views/positions.ts";
import { stanceChart, statusChart } from "../../src/lib/views/dot-chart.ts";
import { dotMarkup } from "../../src/lib/views/dot-svg.ts";
import { SOURCES_ON_PROPOSAL, TIMELINE_LANES } from "../../src/lib/views/page-sizes.ts";
import { ACTORS, KINDS, REGISTRY, article, proposal } from "./fixtures.ts";

const model = buildModel({
  actors: ACTORS,
  kinds: KINDS,
  registry: REGISTRY,
  articles: [
    article("a-2024", "2024", [proposal({ status: "floated" })]),
    article("b-aug-16", "2025-08-16", [
      proposal({ positions: [{ actor: "italy", stance: "supports" }] }),
      proposal({ id: "force", kind: "foreign-forces", proposers: ["france"] }),
    ]),
    article("c-aug", "2025-08", [proposal({ id: "force", kind: "foreign-forces", proposers: ["france"] })]),
    article("d-dec", "2025-12-01", [
      proposal({
        status: "rejected",
        positions: [
          { actor: "italy", stance: "opposes" },
          { actor: "russia", stance: "conditional", note: "if no troops" },
        ],
      }),
      proposal({ id: "force", kind: "foreign-forces", proposers: ["france"], status: "negotiating" }),
    ]),
  ],
});
const mentions = model.articles.flatMap((a) => a.mentions);

describe("spanOf and timeScale", () => {
  it("spans a day, a month or a year by the days the date may mean", () => {
    expect(spanOf("2025-08-16").end - spanOf("2025-08-16").start).toBe(1);
    expect(spanOf("2025-02").end - spanOf("2025-02").start).toBe(28);
    expect(spanOf("2024").end - spanOf("2024").start).toBe(366);
  });

  it("is linear: x grows with time and equal times give equal gaps", () => {
    const scale = timeScale([spanOf("2023-03-10"), spanOf("2025-08-16")], 0, 1000);
    const [a, b, c] = [spanOf("2023-06-01").start, spanOf("2024-06-01").start, spanOf("2025-06-01").start];
    expect(scale.x(b) - scale.x(a)).toBeCloseTo(((b - a) / (c - b)) * (scale.x(c) - scale.x(b)), 0);
    const xs = scale.ticks.map((t) => t.x);
    expect(xs).toEqual([...xs].sort((p, q) => p - q));
    expect(scale.ticks.map((t) => t.label)).toEqual(["2024", "2025"]);
    expect(scale.x(scale.from)).toBe(0);
    expect(scale.x(scale.to)).toBe(1000);
  });
});

describe("timelineChart", () => {
  const chart = timelineChart(mentions, model, { maxLanes: 10 });
  const lanes = chart.groups.flatMap((g) => g.lanes);

  it("draws one lane per proposal, grouped by kind in the kinds' order, with a mark per report", () => {
    expect(chart.groups.map((g) => g.kind)).toEqual(
      KINDS.map((k) => k.id).filter((k) => ["collective-defense", "foreign-forces"].includes(k)),
    );
    for (const lane of lanes) {
      const own = mentions.filter((m) => m.proposalId === lane.id);
      expect(lane.marks.reduce((n, m) => n + m.count, 0)).toBe(own.length);
      expect(lane.reports).toBe(own.length);
    }
    expect(chart.reports).toBe(mentions.length);
  });

  it("places a month at its start with its span, a day's report with none; a month of several reports is one mark", () => {
    const force = lanes.find((l) => l.id === "force");
    const scale = timeScale(
      mentions.map((m) => spanOf(m.date)),
      10,
      chart.width - 10,
    );
    expect(force?.marks.map((m) => [m.x, m.width >= 3, m.count])).toEqual([
      [scale.x(spanOf("2025-08").start), true, 2],
      [scale.x(spanOf("2025-12-01").start), false, 1],
    ]);
  });

  it("links each single mark to its source and its lane to the proposal; shape follows status", () => {
    const guarantee = lanes.find((l) => l.id === "article-5-like-guarantee");
    expect(guarantee?.href).toBe("/proposals/article-5-like-guarantee/");
    expect(guarantee?.marks.map((m) => [m.href, m.status])).toEqual([
      ["/articles/a-2024/", "floated"],
      ["/articles/b-aug-16/", "proposed"],
      ["/articles/d-dec/", "rejected"],
    ]);
  });

  it("keeps the most reported lanes and counts the rest", () => {
    const one = timelineChart(mentions, model, { maxLanes: 1 });
    expect(one.groups.flatMap((g) => g.lanes).map((l) => l.id)).toEqual(["article-5-like-guarantee"]);
    expect(one.hiddenLanes).toBe(1);
  });

  it("draws the same whatever order the reports come in", () => {
    for (const maxLanes of [1, 10]) {
      const drawn = timelineChart(mentions, model, { maxLanes });
      expect(timelineChart([...mentions].reverse(), model, { maxLanes })).toEqual(drawn);
    }
  });

  it("draws on a timeline's first page only, and gathers the reports only for it", () => {
    let gathered = 0;
    const reports = () => {
      gathered++;
      return mentions;
    };
    expect(timelinePageChart(2, reports, model)).toBeUndefined();
    expect(gathered).toBe(0);
    expect(timelinePageChart(1, reports, model)).toEqual(timelineChart(mentions, model, { maxLanes: TIMELINE_LANES }));
    expect(gathered).toBe(1);
  });

  it("draws a crowded month as one mark counting its reports, with its latest status", () => {
    const crowd: Mention[] = Array.from({ length: 40 }, (_, i) => ({
      ...(mentions[0] as Mention),
      date: `2025-03-${String((i % 28) + 1).padStart(2, "0")}`,
      status: i === 39 ? "agreed" : "proposed",
      article: { ...(mentions[0] as Mention).article, slug: `s-${String(i).padStart(2, "0")}` },
    }));
    const spread = [...crowd, { ...(crowd[0] as Mention), date: "2020-01-01" }];
    const drawn = timelineChart(spread, model, { maxLanes: 5 });
    const marks = drawn.groups.flatMap((g) => g.lanes).flatMap((l) => l.marks);
    expect(marks.reduce((n, m) => n + m.count, 0)).toBe(41);
    const month = marks.find((m) => m.count > 1);
    expect(month?.count).toBe(40);
    // The proposal has more sources than its page lists (SOURCES_ON_PROPOSAL): the month links to its sources page.
    expect(model.proposalById.get("article-5-like-guarantee")?.mentions.length).toBeGreaterThan(SOURCES_ON_PROPOSAL);
    expect(month?.href).toBe("/proposals/article-5-like-guarantee/sources/");
    // Single marks stay at least a mark apart within a month, else they are merged.
    expect(marks.filter((m) => m.count === 1)).toHaveLength(1);
    expect(MARK_SIZE).toBeGreaterThan(0);
  });
});

describe("dotMarkup", () => {
  const marks = (svg: string) => [...svg.matchAll(/<a [^>]*data-count="\d+"[^>]*>/g)].map((m) => m[0]);

  it("names every mark link: a link inside a drawing needs a name of its own", () => {
    const proposal = model.proposalById.get("article-5-like-guarantee");
    if (!proposal) throw new Error("no proposal");
    const status = marks(dotMarkup(statusChart(proposal), "s", "status"));
    expect(status).toHaveLength(proposal.history.length);
    for (const a of status) expect(a).toMatch(/aria-label="[A-Z][a-z]+ from \d/);
    const rows = proposal.stances.map((s) => ({ label: s.actor, href: `/actors/${s.actor}/`, history: s.history }));
    const stance = marks(dotMarkup(stanceChart(rows), "t", "stance"));
    expect(stance.length).toBeGreaterThan(0);
    for (const a of stance) expect(a).toMatch(/aria-label="[a-z]+: [A-Z][a-z]+, (stated|reported) \d/);
  });

  it("defines each shape it uses once, and carries no scoping class", () => {
    const proposal = model.proposalById.get("article-5-like-guarantee");
    if (!proposal) throw new Error("no proposal");
    const svg = dotMarkup(statusChart(proposal), "s", "status");
    for (const [, id] of svg.matchAll(/<use href="#([^"]+)"/g)) expect(svg.split(`id="${id}"`)).toHaveLength(2);
    expect(svg).not.toMatch(/astro-/);
  });
});

describe("positionsMatrix", () => {
  it("has one cell per actor's latest stance, and empty cells elsewhere", () => {
    const matrix = positionsMatrix(model, "actor");
    expect(matrix.actors.map((a) => a.name)).toEqual(["Italy", "Russia"]);
    const row = matrix.groups.flatMap((g) => g.rows).find((r) => r.id === "article-5-like-guarantee");
    expect(row?.cells.map((c) => c && [c.stance, c.date, c.href, c.note])).toEqual([
      ["opposes", "2025-12-01", "/articles/d-dec/", undefined],
      ["conditional", "2025-12-01", "/articles/d-dec/", "if no troops"],
    ]);
    expect(matrix.without).toBe(1);
    for (const p of model.proposals) {
      const cells = matrix.groups.flatMap((g) => g.rows).find((r) => r.id === p.id)?.cells ?? [];
      expect(cells.filter(Boolean).map((c) => [c?.actor, c?.stance])).toEqual(
        p.stances
          .map((s) => [s.actor, s.position.stance])
          .sort(
            (a, b) => matrix.actors.findIndex((x) => x.id === a[0]) - matrix.actors.findIndex((x) => x.id === b[0]),
          ),
      );
    }
  });

  it("orders actors by name, number of stances or latest activity", () => {
    const two = buildModel({
      actors: ACTORS,
      kinds: KINDS,
      registry: REGISTRY,
      articles: [
        article("a", "2025-01-01", [proposal({ positions: [{ actor: "united-states", stance: "supports" }] })]),
        article("b", "2025-02-01", [
          proposal({
            id: "force",
            kind: "foreign-forces",
            proposers: ["france"],
            positions: [
              { actor: "united-states", stance: "opposes" },
              { actor: "russia", stance: "opposes" },
            ],
          }),
        ]),
        article("c", "2025-03-01", [
          proposal({
            id: "force",
            kind: "foreign-forces",
            proposers: ["france"],
            positions: [{ actor: "italy", stance: "supports" }],
          }),
        ]),
      ],
    });
    const names = (order: "actor" | "stances" | "latest") => positionsMatrix(two, order).actors.map((a) => a.id);
    expect(names("actor")).toEqual(["italy", "russia", "united-states"]);
    expect(names("stances")).toEqual(["united-states", "italy", "russia"]);
    expect(names("latest")).toEqual(["italy", "russia", "united-states"]);
  });

  it("cuts rows into pages and writes every cell as a CSV row", () => {
    const matrix = positionsMatrix(model, "actor");
    const pages = matrixPages(matrix, 1);
    expect(pages.map((p) => p.groups.flatMap((g) => g.rows.map((r) => r.id)))).toEqual([["article-5-like-guarantee"]]);
    expect(matrixRows(matrix).map((r) => [r["actor_id"], r["stance"], r["note"]])).toEqual([
      ["italy", "opposes", ""],
      ["russia", "conditional", "if no troops"],
    ]);
    expect(shortDate("2025-12-01")).toBe("Dec 2025");
    expect(shortDate("2025")).toBe("2025");
  });
});
