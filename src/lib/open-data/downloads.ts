import { fixedZip } from "./archive.ts";
import { ARCHIVE_FILE, ARCHIVE_FOLDER, codebook, CODEBOOK_FILE, XLSX_FILE } from "./codebook.ts";
import { spreadsheetXlsx } from "./spreadsheet.ts";
import type { OpenData } from "./tables.ts";

/** What each download of /data/ is served as. */
export const DOWNLOAD_TYPES: Record<string, string> = {
  [XLSX_FILE]: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  [ARCHIVE_FILE]: "application/zip",
  [CODEBOOK_FILE]: "text/markdown; charset=utf-8",
};

/**
 * The downloads built on the data files (dataFiles): the codebook, the XLSX
 * workbook, and one ZIP of everything (the codebook, the data package, every
 * table as CSV and JSON, and the workbook) in a folder of its own.
 */
export async function dataDownloads(
  data: OpenData,
  files: ReadonlyMap<string, string>,
): Promise<ReadonlyMap<string, Uint8Array>> {
  const book = new TextEncoder().encode(codebook(data));
  const xlsx = await spreadsheetXlsx(data);
  const entries = new Map<string, Uint8Array | string>([[CODEBOOK_FILE, book]]);
  const pkg = files.get("datapackage.json");
  if (pkg !== undefined) entries.set("datapackage.json", pkg);
  for (const [name, text] of files) if (name !== "datapackage.json") entries.set(name, text);
  entries.set(XLSX_FILE, xlsx);
  const archive = fixedZip(
    new Map([...entries].map(([name, body]) => [`${ARCHIVE_FOLDER}/${name}`, body])),
    data.stamp.generated,
  );
  return new Map([
    [CODEBOOK_FILE, book],
    [XLSX_FILE, xlsx],
    [ARCHIVE_FILE, archive],
  ]);
}
