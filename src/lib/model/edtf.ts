import { parse, type ParsedDate } from "edtf";
import { dateText } from "./dates.ts";

/**
 * The one place that reads ISO 8601-2 / EDTF dates, with the `edtf` parser:
 * the forms the content format allows are `YYYY`, `YYYY-MM`, `YYYY-MM-DD`,
 * each optionally ending in `~` (approximate) or `?` (uncertain), and ranges
 * `start/end` of two such dates. The result is the date in that canonical
 * form, which the helpers in dates.ts read without a parser (they run in the
 * browser too).
 */

const FORMS =
  "a real date as YYYY-MM-DD, YYYY-MM or YYYY, optionally ending in ~ (approximate) or ? (uncertain), " +
  "or a range start/end of two such dates";

/** The canonical form of a date written as an EDTF value, or what is wrong with it. */
export function readEdtf(input: string): { date: string } | { problem: string } {
  const raw = input.trim();
  let parsed;
  try {
    parsed = parse(raw, { level: 1 });
  } catch {
    return { problem: `expected ${FORMS}` };
  }
  if (parsed.type === "Date") {
    const point = pointOf(parsed);
    return typeof point === "string" ? { date: point } : point;
  }
  if (parsed.type === "Interval") {
    const [from, to] = parsed.values;
    if (from === null || to === null) return { problem: `expected ${FORMS} (a range needs both its start and end)` };
    const start = pointOf(from);
    if (typeof start !== "string") return start;
    const end = pointOf(to);
    if (typeof end !== "string") return end;
    if (lastDay(to) < firstDay(from)) return { problem: `expected a range that ends on or after its start` };
    return { date: `${start}/${end}` };
  }
  return { problem: `expected ${FORMS}` };
}

/** One date of the allowed forms, as text, or what is wrong with it. */
function pointOf(d: ParsedDate): string | { problem: string } {
  const [year, month, day] = d.values;
  if (d.values.length > 3 || d.offset !== undefined || year === undefined)
    return { problem: `expected ${FORMS} (no time of day)` };
  if (d.unspecified) return { problem: `expected ${FORMS} (no X digits: leave the unknown part out)` };
  if (year < 1900) return { problem: `expected ${FORMS} (a year from 1900 on)` };
  // The parser takes any day up to 29 in February.
  if (month !== undefined && day !== undefined && day > new Date(Date.UTC(year, month + 1, 0)).getUTCDate())
    return { problem: `expected ${FORMS}` };
  const approximate = Boolean(d.approximate);
  const uncertain = Boolean(d.uncertain);
  if (approximate && uncertain) return { problem: `expected ${FORMS} (~ or ?, not both)` };
  const pad = (n: number) => String(n).padStart(2, "0");
  const text = [
    String(year),
    ...(month === undefined ? [] : [pad(month + 1)]),
    ...(day === undefined ? [] : [pad(day)]),
  ];
  return `${text.join("-")}${approximate ? "~" : uncertain ? "?" : ""}`;
}

const iso = (y: number, m: number, d: number) =>
  `${String(y)}-${String(m + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

function firstDay(d: ParsedDate): string {
  const [y = 0, m = 0, day = 1] = d.values;
  return iso(y, m, day);
}

function lastDay(d: ParsedDate): string {
  const [y = 0, m, day] = d.values;
  if (m === undefined) return iso(y, 11, 31);
  return iso(y, m, day ?? new Date(Date.UTC(y, m + 1, 0)).getUTCDate());
}

/** The canonical form of a date value (EDTF text, a YAML Date or a year number), or null when it is not one. */
export function normalizeDate(value: unknown): string | null {
  const written = dateText(value);
  if (written === null) return null;
  const read = readEdtf(written);
  return "date" in read ? read.date : null;
}
