import { describe, expect, it } from "vitest";
import { buildModel } from "../../src/lib/model/model.ts";
import { stanceHistories } from "../../src/lib/model/state-of-play.ts";
import { describeEvent, proposalEvents } from "../../src/lib/open-data/feeds.ts";
import { dateColumns } from "../../src/lib/open-data/date-columns.ts";
import { tableFields } from "../../src/lib/open-data/package.ts";
import { dataTables, openData, proposalRecordOf, tableCsv } from "../../src/lib/open-data/tables.ts";
import { stanceWhen, stanceWhenWords } from "../../src/lib/views/change-words.ts";
import { correctionsOf } from "../../src/lib/views/corrections.ts";
import { stanceChart, stanceRuns } from "../../src/lib/views/dot-chart.ts";
import { positionsMatrix } from "../../src/lib/views/positions.ts";
import {
  differingSources,
  latestChanges,
  proposerConditions,
  unstatedActors,
} from "../../src/lib/views/proposal-page.ts";
import type { Actor } from "../../src/schemas/actor.ts";
import { AFFILIATED_ACTORS, KINDS, REGISTRY, article, changesAt, proposal, proposalOf } from "./fixtures.ts";

const SITE = new URL("https://tracker.example");

describe("one meaning of 'as of' and one 'updated' date", () => {
  const model = buildModel({
    actors: AFFILIATED_ACTORS,
    kinds: KINDS,
    registry: REGISTRY,
    articles: [
      article("old", "2025-08-16", [proposal({ status: "floated" })]),
      // Published on the 20th, reporting the 14th; another source published earlier reports a later event.
      article("berlin", "2025-12-20", [proposal({ date: "2025-12-14" })]),
      article("preview", "2025-12-10", [proposal({ id: "reassurance-force", date: "2026-01~" })]),
    ],
  });

  it("dates the site by its latest source's publication, never by a reported event", () => {
    // The January event reported on 10 December must not make the site "updated January 2026".
    expect(model.updated).toBe("2025-12-20");
    expect(model.asOf).toBe("2025-12-20");
  });

  it("counts a correction of ours as an update, not as what the data is as of", () => {
    const corrected = buildModel({
      actors: AFFILIATED_ACTORS,
      kinds: KINDS,
      registry: REGISTRY,
      articles: [
        {
          ...article("old", "2025-08-16", [proposal()]),
          data: {
            ...article("old", "2025-08-16", [proposal()]).data,
            corrections: [{ date: "2026-01-05", note: "Fixed." }],
          },
        },
        article("berlin", "2025-12-20", [proposal({ date: "2026-02~" })]),
      ],
    });
    expect(corrected.updated).toBe("2026-01-05");
    expect(corrected.asOf).toBe("2025-12-20");
  });

  it("dates a proposal as of its latest source's publication, apart from the event its latest mention reports", () => {
    const p = model.proposalById.get("article-5-like-guarantee");
    expect(p?.asOf).toBe("2025-12-20");
    expect(p?.latest.date).toBe("2025-12-14");
    expect(model.proposalById.get("reassurance-force")?.asOf).toBe("2025-12-10");
  });

  it("describes each date's precision, first and last day in the data package (days as Table Schema dates)", () => {
    const fields = tableFields("positions");
    const names = fields.map((f) => f.name);
    expect(names.slice(names.indexOf("date"), names.indexOf("date") + 8)).toEqual([
      "date",
      "date_precision",
      "date_start",
      "date_end",
      "stated",
      "stated_precision",
      "stated_start",
      "stated_end",
    ]);
    const field = (name: string) => fields.find((f) => f.name === name);
    expect(field("stated_start")?.type).toBe("date");
    expect(field("stated_precision")?.constraints?.enum).toEqual(["day", "month", "year"]);
    expect(tableCsv(dataTables(model, SITE), "proposals").split("\r\n")[0]).toContain(
      "latest_reported,latest_reported_precision,latest_reported_start,latest_reported_end,as_of,",
    );
  });

  it("gives each table date its precision and first and last day, in JSON and so in CSV", () => {
    expect(dateColumns("date", "2025-08-18/2025-08-24")).toEqual({
      date: "2025-08-18/2025-08-24",
      date_precision: "day",
      date_start: "2025-08-18",
      date_end: "2025-08-24",
    });
    const tables = dataTables(model, SITE);
    const row = tables.proposals.find((r) => r.id === "reassurance-force");
    expect(row).toMatchObject({
      latest_reported: "2026-01~",
      latest_reported_precision: "month",
      latest_reported_start: "2026-01-01",
      latest_reported_end: "2026-01-31",
      as_of: "2025-12-10",
    });
  });
});

describe("scoped terms in the data", () => {
  const model = buildModel({
    actors: AFFILIATED_ACTORS,
    kinds: KINDS,
    registry: REGISTRY,
    articles: [
      article("a", "2025-08-20", [
        proposal({
          terms: {
            binding: "political",
            notes: { binding: "A pledge." },
            scoped: [{ term: "foreign_troops", value: "no", of: ["united-states"], note: "No US troops." }],
          },
        }),
      ]),
    ],
  });

  it("keeps a value given for some actors as its own row of the terms table, with whom it concerns", () => {
    const rows = dataTables(model, SITE).terms.map((r) => [r.term, r.values, r.of, r.note]);
    expect(rows).toEqual([
      ["binding", ["political"], [], "A pledge."],
      ["foreign_troops", ["no"], ["united-states"], "No US troops."],
    ]);
  });

  it("keeps it in the proposal's record beside the source's other terms", () => {
    const data = openData(model, SITE, "");
    const p = model.proposals[0];
    if (!p) throw new Error("no proposal");
    expect(proposalRecordOf(p, data).terms.by_source[0]).toMatchObject({
      terms: { binding: ["political"] },
      scoped: [{ term: "foreign_troops", values: ["no"], of: ["united-states"], note: "No US troops." }],
    });
  });
});

describe("the same guarantor under two labels", () => {
  const actors: Actor[] = [
    ...AFFILIATED_ACTORS,
    { id: "european-leaders", name: "European leaders", type: "coalition", stands_for: "willing" },
  ];
  const build = (sameGroup: boolean) =>
    buildModel({
      actors: sameGroup ? actors : actors.filter((a) => a.stands_for === undefined),
      kinds: KINDS,
      registry: REGISTRY,
      articles: [
        article("a", "2025-08-20", [proposal({ terms: { guarantors: ["willing"] } })]),
        article("b", "2025-12-20", [proposal({ terms: { guarantors: ["european-leaders"] } })]),
      ],
    }).proposals[0];

  it("is no change of guarantors and no disagreement between sources", () => {
    const p = build(true);
    expect(latestChanges(p ?? { changes: [] }).filter((c) => c.type === "term")).toEqual([]);
    expect(p?.termsView.disputed).toEqual([]);
    expect(p?.termsView.merged.guarantors?.[0]?.sources.map((m) => m.article.slug)).toEqual(["a", "b"]);
    // The page still shows the label the latest source used.
    expect(p?.terms.guarantors).toEqual(["european-leaders"]);
  });

  it("without the relation, is a change (the test can fail)", () => {
    const p = build(false);
    expect(latestChanges(p ?? { changes: [] }).filter((c) => c.type === "term")).toHaveLength(1);
    expect(p?.termsView.disputed).toEqual(["guarantors"]);
  });
});

describe("one stance history, ordered by when each stance was stated", () => {
  // The later-published source reports an earlier statement: the stance it reports is not the latest.
  const p = proposalOf(
    ["early", "2025-12-18", { positions: [{ actor: "italy", stance: "supports" }] }],
    ["late", "2025-12-20", { positions: [{ actor: "italy", stance: "opposes", date: "2025-12-14" }] }],
  );

  it("orders the history by the position's own date, not its source's", () => {
    const history = stanceHistories(p.mentions).get("italy") ?? [];
    expect(history.map((e) => [e.position.stance, e.date])).toEqual([
      ["opposes", "2025-12-14"],
      ["supports", "2025-12-18"],
    ]);
    expect(p.stances[0]).toMatchObject({ actor: "italy", date: "2025-12-18", position: { stance: "supports" } });
  });

  it("says what changed along that same history", () => {
    const stance = changesAt(p.mentions.slice(0, 1), p.latest).find((c) => c.type === "stance");
    // The 14 December stance is the first one stated: nothing was before it.
    expect(stance).toMatchObject({ stance: "opposes" });
    expect(stance && "was" in stance).toBe(false);
  });

  it("shows a dated stance stated and reported, on lists, the matrix and feeds", () => {
    const [, late] = stanceHistories(p.mentions).get("italy") ?? [];
    const dated = (stanceHistories(p.mentions).get("italy") ?? [])[0];
    if (!dated || !late) throw new Error("no history");
    expect(stanceWhen(dated)).toEqual({ stated: "2025-12-14", reported: "2025-12-20" });
    expect(stanceWhenWords(dated)).toBe("stated 14 December 2025, reported 20 December 2025");
    expect(stanceWhenWords(late)).toBe("reported 18 December 2025");
    const event = proposalEvents(p).find((e) => e.type === "stance" && e.mention.article.slug === "late");
    if (!event) throw new Error("no stance event");
    const model = { actorById: new Map(AFFILIATED_ACTORS.map((a) => [a.id, a])) };
    expect(describeEvent(event, model).summary).toContain("stated 14 December 2025, reported 20 December 2025");
  });

  it("draws each stance run at the day its first stance was stated, as the list beside it names it", () => {
    const history = p.stances[0]?.history ?? [];
    const runs = stanceRuns(history);
    expect(runs.map((r) => [r.stance, r.first.date])).toEqual([
      ["opposes", "2025-12-14"],
      ["supports", "2025-12-18"],
    ]);
    const [row] = stanceChart([{ label: "Italy", href: "/actors/italy/", history }]).rows;
    expect(row?.marks[0]?.label).toContain("stated 14 December 2025, reported 20 December 2025");
  });

  it("dates the positions matrix's cell by the stance's own date, with its publication", () => {
    const model = buildModel({
      actors: AFFILIATED_ACTORS,
      kinds: KINDS,
      registry: REGISTRY,
      articles: [
        article("late", "2025-12-20", [
          proposal({ positions: [{ actor: "italy", stance: "supports", date: "2025-12-18" }] }),
        ]),
      ],
    });
    const cell = positionsMatrix(model, "actor").groups[0]?.rows[0]?.cells[0];
    expect(cell).toMatchObject({ date: "2025-12-18", published: "2025-12-20" });
  });
});

describe("the lead of a proposal page", () => {
  it("puts a proposer's conditional stance beside the status, stated by it or its people", () => {
    const p = proposalOf([
      "a",
      "2025-12-20",
      {
        proposers: ["italy"],
        positions: [
          { actor: "giorgia-meloni", stance: "conditional", note: "Only with guarantees." },
          { actor: "russia", stance: "conditional", note: "Not a proposer." },
        ],
      },
    ]);
    expect(proposerConditions(p).map((s) => s.actor)).toEqual([]);
    const represents = (id: string) => AFFILIATED_ACTORS.find((a) => a.id === id)?.represents;
    expect(proposerConditions(p, represents).map((s) => s.actor)).toEqual(["giorgia-meloni"]);
  });

  it("says why each source differs in the words of what changed: a move out of an end state is contested", () => {
    const p = proposalOf(["a", "2025-02-14", { status: "rejected" }], ["b", "2025-12-20", { status: "proposed" }]);
    const [differ] = differingSources(p.state);
    expect(differ?.reason).toBe("more-advanced");
    expect(differ?.words).toMatch(
      /^Contested: rejected per Wire, 14 February 2025; proposed per Wire, 20 December 2025/,
    );
  });

  it("says a step back as contested, and the same period as sources differing", () => {
    const back = proposalOf(["a", "2025-08-01", { status: "agreed" }], ["b", "2025-11-01", { status: "floated" }]);
    expect(differingSources(back.state)[0]?.words).toMatch(/^Contested: agreed .*; only floated .*not progress/);
    const same = proposalOf(
      ["a", "2025-08-16", { status: "negotiating" }],
      ["b", "2025-08-20", { status: "floated", date: "2025-08~" }],
    );
    expect(differingSources(same.state)[0]).toMatchObject({ reason: "same-period" });
    expect(differingSources(same.state)[0]?.words).toMatch(/^Sources differ: /);
  });

  it("names the actors the sources involve with no recorded stance, people left to whom they speak for", () => {
    const p = proposalOf([
      "a",
      "2025-12-20",
      {
        proposers: ["willing"],
        terms: { guarantors: ["united-states"] },
        positions: [{ actor: "united-kingdom", stance: "supports" }],
        quotes: [{ text: "Words.", speaker: "Giorgia Meloni", speaker_id: "giorgia-meloni" }],
      },
    ]);
    const typeOf = (id: string) => AFFILIATED_ACTORS.find((a) => a.id === id)?.type;
    // The coalition, its other member, the guarantor and the state Meloni speaks for; not the UK, not Meloni.
    expect(unstatedActors(p, typeOf).sort()).toEqual(["france", "italy", "united-states", "willing"]);
  });

  it("counts a stance stated by a person as their own, not as unstated", () => {
    const p = proposalOf([
      "a",
      "2025-12-20",
      { positions: [{ actor: "italy", stance: "supports", speaker: "giorgia-meloni" }] },
    ]);
    const typeOf = (id: string) => AFFILIATED_ACTORS.find((a) => a.id === id)?.type;
    expect(unstatedActors(p, typeOf)).toEqual(["united-states"]);
  });
});

describe("corrections", () => {
  const ref = (slug: string, corrections: { date: string; note: string }[]) => ({
    slug,
    title: slug,
    summary: "",
    source: { publisher: "Wire", published: "2025-08-01", approximate: false, language: "en" },
    corrections,
  });

  it("lists each article's corrections once, newest first, then by slug", () => {
    const a = ref("a", [
      { date: "2025-09-01", note: "First." },
      { date: "2025-10-01", note: "Second." },
    ]);
    const b = ref("b", [{ date: "2025-10-01", note: "Other." }]);
    const entries = correctionsOf([b, a, a, ref("c", [])]);
    expect(entries.map((e) => [e.article.slug, e.correction.note])).toEqual([
      ["a", "Second."],
      ["b", "Other."],
      ["a", "First."],
    ]);
  });
});
