import { describe, expect, it } from "vitest";
import { buildModel, runsOf, toMention } from "../../src/lib/model/model.ts";
import { ACTORS, KINDS, REGISTRY, article, proposal } from "./fixtures.ts";

function model() {
  return buildModel({
    actors: ACTORS,
    kinds: KINDS,
    registry: REGISTRY,
    articles: [
      // Deliberately out of date order.
      article("late", "2025-12-20", [
        proposal({
          title: "Article 5-style guarantee, revised",
          status: "negotiating",
          proposers: ["united-states", "france"],
          positions: [{ actor: "russia", stance: "opposes" }],
          terms: { binding: "legally-binding" },
        }),
      ]),
      article("early", "2025-08-16", [
        proposal({
          positions: [
            { actor: "italy", stance: "supports", note: "Pushed for it." },
            { actor: "russia", stance: "undecided" },
          ],
          terms: { guarantors: ["united-states"], binding: "political", response: "consultative" },
          quotes: [{ text: "It is not the only option.", speaker: "Giorgia Meloni" }],
        }),
        proposal({
          id: "reassurance-force",
          title: "Reassurance force",
          kind: "foreign-forces",
          proposers: ["france"],
        }),
      ]),
      article("middle", "2025-08", [proposal({ status: "floated", date: "2025-08-19", approximate: true })], {
        approximate: true,
      }),
    ],
  });
}

describe("buildModel", () => {
  const m = model();
  const p = m.proposalById.get("article-5-like-guarantee");

  it("merges every mention of an id into one proposal, oldest first", () => {
    expect(m.proposals).toHaveLength(2);
    expect(p?.mentions.map((x) => x.article.slug)).toEqual(["early", "middle", "late"]);
  });

  it("takes the registry's stable title, and the latest mention's status", () => {
    expect(p?.status).toBe("negotiating");
    expect(p?.title).toBe("Article 5-like guarantee");
    expect(p?.alsoReportedAs).toEqual(["Article 5-style guarantee, revised"]);
  });

  it("unites the proposers of all mentions, in order of appearance", () => {
    expect(p?.proposers).toEqual(["united-states", "france"]);
  });

  it("dates a mention by its own date when given, with its own approximation", () => {
    const middle = p?.mentions[1];
    expect(middle?.date).toBe("2025-08-19~");
    expect(middle?.approximate).toBe(true);
    expect(p?.first.date).toBe("2025-08-16");
    expect(p?.first.approximate).toBe(false);
  });

  it("draws the status history as runs", () => {
    expect(p?.history.map((r) => [r.value, r.from.article.slug, r.count])).toEqual([
      ["proposed", "early", 1],
      ["floated", "middle", 1],
      ["negotiating", "late", 1],
    ]);
  });

  it("follows each actor's position over time, in one history", () => {
    const russia = p?.stances.find((x) => x.actor === "russia");
    expect(russia?.position.stance).toBe("opposes");
    expect(russia?.history.map((e) => e.position.stance)).toEqual(["undecided", "opposes"]);
    expect(p?.stances.map((x) => x.actor)).toEqual(["italy", "russia"]);
  });

  it("merges terms key by key, the latest statement winning", () => {
    expect(p?.terms).toEqual({ guarantors: ["united-states"], binding: "legally-binding", response: "consultative" });
  });

  it("keeps quotes with the mention that carries them", () => {
    expect(p?.quotes.map((q) => [q.speaker, q.mention.article.slug])).toEqual([["Giorgia Meloni", "early"]]);
  });

  it("relates proposals that share an article or a proposer", () => {
    expect(p?.related).toEqual(["reassurance-force"]);
  });

  it("orders articles newest first and proposals by latest mention", () => {
    // A date known only to the month sorts before the days of that month.
    expect(m.articles.map((a) => a.slug)).toEqual(["late", "early", "middle"]);
    expect(m.proposals.map((x) => x.id)).toEqual(["article-5-like-guarantee", "reassurance-force"]);
  });
});

describe("runsOf", () => {
  it("collapses consecutive equal values and counts them", () => {
    const mention = toMention(
      {
        slug: "a",
        title: "A",
        summary: "S",
        source: { publisher: "P", published: "2025", approximate: false, language: "en" },
      },
      proposal(),
      "collective-defense",
    );
    const runs = runsOf(["a", "a", "b", "a"].map((value) => ({ value, mention })));
    expect(runs.map((r) => [r.value, r.count])).toEqual([
      ["a", 2],
      ["b", 1],
      ["a", 1],
    ]);
  });
});
