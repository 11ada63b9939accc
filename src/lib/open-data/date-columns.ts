import { earliestDay, latestDay, precisionOf, type PartialDate, type Precision } from "../model/dates.ts";

/**
 * The one place a date becomes table columns, in the CSV, the JSON tables and
 * the workbook alike: the EDTF text as published (`2025-08~`,
 * `2025-06-16/2025-06-30`) in `<name>`, the precision of its vaguer end in
 * `<name>_precision`, and the first and last day it may mean (a range's start
 * and end) in `<name>_start` and `<name>_end`.
 */

/** A date's columns: the text as published, how precise it is, the first and last day it may mean. */
export interface DateColumnsValue {
  text: string;
  precision: Precision;
  start: string;
  end: string;
}

/** A date's text, precision, first and last day. */
export function dateParts(date: PartialDate): DateColumnsValue {
  return { text: date, precision: precisionOf(date), start: earliestDay(date), end: latestDay(date) };
}

export type DateColumns<N extends string> = { [K in N]: string } & { [K in `${N}_precision`]: Precision } & {
  [K in `${N}_start` | `${N}_end`]: string;
};

/** A date as its four columns of a table row. */
export function dateColumns<N extends string>(name: N, date: PartialDate): DateColumns<N> {
  const d = dateParts(date);
  return {
    [name]: d.text,
    [`${name}_precision`]: d.precision,
    [`${name}_start`]: d.start,
    [`${name}_end`]: d.end,
  } as DateColumns<N>;
}
