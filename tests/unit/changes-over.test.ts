import { describe, expect, it } from "vitest";
import { changesOver, statusMove, type Change } from "../../src/lib/model/changes.ts";
import type { Mention } from "../../src/lib/model/mention.ts";
import { comparableTerm, stanceHistories, TERM_KEYS } from "../../src/lib/model/state-of-play.ts";
import type { SameActor } from "../../src/lib/model/involvement.ts";
import type { Position, Terms } from "../../src/schemas/proposal.ts";
import { STANCE_IDS, STATUSES } from "../../src/schemas/vocabulary.ts";

/**
 * The plain definition of what a mention changed: against the mentions before
 * it, each stance looked up in the stance history rebuilt over them. The
 * oracle that changesOver (one pass over the full history) must agree with.
 */
function changesAtOracle(before: readonly Mention[], mention: Mention, sameActor: SameActor): Change[] {
  const previous = before.at(-1);
  if (!previous) return [{ type: "first-reported" }];
  const changes: Change[] = [
    previous.status === mention.status
      ? { type: "same-status", status: mention.status }
      : {
          type: "status",
          from: previous.status,
          to: mention.status,
          move: statusMove(previous, mention),
          previous,
          mention,
        },
  ];
  const histories = stanceHistories([...before, mention]);
  for (const position of mention.positions) {
    const history = histories.get(position.actor) ?? [];
    const at = history.findIndex((event) => event.position === position);
    const was = history[at - 1]?.position.stance;
    if (was !== position.stance)
      changes.push({
        type: "stance",
        actor: position.actor,
        position,
        stance: position.stance,
        ...(was ? { was } : {}),
      });
  }
  for (const key of TERM_KEYS) {
    const value = mention.terms?.[key];
    if (value === undefined || value === "unspecified") continue;
    const was = before
      .map((m) => m.terms?.[key])
      .filter((v) => v !== undefined && v !== "unspecified")
      .at(-1);
    if (was === undefined || comparableTerm(was, sameActor) !== comparableTerm(value, sameActor))
      changes.push({ type: "term", key, value, ...(was ? { was } : {}) });
  }
  return changes;
}

/** A small seeded generator, so a failure can be replayed. */
function randomOf(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return { next, pick };
}

/**
 * Dates crowded into a few months, so that days, months, approximate
 * months, years and ranges of the same period meet.
 */
const DATES = [
  "2025",
  "2025-03",
  "2025-03~",
  "2025-03-01",
  "2025-03-15",
  "2025-03-15?",
  "2025-03-31",
  "2025-03-10/2025-04-05",
  "2025-04",
  "2025-04-02",
  "2025-04-30",
  "2025-05-01",
  "2024-12-28/2025-01-03",
];
const ACTORS = ["a", "b", "c", "d"];
const GUARANTORS = [["a"], ["a", "b"], ["b", "a"], ["c"], ["a", "c-alias"]];

/** Mentions in a given order, their positions often dated out of order, actors repeated (twice in one mention too). */
function mentionsOf(seed: number, count: number): Mention[] {
  const r = randomOf(seed);
  return Array.from({ length: count }, (_, i): Mention => {
    const positions: Position[] = Array.from({ length: Math.floor(r.next() * 4) }, () => ({
      actor: r.pick(ACTORS),
      stance: r.pick(STANCE_IDS),
      ...(r.next() < 0.6 ? { date: r.pick(DATES) } : {}),
    }));
    const terms: Terms = {};
    if (r.next() < 0.4) terms.guarantors = r.pick(GUARANTORS);
    if (r.next() < 0.4) terms.binding = r.pick(["legally-binding", "political", "unspecified"] as const);
    return {
      proposalId: "p",
      article: {
        slug: `s${i}`,
        title: "",
        summary: "",
        source: { publisher: "", published: "2025", approximate: false, language: "en" },
      },
      date: r.pick(DATES),
      approximate: false,
      title: "",
      kind: "",
      proposers: [],
      status: r.pick(STATUSES).id,
      summary: "",
      ...(r.next() < 0.7 ? { terms } : {}),
      positions,
      quotes: [],
      parts: new Map(),
    };
  });
}

describe("changesOver", () => {
  const sameActor: SameActor = (id) => (id === "c-alias" ? "c" : id);

  it("gives each mention what the plain definition gives it against the mentions before it", () => {
    let stances = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const mentions = mentionsOf(seed, 1 + (seed % 40));
      const expected = mentions.map((mention, i) => ({
        mention,
        changes: changesAtOracle(mentions.slice(0, i), mention, sameActor),
      }));
      const actual = changesOver(mentions, sameActor);
      expect(actual, `seed ${seed}`).toEqual(expected);
      for (const { changes } of actual) stances += changes.filter((c) => c.type === "stance" && c.was).length;
    }
    // The generated lists do exercise stances that change from an earlier one.
    expect(stances).toBeGreaterThan(100);
  });

  it("reads a stance against what the mentions up to its own stated: a later source's earlier-dated stance does not count", () => {
    const [first, second, third] = mentionsOf(1, 3) as [Mention, Mention, Mention];
    first.positions = [{ actor: "a", stance: "supports", date: "2025-03-01" }];
    second.positions = [{ actor: "a", stance: "opposes", date: "2025-04-30" }];
    third.positions = [{ actor: "a", stance: "opposes", date: "2025-04-02" }];
    const [, atSecond, atThird] = changesOver([first, second, third]);
    expect(atSecond?.changes.find((c) => c.type === "stance")).toMatchObject({ stance: "opposes", was: "supports" });
    expect(atThird?.changes.find((c) => c.type === "stance")).toMatchObject({ stance: "opposes", was: "supports" });
  });
});
