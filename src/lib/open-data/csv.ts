import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

/**
 * How the data tables are written as CSV: RFC 4180 (comma, double quotes,
 * CRLF, UTF-8 without BOM, a header row); an empty cell is a missing value;
 * booleans are `true`/`false`; a list is one cell, its items joined by `; `;
 * a text cell that a spreadsheet would read as a formula starts with `'`.
 */
export const LIST_SEPARATOR = "; ";

/** A cell value of a data table row, as JSON holds it. */
export type Cell = string | number | boolean | null | readonly string[];

/**
 * Joins a list into one cell. An item that contains `;` or starts with a
 * double quote is itself quoted, CSV-style (`"a; b"; c`), so every list reads
 * back as it was written.
 */
export function joinList(items: readonly string[]): string {
  return items
    .map((item) => (item.includes(";") || item.startsWith('"') ? `"${item.replace(/"/g, '""')}"` : item))
    .join(LIST_SEPARATOR);
}

/** Splits a cell written by joinList back into its items; an empty cell is an empty list. */
export function splitList(cell: string): string[] {
  if (cell === "") return [];
  const items: string[] = [];
  let at = 0;
  for (;;) {
    if (cell[at] === '"') {
      let item = "";
      let from = at + 1;
      for (;;) {
        const quote = cell.indexOf('"', from);
        if (quote === -1) throw new Error(`unclosed quote in list cell ${JSON.stringify(cell)}`);
        item += cell.slice(from, quote);
        if (cell[quote + 1] !== '"') {
          at = quote + 1;
          break;
        }
        item += '"';
        from = quote + 2;
      }
      items.push(item);
    } else {
      const end = cell.indexOf(LIST_SEPARATOR, at);
      const stop = end === -1 ? cell.length : end;
      items.push(cell.slice(at, stop));
      at = stop;
    }
    if (at === cell.length) return items;
    if (!cell.startsWith(LIST_SEPARATOR, at)) {
      throw new Error(`expected "${LIST_SEPARATOR}" after a quoted item in list cell ${JSON.stringify(cell)}`);
    }
    at += LIST_SEPARATOR.length;
  }
}

/**
 * A text cell a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return) is written after an apostrophe, which spreadsheets read as "this is text"; a cell that starts with an
 * apostrophe gets a second one, so fromCell can always take exactly one away. JSON holds the text unchanged.
 */
const FORMULA_START = /^[=+\-@\t\r']/;

/** A text cell as written to CSV: see FORMULA_START. */
export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** One value as a CSV cell. */
export function toCell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "string") return neutralise(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return neutralise(joinList(value));
}

/** Rows as CSV text with a header of `columns`, in that order. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, Cell>[]): string {
  return stringify(
    rows.map((row) => columns.map((c) => toCell(row[c] ?? null))),
    { header: true, columns: [...columns], record_delimiter: "\r\n", quoted_match: /^\s|\s$/ },
  );
}

/** What reading a column back needs: its name, its Table Schema type and whether it holds a list. */
export interface ColumnType {
  name: string;
  /** A date column holds a day (YYYY-MM-DD) as text, in JSON as in CSV. */
  type: "string" | "integer" | "boolean" | "date";
  list?: boolean;
}

/** One CSV cell back as the value JSON holds: the inverse of toCell for a column of that type. */
export function fromCell(cell: string, column: ColumnType): Cell {
  if (column.type === "string" && cell.startsWith("'")) cell = cell.slice(1);
  if (column.list) return splitList(cell);
  if (cell === "") return null;
  if (column.type === "integer") return Number(cell);
  if (column.type === "boolean") return cell === "true";
  return cell;
}

/** CSV text written by toCsv back into rows, each cell read by its column's type. */
export function fromCsv(csv: string, columns: readonly ColumnType[]): Record<string, Cell>[] {
  const records = parse(csv, { columns: true, record_delimiter: "\r\n" }) as Record<string, string>[];
  return records.map((record) => Object.fromEntries(columns.map((c) => [c.name, fromCell(record[c.name] ?? "", c)])));
}
