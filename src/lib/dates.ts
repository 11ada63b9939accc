import { precisionOf, type PartialDate } from "../schemas/date";

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
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

/** The year of a partial date. */
export function yearOf(date: PartialDate): string {
  return date.slice(0, 4);
}
