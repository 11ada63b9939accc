/**
 * A date known to the day (`2025-08-16`), the month (`2025-08`) or the year
 * (`2025`). YAML may hand it over as a Date, a string or a number; it is
 * normalised to the string form, which keeps its precision.
 */
export type PartialDate = string;

export type Precision = "day" | "month" | "year";

const DATE_FORM = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Returns the normalised form of a date value, or null when it is not a real date. */
export function normalizeDate(value: unknown): PartialDate | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const isMidnight = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0;
    return isMidnight ? value.toISOString().slice(0, 10) : null;
  }
  const raw = typeof value === "number" && Number.isInteger(value) ? String(value) : value;
  if (typeof raw !== "string") return null;
  const match = DATE_FORM.exec(raw.trim());
  if (!match) return null;
  const [, y, m, d] = match;
  const year = Number(y);
  if (year < 1900) return null;
  if (m !== undefined) {
    const month = Number(m);
    if (month < 1 || month > 12) return null;
    if (d !== undefined) {
      const day = Number(d);
      const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
      if (day < 1 || day > daysInMonth) return null;
    }
  }
  return raw.trim();
}

/** How precisely a normalised date is known. */
export function precisionOf(date: PartialDate): Precision {
  return date.length === 10 ? "day" : date.length === 7 ? "month" : "year";
}

/** The first day a partial date may mean (`2025-08` → `2025-08-01`). */
export function earliestDay(date: PartialDate): string {
  return date.length === 10 ? date : date.length === 7 ? `${date}-01` : `${date}-01-01`;
}

/** The last day a partial date may mean (`2025-02` → `2025-02-28`). */
export function latestDay(date: PartialDate): string {
  if (date.length === 10) return date;
  if (date.length === 4) return `${date}-12-31`;
  const [y, m] = date.split("-").map(Number) as [number, number];
  return `${date}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
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

/** A key that sorts partial dates chronologically; an unknown month or day sorts first. */
export function sortKey(date: PartialDate): string {
  return date.length === 10 ? date : date.length === 7 ? `${date}-00` : `${date}-00-00`;
}

/** `2025-08-16` → `16 August 2025`, `2025-08` → `August 2025`, `2025` → `2025`. */
export function formatDate(date: PartialDate): string {
  const [y, m, d] = date.split("-");
  const month = m === undefined ? "" : MONTHS[Number(m) - 1];
  if (precisionOf(date) === "year") return y as string;
  if (precisionOf(date) === "month") return `${month} ${y}`;
  return `${Number(d)} ${month} ${y}`;
}

/** The name of a month key (`2025-08` → `August 2025`). */
export function monthLabel(monthKey: string): string {
  return formatDate(monthKey);
}

/** The latest of some partial dates (by sortKey), or undefined when there are none. */
export function latestOf(dates: Iterable<PartialDate>): PartialDate | undefined {
  let latest: PartialDate | undefined;
  for (const d of dates) if (latest === undefined || sortKey(d) > sortKey(latest)) latest = d;
  return latest;
}

/** The year of a partial date. */
export function yearOf(date: PartialDate): string {
  return date.slice(0, 4);
}
