import { describe, expect, it } from "vitest";
import { earliestDay, formatDate, latestDay, precisionOf, sortKey } from "../../src/lib/model/dates.ts";
import { normalizeDate } from "../../src/lib/model/edtf.ts";

describe("normalizeDate", () => {
  it.each([
    ["2025-08-16", "2025-08-16"],
    ["2025-08", "2025-08"],
    ["2025", "2025"],
    [2025, "2025"],
    [new Date("2025-08-16T00:00:00Z"), "2025-08-16"],
    ["2024-02-29", "2024-02-29"],
  ])("accepts %j as %s", (input, expected) => {
    expect(normalizeDate(input)).toBe(expected);
  });

  it.each([
    ["2025-02-30"],
    ["2023-02-29"],
    ["2025-13"],
    ["2025-00-10"],
    ["16/08/2025"],
    ["2025-8-16"],
    [""],
    [true],
    [20.5],
    [new Date("2025-08-16T10:00:00Z")],
    [new Date("invalid")],
    [undefined],
  ])("rejects %j", (input) => {
    expect(normalizeDate(input)).toBeNull();
  });
});

describe("precision and ranges", () => {
  it("keeps the precision it was given", () => {
    expect(precisionOf("2025-08-16")).toBe("day");
    expect(precisionOf("2025-08")).toBe("month");
    expect(precisionOf("2025")).toBe("year");
  });

  it("gives the first and last day a partial date may mean", () => {
    expect(earliestDay("2025")).toBe("2025-01-01");
    expect(earliestDay("2025-02")).toBe("2025-02-01");
    expect(latestDay("2025-02")).toBe("2025-02-28");
    expect(latestDay("2024-02")).toBe("2024-02-29");
    expect(latestDay("2025")).toBe("2025-12-31");
    expect(latestDay("2025-08-16")).toBe("2025-08-16");
  });

  it("keys a date by its first day, then its last day with each digit inverted (pages carry the key for sorting)", () => {
    expect(sortKey("2025-08")).toBe("2025-08-01|7974-91-68");
    expect(sortKey("2025-08-18/2025-08-24~")).toBe("2025-08-18|7974-91-75");
    expect(sortKey("2025-08")).toBe("2025-08-01|7974-91-68");
  });

  it("sorts an unknown month or day before known ones", () => {
    const dates = ["2025-08-16", "2025", "2025-08", "2024-12-31", "2025-01-01"];
    expect([...dates].sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual([
      "2024-12-31",
      "2025",
      "2025-01-01",
      "2025-08",
      "2025-08-16",
    ]);
  });
});

describe("formatDate", () => {
  it("shows a date as precisely as it is known", () => {
    expect(formatDate("2025-08-06")).toBe("6 August 2025");
    expect(formatDate("2025-12")).toBe("December 2025");
    expect(formatDate("2023")).toBe("2023");
  });
});
