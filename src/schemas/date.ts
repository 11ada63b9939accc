import { z } from "astro/zod";

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
    const isMidnight =
      value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0;
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

/** Schema of a partial date; the output is its normalised string. */
export const partialDate = z.unknown().transform((value, ctx): PartialDate => {
  const date = normalizeDate(value);
  if (date === null) {
    ctx.addIssue({
      code: "custom",
      message:
        value === undefined
          ? "expected a date (YYYY-MM-DD, YYYY-MM or YYYY)"
          : "expected a real date as YYYY-MM-DD, YYYY-MM or YYYY",
    });
    return z.NEVER;
  }
  return date;
});
