import { precisionOf, yearOf, type PartialDate } from "./dates.ts";

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** Whole months from one (year, month, day) to another, a month counted only once its day is reached. */
function wholeMonths(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number?];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number?];
  const months = (ty - fy) * 12 + (tm - fm);
  return fd !== undefined && td !== undefined && td < fd ? months - 1 : months;
}

/**
 * How long after `earlier` `later` is, in words ("4 months", "2 weeks",
 * "1 year"), no more precise than the vaguer of the two dates allows; null
 * when they may be the same day, month or year, or `later` is not later.
 */
export function timeBetween(earlier: PartialDate, later: PartialDate): string | null {
  const coarsest = [precisionOf(earlier), precisionOf(later)];
  if (coarsest.includes("year")) {
    const years = Number(yearOf(later)) - Number(yearOf(earlier));
    return years > 0 ? plural(years, "year") : null;
  }
  const months = wholeMonths(earlier, later);
  if (coarsest.includes("month") || months >= 2) {
    if (months <= 0) return null;
    return months < 24 ? plural(months, "month") : plural(Math.floor(months / 12), "year");
  }
  const days = Math.round((Date.parse(later) - Date.parse(earlier)) / 86_400_000);
  if (days <= 0) return null;
  return days < 14 ? plural(days, "day") : plural(Math.floor(days / 7), "week");
}
