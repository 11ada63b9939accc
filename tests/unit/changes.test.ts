import { describe, expect, it } from "vitest";
import type { Change } from "../../src/lib/model/changes.ts";
import { compareDates, formatDate, isBefore, latestOf, samePeriod, sortKey } from "../../src/lib/model/dates.ts";
import { statusChangeWords } from "../../src/lib/views/change-words.ts";
import { proposalEvents } from "../../src/lib/open-data/feeds.ts";
import { changesAt, proposalOf } from "./fixtures.ts";

describe("ordering by ranges", () => {
  it("puts one date before another only when it ends before the other starts", () => {
    expect(isBefore("2025-08-16", "2025-08-18/2025-08-24")).toBe(true);
    expect(isBefore("2025-08-18/2025-08-24", "2025-08-25")).toBe(true);
    expect(compareDates("2025-08-18/2025-08-24", "2025-08-16")).toBe(1);
  });

  it("claims no order between overlapping ranges", () => {
    expect(compareDates("2025-08-18/2025-08-24", "2025-08-22/2025-08-30")).toBe(0);
    expect(samePeriod("2025-08-18/2025-08-24", "2025-08-24")).toBe(true);
  });

  it("claims no order between a range and a date it contains", () => {
    expect(compareDates("2025-08-10/2025-08-30", "2025-08-20")).toBe(0);
    expect(compareDates("2025", "2025-08-18/2025-08-24")).toBe(0);
  });

  it("reads an approximate month as the whole month: the same period as any of its days, before the next month", () => {
    expect(compareDates("2025-08~", "2025-08-16")).toBe(0);
    expect(compareDates("2025-08~", "2025-08-31")).toBe(0);
    expect(compareDates("2025-08~", "2025-09-01")).toBe(-1);
    expect(compareDates("2025-07-31", "2025-08~")).toBe(-1);
  });

  it("sorts consistently with that order: what is before sorts first", () => {
    const pairs: [string, string][] = [
      ["2025-08-16", "2025-08-18/2025-08-24"],
      ["2025-08~", "2025-09-01"],
      ["2024", "2025-01"],
    ];
    for (const [a, b] of pairs) expect(sortKey(a) < sortKey(b), `${a} < ${b}`).toBe(true);
  });

  it("takes the surest of equal latest dates, whatever their order", () => {
    expect(latestOf(["2026-02-13~", "2026-02-13", "2025-12"])).toBe("2026-02-13");
    expect(latestOf(["2026-02-13", "2026-02-13~"])).toBe("2026-02-13");
  });

  it("prints dates as readers say them", () => {
    expect(formatDate("2025-08-18/2025-08-24")).toBe("18–24 August 2025");
    expect(formatDate("2025-08~")).toBe("c. August 2025");
    expect(formatDate("2025-08")).toBe("August 2025");
    expect(formatDate("2025-08-28/2025-09-03")).toBe("28 August – 3 September 2025");
    expect(formatDate("2025-02/2025-03")).toBe("February–March 2025");
    expect(formatDate("2024-12-28/2025-01-03")).toBe("28 December 2024 – 3 January 2025");
    expect(formatDate("2025-08-16?")).toBe("16 August 2025 (uncertain)");
  });
});

const statusOf = (changes: Change[]) => changes.find((c) => c.type === "status");

describe("status moves in words", () => {
  it("says a move forward along the lifecycle as progress", () => {
    const p = proposalOf(["a", "2025-08-01", { status: "floated" }], ["b", "2025-09-01", { status: "proposed" }]);
    const change = statusOf(changesAt(p.mentions.slice(0, 1), p.latest));
    expect(change?.type === "status" && statusChangeWords(change)).toBe("Status moved from floated to proposed");
  });

  it("says a move out of an end state as contested, never as progress", () => {
    const p = proposalOf(
      ["a", "2025-02-14", { status: "rejected" }],
      ["b", "2025-12-20", { status: "proposed", summary: "Ready to give up the bid for guarantees." }],
    );
    const change = statusOf(changesAt(p.mentions.slice(0, 1), p.latest));
    expect(change).toMatchObject({ move: "reopened" });
    const words = change?.type === "status" ? statusChangeWords(change) : "";
    expect(words).toMatch(/^Contested: rejected per Wire, 14 February 2025; proposed per Wire, 20 December 2025/);
    expect(words).not.toMatch(/moved from/);
  });

  it("says a move back to an earlier stage as contested", () => {
    const p = proposalOf(["a", "2025-08-01", { status: "negotiating" }], ["b", "2025-09-01", { status: "floated" }]);
    const change = statusOf(changesAt(p.mentions.slice(0, 1), p.latest));
    expect(change).toMatchObject({ move: "backward" });
    expect(change?.type === "status" && statusChangeWords(change)).toMatch(/^Contested: negotiating .*; only floated /);
  });

  it("says two statuses of the same period as sources differing, with no order", () => {
    const p = proposalOf(
      ["a", "2025-08-16", { status: "proposed" }],
      ["b", "2025-08-20", { status: "floated", date: "2025-08~" }],
    );
    const change = statusOf(changesAt(p.mentions.slice(0, 1), p.latest));
    expect(change).toMatchObject({ move: "same-period" });
    expect(change?.type === "status" && statusChangeWords(change)).toMatch(/^Sources differ: /);
  });
});

describe("one definition of what changed, in every feed", () => {
  it("lists a change of terms as its own event, as the home and proposal pages do", () => {
    const p = proposalOf(
      ["a", "2025-08-01", { terms: { response: "consultative" } }],
      ["b", "2025-09-01", { terms: { response: "automatic" } }],
    );
    const events = proposalEvents(p);
    expect(events.map((e) => e.fragment)).toContain("term-b-response");
    expect(changesAt(p.mentions.slice(0, 1), p.latest).some((c) => c.type === "term")).toBe(true);
  });

  it("dates each entry by its source's publication, not by a midnight of an approximate event date", () => {
    const p = proposalOf(["a", "2025-12-20", { date: "2025-08~" }]);
    const [mention] = proposalEvents(p);
    expect(mention?.date).toBe("2025-12-20");
  });
});
