import { LIST_SEPARATOR } from "./csv.ts";
import { GLOSSARY } from "./glossary.ts";
import { tableFields } from "./package.ts";
import { CODE_LICENSE, DATA_LICENSE, TABLES, type OpenData } from "./tables.ts";

/** The archive's folder and file names: one folder, so unzipping leaves one tidy directory. */
export const ARCHIVE_FOLDER = "guarantee-tracker";
export const ARCHIVE_FILE = "guarantee-tracker.zip";
export const XLSX_FILE = "guarantee-tracker.xlsx";
export const CODEBOOK_FILE = "codebook.md";

/** A Markdown table cell: pipes escaped, one line. */
const cell = (s: string) => s.replace(/\s+/g, " ").replace(/\|/g, "\\|");

/**
 * The codebook shipped in the archive (codebook.md): what the data is, how
 * each file is written and why there is a spreadsheet variant, the glossary,
 * and every table's columns with their types and meanings.
 */
export function codebook(data: OpenData): string {
  const { stamp } = data;
  const lines = [
    `# ${stamp.title}`,
    "",
    `Version ${stamp.version}, data as of ${stamp.as_of}. ${stamp.homepage}`,
    "",
    `Data licence: ${DATA_LICENSE.title} (${DATA_LICENSE.id}, ${DATA_LICENSE.url}). Code: ${CODE_LICENSE.title}.`,
    "",
    "## Files",
    "",
    "- `datapackage.json`: the Frictionless data package describing every table (types, allowed values, keys, links).",
    "- `<table>.csv`: UTF-8 without a byte-order mark, comma-separated, CRLF line ends, one header row (RFC 4180).",
    `  A missing value is an empty cell; booleans are \`true\`/\`false\`; a list is one cell, items joined by \`"${LIST_SEPARATOR}"\`.`,
    "- `<table>.json`: the same rows under `rows`, with the version stamp under `dataset`.",
    `- \`${XLSX_FILE}\`: every table as a sheet of one workbook, for spreadsheets.`,
    "",
    "Why an XLSX and not a CSV with a byte-order mark: a BOM makes Excel read the UTF-8 names right, but",
    'Excel still guesses each cell\'s type when it opens a CSV, so "2025-08" becomes a date, "2023" a number',
    "and ids that look like numbers lose their form. In the workbook every cell carries its type: ids, dates",
    "as published and lists are text, counts are numbers, and the first and last days are real dates that",
    "sort and filter. The CSVs stay the standard form for R, Python and databases.",
    "",
    "Every date is written as published, in EDTF (ISO 8601-2): `2025`, `2025-08`, `2025-08-16`, a trailing `~`",
    "(approximate) or `?` (uncertain), or a range `start/end`. In every form (CSV, JSON, workbook) each date",
    "column is followed by `<date>_precision` (year, month or day; a range is as precise as its vaguer end) and",
    "`<date>_start`/`<date>_end`, the first and last day it may mean (a range's start and end).",
    "",
    "Beside each column of actor ids is a column of their names (`proposers` and `proposer_names`, `actor` and",
    "`actor_name`), in the same order.",
    "",
    "## Glossary",
    "",
    ...GLOSSARY.map(
      (g) =>
        `- **${g.term}**${g.columns.length > 0 ? ` (${g.columns.map((c) => `\`${c}\``).join(", ")})` : ""}: ${g.text}`,
    ),
    "",
  ];
  for (const table of TABLES) {
    lines.push(`## ${table.title} (\`${table.name}.csv\`)`, "", `One row per ${table.one.replace(/^an? /, "")}.`, "");
    lines.push("| Column | Type | Meaning |", "| --- | --- | --- |");
    for (const f of tableFields(table.name)) {
      const type = `${f["x-list-delimiter"] ? "list" : f.type}${f.constraints?.required ? "" : ", optional"}`;
      const values = f.constraints?.enum ? ` One of: ${f.constraints.enum.join(", ")}.` : "";
      lines.push(`| \`${f.name}\` | ${type} | ${cell(`${f.description ?? ""}${values}`)} |`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
