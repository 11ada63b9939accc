import { describe, expect, it } from "vitest";
import { samePeriod } from "../../src/lib/model/dates.ts";
import { statusState, stanceStates, termsView } from "../../src/lib/model/state-of-play.ts";
import { proposalOf } from "./fixtures.ts";

describe("samePeriod", () => {
  it.each([
    ["2025-12", "2025-12-20", true],
    ["2025", "2025-08-16", true],
    ["2025-08-16", "2025-08-16", true],
    ["2025-08-16", "2025-08-17", false],
    ["2025-07", "2025-08", false],
  ])("%s and %s → %s", (a, b, same) => {
    expect(samePeriod(a, b)).toBe(same);
  });
});

describe("the current status", () => {
  it("is the latest mention's, with nothing to flag when sources move forward", () => {
    const p = proposalOf(["a", "2025-08-01", { status: "floated" }], ["b", "2025-09-01", { status: "proposed" }]);
    expect(p.state.status).toBe("proposed");
    expect(p.state.source.article.slug).toBe("b");
    expect(p.state.differs).toEqual([]);
  });

  it("says sources differ when an earlier source reports a more advanced status", () => {
    const p = proposalOf(
      ["a", "2025-08-01", { status: "proposed", evidence: "official-statement" }],
      ["b", "2025-12-01", { status: "floated", evidence: "anonymous-officials" }],
    );
    expect(p.state.status).toBe("floated");
    expect(p.state.differs.map((m) => [m.article.slug, m.status, m.evidence])).toEqual([
      ["a", "proposed", "official-statement"],
    ]);
  });

  it("says sources differ when sources of the same period disagree, even on a less advanced status", () => {
    const p = proposalOf(["a", "2025-12", { status: "floated" }], ["b", "2025-12-20", { status: "proposed" }]);
    expect(p.state.differs.map((m) => m.article.slug)).toEqual(["a"]);
  });

  it("treats an ending as further along than any living status", () => {
    const mentions = proposalOf(
      ["a", "2025-08-01", { status: "rejected" }],
      ["b", "2025-12-01", { status: "agreed" }],
    ).mentions;
    expect(statusState(mentions).differs.map((m) => m.status)).toEqual(["rejected"]);
  });
});

describe("stances", () => {
  const p = proposalOf(
    ["a", "2025-08-01", { positions: [{ actor: "russia", stance: "undecided" }] }],
    [
      "b",
      "2025-09-01",
      {
        positions: [
          { actor: "russia", stance: "opposes" },
          { actor: "italy", stance: "supports" },
        ],
      },
    ],
    ["c", "2025-12-01", { positions: [{ actor: "france", stance: "conditional", note: "Only with a US backstop." }] }],
  );

  it("keeps each actor's latest stated stance, with its source", () => {
    expect(p.stances.map((s) => [s.actor, s.position.stance, s.source.article.slug])).toEqual([
      ["russia", "opposes", "b"],
      ["italy", "supports", "b"],
      ["france", "conditional", "c"],
    ]);
  });

  it("says how many later sources are silent on a stance", () => {
    expect(p.stances.map((s) => [s.actor, s.silentSince.map((m) => m.article.slug)])).toEqual([
      ["russia", ["c"]],
      ["italy", ["c"]],
      ["france", []],
    ]);
  });

  it("keeps a conditional stance's condition and every earlier stance", () => {
    const states = stanceStates(p.mentions);
    expect(states.find((s) => s.actor === "france")?.position.note).toBe("Only with a US backstop.");
    expect(states.find((s) => s.actor === "russia")?.history.map((h) => h.position.stance)).toEqual([
      "undecided",
      "opposes",
    ]);
  });
});

describe("terms", () => {
  const p = proposalOf(
    ["a", "2025-08-01", { terms: { response: "consultative", guarantors: ["united-states", "italy"] } }],
    ["b", "2025-09-01", { terms: { response: "automatic", guarantors: ["italy", "united-states"] } }],
    ["c", "2025-12-01", { terms: { response: "unspecified", binding: "political" } }],
  );

  it("are shown per source, side by side", () => {
    expect(p.termsView.bySource.map((row) => row.source.article.slug)).toEqual(["a", "b", "c"]);
  });

  it("keep every value sources disagree on, the latest stated first, and mark the term disputed", () => {
    expect(p.termsView.merged.response?.map((v) => [v.value, v.sources.map((m) => m.article.slug)])).toEqual([
      ["automatic", ["b"]],
      ["consultative", ["a"]],
    ]);
    expect(p.termsView.disputed).toEqual(["response"]);
  });

  it("treat the same guarantors in another order as one value, and never let 'unspecified' hide a stated one", () => {
    expect(p.termsView.merged.guarantors).toHaveLength(1);
    expect(p.terms).toEqual({ guarantors: ["italy", "united-states"], binding: "political", response: "automatic" });
  });

  it("show unspecified when that is all the sources say", () => {
    const only = proposalOf(["a", "2025-08-01", { terms: { response: "unspecified" } }]);
    expect(termsView(only.mentions).merged.response?.map((v) => v.value)).toEqual(["unspecified"]);
  });
});

describe("suggested ideas", () => {
  it("are credited to the commentators, never to a state", () => {
    const p = proposalOf(["a", "2023", { proposers: [], suggested_by: "Analysts quoted by the source" }]);
    expect(p.proposers).toEqual([]);
    expect(p.suggestedBy.map((s) => s.text)).toEqual(["Analysts quoted by the source"]);
    expect([...p.parts.keys()]).toEqual([]);
  });
});
