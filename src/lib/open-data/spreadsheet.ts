import writeXlsxFile, { type Cell as XlsxCell, type Sheet } from "write-excel-file/node";
import { refixZip } from "./archive.ts";
import { joinList, type Cell } from "./csv.ts";
import { tableFields, type TableField } from "./package.ts";
import { DATA_LICENSE, TABLES, type OpenData } from "./tables.ts";

/**
 * The spreadsheet variant of the data: one XLSX workbook, one sheet per
 * table. Every cell carries its type, so a spreadsheet guesses nothing: ids,
 * dates as published ("2025-08") and lists are text, counts are numbers, and
 * each date column is followed by its precision and the first and last day
 * it may mean, as real dates that sort and filter.
 */

const text = (value: string): XlsxCell => ({ type: String, value });
const day = (iso: string): XlsxCell => ({ type: Date, value: new Date(`${iso}T00:00:00Z`), format: "yyyy-mm-dd" });

/** One value as a typed spreadsheet cell: a first or last day as a real date, every other date as text. */
function cellOf(value: Cell, field: TableField): XlsxCell {
  if (value === null) return null;
  if (field.type === "date" && typeof value === "string") return day(value);
  if (typeof value === "number") return { type: Number, value };
  if (typeof value === "boolean") return { type: Boolean, value };
  return text(typeof value === "string" ? value : joinList(value));
}

/** A column's width in characters: its longest cell, within bounds a screen can show. */
function widthOf(rows: readonly XlsxCell[][], i: number): number {
  let longest = 8;
  for (const row of rows) {
    const cell = row[i];
    const v = cell && typeof cell === "object" && "value" in cell ? cell.value : cell;
    const length = v instanceof Date ? 10 : v === null || v === undefined ? 0 : String(v).length;
    if (length > longest) longest = length;
  }
  return Math.min(longest + 2, 60);
}

/** The first sheet: what the workbook is, its version and licence, and how to read it. */
function aboutSheet(data: OpenData): Sheet<Buffer> {
  const { stamp } = data;
  const rows: [string, string][] = [
    ["Data set", stamp.title],
    ["Version", stamp.version],
    ["Data as of", stamp.as_of],
    ["Generated", stamp.generated],
    ["Licence", `${DATA_LICENSE.title} (${DATA_LICENSE.url})`],
    ["Codebook", stamp.homepage],
    ["Dates", "As published (2025, 2025-08, 2025-08-16), with _precision, and _start/_end: the first and last day."],
    ["Lists", 'Items joined by "; "; the _names column beside a list of ids gives their names in the same order.'],
  ];
  return {
    sheet: "About",
    data: rows.map(([k, v]) => [{ type: String, value: k, fontWeight: "bold" }, text(v)]),
    columns: [{ width: 14 }, { width: 100 }],
  };
}

/** The workbook's sheets: About, then one per table with a frozen header row. */
export function spreadsheetSheets(data: OpenData): Sheet<Buffer>[] {
  const sheets = TABLES.map((table): Sheet<Buffer> => {
    const fields = tableFields(table.name);
    const rows = (data.tables[table.name] as unknown as Record<string, Cell>[]).map((row) =>
      fields.map((f) => cellOf(row[f.name] ?? null, f)),
    );
    const header = fields.map(({ name }): XlsxCell => ({
      type: String,
      value: name,
      fontWeight: "bold",
    }));
    return {
      sheet: table.title,
      data: [header, ...rows],
      stickyRowsCount: 1,
      columns: header.map((_, i) => ({ width: widthOf([header, ...rows], i) })),
    };
  });
  return [aboutSheet(data), ...sheets];
}

/** The workbook as XLSX bytes, identical between builds of the same data (entries timed at the data's `generated`). */
export async function spreadsheetXlsx(data: OpenData): Promise<Uint8Array> {
  const buffer = await writeXlsxFile(spreadsheetSheets(data)).toBuffer();
  return refixZip(new Uint8Array(buffer), data.stamp.generated);
}
