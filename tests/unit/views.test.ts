import { describe, expect, it } from "vitest";
import { partLabels } from "../../src/lib/views/actor-labels.ts";
import { timeBetween } from "../../src/lib/model/date-spans.ts";
import { buildModel } from "../../src/lib/model/model.ts";
import { stanceRuns } from "../../src/lib/views/dot-chart.ts";
import {
  alsoRelated,
  differingSources,
  latestChanges,
  type Change,
  redline,
  registryLinks,
  reportedAs,
  stanceAge,
  stancesByValue,
} from "../../src/lib/views/proposal-page.ts";
import {
  actorPage,
  actorRows,
  byLatestActivity,
  countByStatus,
  homeView,
  involving,
} from "../../src/lib/views/page-views.ts";
import { AFFILIATED_ACTORS, KINDS, REGISTRY, article, proposal, proposalOf } from "./fixtures.ts";

const ACTORS = AFFILIATED_ACTORS;

/** A change without the mentions and position it carries, for comparing. */
function brief(c: Change): object {
  if (c.type === "status") return { type: c.type, from: c.from, to: c.to, move: c.move };
  if (c.type === "stance") return { type: c.type, actor: c.actor, stance: c.stance, ...(c.was ? { was: c.was } : {}) };
  return c;
}

describe("timeBetween", () => {
  it.each([
    ["2025-08-16", "2025-12-14", "3 months"],
    ["2025-08-16", "2025-12-16", "4 months"],
    ["2025-08", "2025-12-14", "4 months"],
    ["2025-12-01", "2025-12-03", "2 days"],
    ["2025-12-01", "2025-12-02", "1 day"],
    ["2025-11-01", "2025-12-14", "6 weeks"],
    ["2023-05-01", "2025-12-14", "2 years"],
    ["2023", "2025-12-14", "2 years"],
    ["2025", "2025-12-14", null],
    ["2025-12", "2025-12-20", null],
    ["2025-12-20", "2025-12-20", null],
    ["2025-12-20", "2025-12-01", null],
  ])("%s → %s: %s", (from, to, expected) => {
    expect(timeBetween(from, to)).toBe(expected);
  });
});

describe("the state of play of a proposal page", () => {
  it("lists the sources that differ newest first, each with why", () => {
    const p = proposalOf(
      ["a", "2025-08-01", { status: "agreed", evidence: "anonymous-officials" }],
      ["b", "2025-11-01", { status: "negotiating" }],
      ["c", "2025-12", { status: "rejected" }],
      ["d", "2025-12-20", { status: "proposed", evidence: "official-statement" }],
    );
    expect(differingSources(p.state).map((d) => [d.mention.article.slug, d.mention.status, d.reason])).toEqual([
      ["c", "rejected", "same-period"],
      ["b", "negotiating", "more-advanced"],
      ["a", "agreed", "more-advanced"],
    ]);
  });

  it("says how old a stance is when later sources are silent, and nothing when the latest source states it", () => {
    const p = proposalOf(
      ["a", "2025-08-16", { positions: [{ actor: "russia", stance: "opposes" }] }],
      ["b", "2025-10-01", {}],
      ["c", "2025-12-14", { positions: [{ actor: "italy", stance: "supports" }] }],
    );
    const [russia, italy] = p.stances;
    expect(russia && stanceAge(russia)).toBe(
      "Stated 3 months before the latest source; the 2 sources since do not mention it",
    );
    expect(italy && stanceAge(italy)).toBeNull();
    const once = proposalOf(
      ["a", "2025-08", { positions: [{ actor: "russia", stance: "opposes" }] }],
      ["b", "2025-12-20", {}],
    ).stances[0];
    expect(once && stanceAge(once)).toBe("Stated 4 months before the latest source, which does not mention it");
    const sameDay = proposalOf(
      ["a", "2025-12-20", { positions: [{ actor: "russia", stance: "opposes" }] }],
      ["b", "2025-12-20", {}],
    ).stances[0];
    expect(sameDay && stanceAge(sameDay)).toBe("Stated before the latest source, which does not mention it");
  });

  it("groups an actor's stances into runs, oldest first, the same stance in a row as one run (the chart's marks)", () => {
    const p = proposalOf(
      ["a", "2025-02-01", { positions: [{ actor: "russia", stance: "undecided" }] }],
      ["b", "2025-05-01", { positions: [{ actor: "russia", stance: "opposes" }] }],
      ["c", "2025-08-01", { positions: [{ actor: "russia", stance: "opposes" }] }],
      ["d", "2025-12-01", { positions: [{ actor: "russia", stance: "conditional", note: "If NATO stays out." }] }],
    );
    const [russia] = p.stances;
    expect(russia && stanceRuns(russia.history).map((r) => [r.stance, r.sources.map((m) => m.article.slug)])).toEqual([
      ["undecided", ["a"]],
      ["opposes", ["b", "c"]],
      ["conditional", ["d"]],
    ]);
  });

  it("groups latest stances by stance, in the vocabulary's order", () => {
    const p = proposalOf([
      "a",
      "2025-08-16",
      {
        positions: [
          { actor: "russia", stance: "opposes" },
          { actor: "italy", stance: "supports" },
          { actor: "france", stance: "conditional", note: "With a US backstop." },
        ],
      },
    ]);
    expect(stancesByValue(p.stances).map((g) => [g.stance, g.actors.map((s) => s.actor)])).toEqual([
      ["supports", ["italy"]],
      ["opposes", ["russia"]],
      ["conditional", ["france"]],
    ]);
  });
});

describe("redline", () => {
  const p = proposalOf(
    ["a", "2025-08-01", { terms: { response: "consultative", binding: "political" } }],
    ["b", "2025-09-01", { terms: { response: "unspecified", guarantors: ["united-states"] } }],
    ["c", "2025-12-01", { terms: { response: "automatic", binding: "political" } }],
  );

  it("puts one column per source and one row per term, marking values other than the latest stated", () => {
    const r = redline(p.termsView);
    expect(r.columns.map((m) => m.article.slug)).toEqual(["a", "b", "c"]);
    expect(r.omitted).toBe(0);
    expect(r.rows.map((row) => [row.key, row.disputed, row.cells.map((c) => [c.value ?? null, c.differs])])).toEqual([
      [
        "guarantors",
        false,
        [
          [null, false],
          [["united-states"], false],
          [null, false],
        ],
      ],
      [
        "binding",
        false,
        [
          ["political", false],
          [null, false],
          ["political", false],
        ],
      ],
      [
        "response",
        true,
        [
          ["consultative", true],
          ["unspecified", false],
          ["automatic", false],
        ],
      ],
      [
        "foreign_troops",
        false,
        [
          [null, false],
          [null, false],
          [null, false],
        ],
      ],
    ]);
  });

  it("keeps the latest sources when there are more than it shows", () => {
    const r = redline(p.termsView, 2);
    expect(r.columns.map((m) => m.article.slug)).toEqual(["b", "c"]);
    expect(r.omitted).toBe(1);
  });
});

describe("registry links, titles and what changed", () => {
  const model = buildModel({
    actors: ACTORS,
    kinds: KINDS,
    registry: [
      { id: "a", title: "A", kind: "collective-defense", related: [{ id: "x", relation: "alternative-to" }] },
      { id: "x", title: "X", kind: "collective-defense" },
      { id: "force", title: "A force", kind: "foreign-forces", related: [{ id: "x", relation: "part-of" }] },
    ],
    articles: [
      article("s1", "2025-08-01", [
        proposal({ id: "a", title: "A as first worded" }),
        proposal({ id: "x", title: "X" }),
        proposal({ id: "force", kind: "foreign-forces" }),
      ]),
      article("s2", "2025-09-01", [proposal({ id: "a", title: "A" }), proposal({ id: "x", title: "The X plan" })]),
    ],
  });
  const links = registryLinks(model.proposals);

  it("shows each registry link from both ends", () => {
    const view = (id: string) => (links.get(id) ?? []).map((l) => [l.label, l.inbound, l.proposal.id]);
    expect(view("a")).toEqual([["Alternative to", false, "x"]]);
    expect(view("force")).toEqual([["Part of", false, "x"]]);
    expect(view("x")).toEqual([
      ["Alternatives to it", true, "a"],
      ["Includes", true, "force"],
    ]);
  });

  it("leaves the proposals the registry links out of the computed related ones", () => {
    const a = model.proposalById.get("a");
    if (!a) throw new Error("no a");
    expect(a.related).toContain("x");
    expect(alsoRelated(a, links.get("a") ?? [])).not.toContain("x");
    expect(alsoRelated(a, [])).toEqual(a.related);
  });

  it("lists each other title with the sources that used it", () => {
    const x = model.proposalById.get("x");
    expect(x && reportedAs(x).map((t) => [t.title, t.sources.map((m) => m.article.slug)])).toEqual([
      ["The X plan", ["s2"]],
    ]);
  });

  it("says what the latest source changed: status, stances, terms", () => {
    const p = proposalOf(
      [
        "a",
        "2025-08-01",
        {
          status: "floated",
          positions: [{ actor: "russia", stance: "opposes" }],
          terms: { guarantors: ["united-states", "italy"], response: "consultative" },
        },
      ],
      [
        "b",
        "2025-12-01",
        {
          status: "proposed",
          positions: [
            { actor: "russia", stance: "opposes" },
            { actor: "italy", stance: "undecided" },
            { actor: "france", stance: "supports" },
          ],
          terms: { guarantors: ["italy", "united-states"], response: "automatic", binding: "unspecified" },
        },
      ],
    );
    expect(latestChanges(p).map(brief)).toEqual([
      { type: "status", from: "floated", to: "proposed", move: "forward" },
      { type: "stance", actor: "italy", stance: "undecided" },
      { type: "stance", actor: "france", stance: "supports" },
      { type: "term", key: "response", value: "automatic", was: "consultative" },
    ]);
    expect(latestChanges(proposalOf(["a", "2025-08-01", {}]))).toEqual([{ type: "first-reported" }]);
    expect(latestChanges(proposalOf(["a", "2025-08-01", {}], ["b", "2025-09-01", {}]))).toEqual([
      { type: "same-status", status: "proposed" },
    ]);
  });
});

describe("actors: who is who, and one definition of involvement", () => {
  const model = buildModel({
    actors: ACTORS,
    kinds: KINDS,
    registry: REGISTRY,
    articles: [
      article("s1", "2025-08-16", [
        proposal({
          positions: [{ actor: "italy", stance: "supports", speaker: "giorgia-meloni", note: "Pushed for months." }],
          quotes: [{ text: "Ready to act.", speaker: "Giorgia Meloni", speaker_id: "giorgia-meloni" }],
        }),
      ]),
      article("s2", "2025-12-01", [
        proposal({ id: "force", kind: "foreign-forces", proposers: ["willing"], status: "negotiating" }),
      ]),
    ],
  });
  const page = (id: string) => {
    const actor = model.actorById.get(id);
    if (!actor) throw new Error(id);
    return actorPage(model, actor);
  };

  it("a person's page links whom they represent and shows what they said", () => {
    const meloni = page("giorgia-meloni");
    expect(meloni.represents?.id).toBe("italy");
    expect(meloni.statements.map((s) => [s.proposal.id, s.position.actor, s.position.stance])).toEqual([
      ["article-5-like-guarantee", "italy", "supports"],
    ]);
    expect(meloni.quotes.map((q) => q.quote.text)).toEqual(["Ready to act."]);
  });

  it("the state's page includes it, through the person", () => {
    const italy = page("italy");
    expect(italy.people.map((p) => p.id)).toEqual(["giorgia-meloni"]);
    expect(italy.quotes.map((q) => q.quote.speaker_id)).toEqual(["giorgia-meloni"]);
    expect(italy.stances.map((s) => [s.proposal.id, s.stance.position.speaker])).toEqual([
      ["article-5-like-guarantee", "giorgia-meloni"],
    ]);
    const [row] = italy.proposals;
    expect(row && partLabels(row.part, model)).toEqual([
      { text: "stated a position" },
      { text: "", through: [{ id: "giorgia-meloni", name: "Giorgia Meloni" }] },
    ]);
  });

  it("a coalition lists its members, and a member's page lists the coalition's proposals through it", () => {
    expect(page("willing").members.map((a) => a.id)).toEqual(["united-kingdom", "france"]);
    const uk = page("united-kingdom");
    expect(uk.memberOf.map((a) => a.id)).toEqual(["willing"]);
    expect(uk.proposals.map((p) => p.proposal.id)).toEqual(["force"]);
    const [row] = uk.proposals;
    expect(row && partLabels(row.part, model)).toEqual([
      { text: "as a member", through: [{ id: "willing", name: "Coalition of the willing" }] },
    ]);
  });

  it("names every coalition a member takes part through, and the people a state speaks through in one label", () => {
    const part = {
      roles: new Set(["proposer", "through-coalition", "through-person"] as const),
      via: new Set(["willing", "giorgia-meloni", "someone-unknown"]),
    };
    expect(partLabels(part, model)).toEqual([
      { text: "proposer" },
      { text: "as a member", through: [{ id: "willing", name: "Coalition of the willing" }] },
      {
        text: "",
        through: [
          { id: "giorgia-meloni", name: "Giorgia Meloni" },
          { id: "someone-unknown", name: "someone-unknown" },
        ],
      },
    ]);
  });

  it("counts what Model.involvement holds, on the actor page and in the index", () => {
    for (const actor of model.actors) {
      const entry = model.involvement.get(actor.id);
      const { proposals, sources } = involving(model, actor.id);
      expect(proposals.map((p) => p.proposal.id).sort()).toEqual([...(entry?.proposals.keys() ?? [])].sort());
      expect(sources.map((a) => a.slug).sort()).toEqual([...(entry?.articles ?? [])].sort());
      expect(page(actor.id).proposals.length).toBe(proposals.length);
    }
    expect(actorRows(model).map((r) => [r.actor.id, r.proposals, r.proposed, r.sources])).toEqual([
      ["willing", 1, 1, 1],
      ["france", 1, 0, 1],
      ["giorgia-meloni", 1, 0, 1],
      ["italy", 1, 0, 1],
      ["russia", 0, 0, 0],
      ["united-kingdom", 1, 0, 1],
      ["united-states", 1, 1, 1],
    ]);
  });
});

describe("the home page", () => {
  const model = buildModel({
    actors: ACTORS,
    kinds: KINDS,
    registry: REGISTRY,
    articles: [
      article("old", "2025-08-01", [proposal({ status: "floated" }), proposal({ id: "x" })]),
      // One source reporting many proposals, the main one's event a week before publication.
      article("big", "2025-12-20", [
        proposal({ status: "proposed", date: "2025-12-14" }),
        proposal({ id: "force", kind: "foreign-forces", proposers: ["france"] }),
        proposal({ id: "reassurance-force", kind: "foreign-forces", proposers: ["france"] }),
        proposal({ id: "a" }),
      ]),
    ],
  });

  it("orders proposals by their latest publication, the most reported first on the same day", () => {
    expect(byLatestActivity(model.proposals).map((p) => p.id)).toEqual([
      "article-5-like-guarantee",
      "reassurance-force",
      "force",
      "a",
      "x",
    ]);
  });

  it("keeps one entry per proposal, so the main development stays within the limit", () => {
    const home = homeView(model, { proposals: 2, sources: 1 });
    expect(home.entries.map((e) => [e.proposal.id, e.changes.map(brief)])).toEqual([
      ["article-5-like-guarantee", [{ type: "status", from: "floated", to: "proposed", move: "forward" }]],
      ["reassurance-force", [{ type: "first-reported" }]],
    ]);
    expect(home.more).toBe(3);
    expect(home.sources.map((a) => a.slug)).toEqual(["big"]);
    expect(home.byStatus).toEqual(countByStatus(model.proposals));
  });
});
