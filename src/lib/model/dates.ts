/**
 * A date as the text supports it, in the canonical EDTF form that
 * src/lib/model/edtf.ts produces: `2025`, `2025-08` or `2025-08-16`, each
 * optionally ending in `~` (approximate) or `?` (uncertain), or a range
 * `start/end` of two such dates. YAML may hand it over as a Date, a string or
 * a number; it is normalised to that string, which keeps its precision. These
 * helpers read the canonical form without a parser: they run in the browser too.
 */
export type PartialDate = string;

export type Precision = "day" | "month" | "year";

/** One end of a date: its digits, and how sure the text is of them. */
interface Point {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  text: string;
  approximate: boolean;
  uncertain: boolean;
}

function pointOf(text: string): Point {
  const last = text.at(-1);
  const qualified = last === "~" || last === "?";
  return { text: qualified ? text.slice(0, -1) : text, approximate: last === "~", uncertain: last === "?" };
}

/** The start and end of a date (the same point when it is not a range). */
function pointsOf(date: PartialDate): [Point, Point] {
  const [from, to] = date.split("/") as [string, string?];
  const start = pointOf(from);
  return [start, to === undefined ? start : pointOf(to)];
}

const precisionOfPoint = (text: string): Precision =>
  text.length === 10 ? "day" : text.length === 7 ? "month" : "year";

function firstDayOf(text: string): string {
  return text.length === 10 ? text : text.length === 7 ? `${text}-01` : `${text}-01-01`;
}

function lastDayOf(text: string): string {
  if (text.length === 10) return text;
  if (text.length === 4) return `${text}-12-31`;
  const [y, m] = text.split("-").map(Number) as [number, number];
  return `${text}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
}

/**
 * Returns the canonical form of a date value that is not EDTF text (a YAML
 * Date or a year number) or of EDTF text already in canonical form, or null.
 * Validation parses the text with the EDTF parser (src/lib/model/edtf.ts).
 */
export function dateText(value: unknown): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const isMidnight = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0;
    return isMidnight ? value.toISOString().slice(0, 10) : null;
  }
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : null;
  return typeof value === "string" ? value : null;
}

/** Whether a date is a range `start/end`. */
export function isRange(date: PartialDate): boolean {
  return date.includes("/");
}

/** Whether either end of a date is marked approximate (`~`). */
export function isApproximate(date: PartialDate): boolean {
  return pointsOf(date).some((p) => p.approximate);
}

/** The date marked approximate when `approximate` says so and it is not already (v2's `approximate: true`). */
export function withApproximate(date: PartialDate, approximate: boolean | undefined): PartialDate {
  if (approximate !== true || isApproximate(date)) return date;
  return date
    .split("/")
    .map((part) => `${pointOf(part).text}~`)
    .join("/");
}

/** How precisely a date is known: a range is as precise as its vaguer end. */
export function precisionOf(date: PartialDate): Precision {
  const [start, end] = pointsOf(date);
  const [a, b] = [precisionOfPoint(start.text), precisionOfPoint(end.text)];
  return a === "year" || b === "year" ? "year" : a === "month" || b === "month" ? "month" : "day";
}

/** The first day a date may mean (`2025-08` → `2025-08-01`; a range's start). Also the file name's date. */
export function earliestDay(date: PartialDate): string {
  return firstDayOf(pointsOf(date)[0].text);
}

/** The last day a date may mean (`2025-02` → `2025-02-28`; a range's end). */
export function latestDay(date: PartialDate): string {
  return lastDayOf(pointsOf(date)[1].text);
}

/** The start of a date as digits only (`2025-08-18/2025-08-24` → `2025-08-18`), for a `datetime` attribute. */
export function startOf(date: PartialDate): string {
  return pointsOf(date)[0].text;
}

/** Whether `a` is before `b`: only when `a` ends before `b` starts. */
export function isBefore(a: PartialDate, b: PartialDate): boolean {
  return latestDay(a) < earliestDay(b);
}

/** Whether two dates are the same period: their ranges overlap, and no order is claimed between them. */
export function samePeriod(a: PartialDate, b: PartialDate): boolean {
  return earliestDay(a) <= latestDay(b) && earliestDay(b) <= latestDay(a);
}

/** -1 when `a` is before `b`, 1 when after, 0 when they are the same period (no order claimed). */
export function compareDates(a: PartialDate, b: PartialDate): -1 | 0 | 1 {
  return isBefore(a, b) ? -1 : isBefore(b, a) ? 1 : 0;
}

/** 9 − each digit of a `YYYY-MM-DD` day: sorts a later end first. */
function invert(day: string): string {
  let out = "";
  for (let i = 0; i < day.length; i++) {
    const code = day.charCodeAt(i);
    // "0" is 48: 48 + (9 − (code − 48)) = 105 − code.
    out += code >= 48 && code <= 57 ? String.fromCharCode(105 - code) : day[i];
  }
  return out;
}

/**
 * A key that lists dates in time order: by start, then the wider first (a
 * month before its days, a year before its months). Whenever one date is
 * before another (compareDates), its key is smaller; dates of the same period
 * get some order, which no page may present as a sequence.
 */
export function sortKey(date: PartialDate): string {
  const [start, end] = pointsOf(date);
  return `${firstDayOf(start.text)}|${invert(lastDayOf(end.text))}`;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** The words of one end: `16 August 2025`, `August 2025`, `2025`, without qualifiers; parts left out by `omit`. */
function words(text: string, omit: "" | "year" | "month-year" = ""): string {
  const [y, m, d] = text.split("-");
  const month = m === undefined ? "" : (MONTHS[Number(m) - 1] ?? "");
  const parts = [d === undefined ? "" : String(Number(d)), omit === "month-year" ? "" : month, omit === "" ? y : ""];
  return parts.filter((p) => p !== "").join(" ");
}

/**
 * A date as a reader says it: `16 August 2025`, `August 2025`, `c. August
 * 2025`, `August 2025 (uncertain)`, `18–24 August 2025`, `28 August – 3
 * September 2025`, `August–September 2025`.
 */
export function formatDate(date: PartialDate): string {
  const [start, end] = pointsOf(date);
  const approx = start.approximate || end.approximate ? "c. " : "";
  const unsure = start.uncertain || end.uncertain ? " (uncertain)" : "";
  if (!isRange(date) || start.text === end.text) return `${approx}${words(start.text)}${unsure}`;
  const [sp, ep] = [precisionOfPoint(start.text), precisionOfPoint(end.text)];
  const sameYear = start.text.slice(0, 4) === end.text.slice(0, 4);
  const sameMonth = sp === "day" && ep === "day" && start.text.slice(0, 7) === end.text.slice(0, 7);
  let text: string;
  if (sameMonth) text = `${words(start.text, "month-year")}–${words(end.text)}`;
  else if (sp === "month" && ep === "month" && sameYear) text = `${words(start.text, "year")}–${words(end.text)}`;
  else if (sp === "year" && ep === "year") text = `${start.text}–${end.text}`;
  else if (sp === "day" && ep === "day" && sameYear) text = `${words(start.text, "year")} – ${words(end.text)}`;
  else text = `${words(start.text)} – ${words(end.text)}`;
  return `${approx}${text}${unsure}`;
}

/** The name of a month key (`2025-08` → `August 2025`). */
export function monthLabel(monthKey: string): string {
  return formatDate(monthKey);
}

/**
 * The latest of some dates (by sortKey), or undefined when there are none; of
 * dates with the same key, the one written without `~` or `?` (the surest),
 * so the result does not depend on the order they come in.
 */
export function latestOf(dates: Iterable<PartialDate>): PartialDate | undefined {
  let latest: PartialDate | undefined;
  let best = "";
  for (const d of dates) {
    const key = sortKey(d);
    if (latest === undefined || key > best || (key === best && d < latest)) [latest, best] = [d, key];
  }
  return latest;
}

/** The year a date starts in. */
export function yearOf(date: PartialDate): string {
  return date.slice(0, 4);
}
