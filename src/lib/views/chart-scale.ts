import { earliestDay, latestDay, type PartialDate } from "../model/dates.ts";

/** A date as the days it may mean: from its first day to the day after its last (days since 1970-01-01). */
export interface DaySpan {
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/**
 * The days a date may mean: `2025-08-16` is one day, `2025-08` the whole
 * month. Every drawing places its marks through this one function, so a date
 * that becomes a range (from … to) only changes here: its mark sits at the
 * start and its span shows how long it is.
 */
export function spanOf(date: PartialDate): DaySpan {
  return { start: dayNumber(earliestDay(date)), end: dayNumber(latestDay(date)) + 1 };
}

/** The `yyyy-mm` month a date starts in (`2025` → `2025-01`). */
export function monthOf(date: PartialDate): string {
  return earliestDay(date).slice(0, 7);
}

/** One labelled tick of a time axis. */
export interface Tick {
  x: number;
  label: string;
  /** The day it marks (days since 1970-01-01). */
  day: number;
}

/** A linear time axis: x is proportional to time, so gaps between reports show as gaps. */
export interface TimeScale {
  /** First and last day drawn (the last exclusive). */
  from: number;
  to: number;
  /** The x of a day. */
  x(day: number): number;
  ticks: Tick[];
}

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A time scale over some spans from x0 to x1, padded to whole months; ticks
 * on each 1 January, or each quarter when the spans cover under two years.
 */
export function timeScale(spans: readonly DaySpan[], x0: number, x1: number): TimeScale {
  const starts = spans.map((s) => s.start);
  const ends = spans.map((s) => s.end);
  const first = new Date((starts.length ? Math.min(...starts) : 0) * DAY_MS);
  const last = new Date((ends.length ? Math.max(...ends) : 1) * DAY_MS - 1);
  const from = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1) / DAY_MS;
  const to = Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1) / DAY_MS;
  const x = (day: number) => Math.round((x0 + ((day - from) / (to - from)) * (x1 - x0)) * 10) / 10;
  const years = (to - from) / 365;
  const step = years < 2 ? 3 : 12;
  const ticks: Tick[] = [];
  for (let y = first.getUTCFullYear(), m = 0; ; m += step) {
    const day = Date.UTC(y, m, 1) / DAY_MS;
    if (day >= to) break;
    if (day < from) continue;
    const date = new Date(day * DAY_MS);
    const month = date.getUTCMonth();
    const label = month === 0 ? String(date.getUTCFullYear()) : (MONTH_NAMES[month] as string);
    ticks.push({ x: x(day), label, day });
  }
  return { from, to, x, ticks };
}
