import { formatDate } from "../model/dates.ts";
import { DATA_LICENSE, TABLES, type OpenData, type TableName } from "./tables.ts";
import { SCHEMAS } from "./json-schema.ts";
import { tableFields, type TableField } from "./package.ts";
import { urls } from "../views/urls.ts";
import { ARCHIVE_FILE, CODEBOOK_FILE, XLSX_FILE } from "./codebook.ts";
import { GLOSSARY } from "./glossary.ts";

/** One downloadable table as the /data/ page lists it. */
export interface DataPageTable {
  name: TableName;
  title: string;
  /** What one row is. */
  one: string;
  rows: number;
  files: { format: "JSON" | "CSV"; href: string; bytes: number }[];
  fields: TableField[];
}

/** One of the whole-data downloads: the archive, the workbook, the codebook. */
export interface DataDownload {
  href: string;
  file: string;
  bytes: number;
}

/** Everything the /data/ page shows, from the data of this build, its files (dataFiles) and downloads (dataDownloads). */
export function dataPage(
  data: OpenData,
  files: ReadonlyMap<string, string>,
  downloads: ReadonlyMap<string, Uint8Array>,
) {
  const download = (file: string): DataDownload => ({
    href: urls.dataFile(file),
    file,
    bytes: downloads.get(file)?.length ?? 0,
  });
  const size = (file: string) => Buffer.byteLength(files.get(file) ?? "", "utf8");
  const tables: DataPageTable[] = TABLES.map((t) => ({
    name: t.name,
    title: t.title,
    one: t.one,
    rows: data.tables[t.name].length,
    files: [
      { format: "JSON", href: urls.dataFile(`${t.name}.json`), bytes: size(`${t.name}.json`) },
      { format: "CSV", href: urls.dataFile(`${t.name}.csv`), bytes: size(`${t.name}.csv`) },
    ],
    fields: tableFields(t.name),
  }));
  const schemas = SCHEMAS.map((s) => ({
    group: s.group,
    title: s.title,
    describes: s.describes,
    href: urls.schema(s.group, s.name),
  }));
  return {
    stamp: data.stamp,
    tables,
    schemas,
    packageHref: urls.dataFile("datapackage.json"),
    archive: download(ARCHIVE_FILE),
    workbook: download(XLSX_FILE),
    codebook: download(CODEBOOK_FILE),
    glossary: GLOSSARY,
    citation: datasetCitation(data),
  };
}

/** How to cite a download: the data set, its version and where it is, the access date left for the reader. */
export function datasetCitation(data: OpenData): string {
  const { stamp } = data;
  return (
    `${stamp.title} [data set], version ${stamp.version}, as of ${formatDate(stamp.as_of)}. ` +
    `${stamp.homepage} (accessed [date]). Licence: ${DATA_LICENSE.title}.`
  );
}

/** A byte count for people: 1.2 kB, 34 kB. */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const kb = n / 1000;
  return kb < 10 ? `${kb.toFixed(1)} kB` : `${Math.round(kb)} kB`;
}
