import ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildModel } from "../../src/lib/model/model.ts";
import { fixedZip, refixZip } from "../../src/lib/open-data/archive.ts";
import { ARCHIVE_FILE, ARCHIVE_FOLDER, codebook, CODEBOOK_FILE, XLSX_FILE } from "../../src/lib/open-data/codebook.ts";
import { dataDownloads } from "../../src/lib/open-data/downloads.ts";
import { dataFiles, tableFields } from "../../src/lib/open-data/package.ts";
import { dateParts } from "../../src/lib/open-data/date-columns.ts";
import { spreadsheetXlsx } from "../../src/lib/open-data/spreadsheet.ts";
import { openData, TABLES } from "../../src/lib/open-data/tables.ts";
import { ACTORS, KINDS, REGISTRY, article, proposal } from "./fixtures.ts";

/**
 * The downloads built on the data files: the XLSX workbook (read back with
 * exceljs, another library than the one that writes it), the ZIP of
 * everything, the codebook, and the name columns beside id columns.
 */

const SITE = new URL("https://tracker.example");

const KYIV = { id: "ukraine", name: "Україна", type: "state" as const, aliases: ["Ukraine", "Украина"] };
const SIKORSKI = { id: "radoslaw-sikorski", name: "Radosław Sikorski", type: "person" as const, represents: "ukraine" };

function data() {
  const model = buildModel({
    actors: [...ACTORS, KYIV, SIKORSKI],
    kinds: KINDS,
    registry: REGISTRY,
    articles: [
      article("first", "2025-08", [
        proposal({
          status: "floated",
          proposers: ["ukraine", "united-states"],
          terms: { guarantors: ["radoslaw-sikorski", "italy"] },
          positions: [{ actor: "ukraine", stance: "supports", speaker: "radoslaw-sikorski" }],
        }),
      ]),
      article("second", "2025", [proposal({ status: "proposed", proposers: ["united-states"] })]),
    ],
  });
  return openData(model, SITE, "");
}

afterEach(() => {
  vi.useRealTimers();
});

describe("names beside ids", () => {
  const { tables } = data();

  it("every list of actor ids has the actors' names beside it, in the same order", () => {
    const names: Record<string, string> = { ukraine: "Україна", "united-states": "United States" };
    const p = tables.proposals[0];
    expect([...(p?.proposers ?? [])].sort()).toEqual(["ukraine", "united-states"]);
    expect(p?.proposer_names).toEqual(p?.proposers.map((id) => names[id]));
    expect(p?.guarantor_names).toEqual(["Radosław Sikorski", "Italy"]);
    expect(tables.mentions.map((m) => [m.date, m.proposer_names])).toEqual([
      ["2025", ["United States"]],
      ["2025-08", ["Україна", "United States"]],
    ]);
    expect(tables.positions[0]).toMatchObject({ actor_name: "Україна", speaker_name: "Radosław Sikorski" });
    const sikorski = tables.actors.find((a) => a.id === "radoslaw-sikorski");
    expect(sikorski).toMatchObject({ represents: "ukraine", represents_name: "Україна" });
  });
});

describe("dates for spreadsheets", () => {
  it.each([
    ["2025-08-16", "day", "2025-08-16", "2025-08-16"],
    ["2024-02", "month", "2024-02-01", "2024-02-29"],
    ["2023", "year", "2023-01-01", "2023-12-31"],
    ["2025-08~", "month", "2025-08-01", "2025-08-31"],
    ["2025-06-16/2025-06-30", "day", "2025-06-16", "2025-06-30"],
    ["2025-11/2026-01-07", "month", "2025-11-01", "2026-01-07"],
  ])("%s is text with precision %s, from %s to %s", (date, precision, start, end) => {
    expect(dateParts(date)).toEqual({ text: date, precision, start, end });
  });

  it("every date column is followed by its precision, start and end", () => {
    const columns = tableFields("mentions").map((f) => f.name);
    expect(columns.slice(2, 7)).toEqual(["date", "date_precision", "date_start", "date_end", "date_is_published"]);
    expect(columns).toContain("published_end");
  });
});

/** The workbook read back by exceljs: each sheet's rows as arrays of cell values, and the cells' types. */
async function readWorkbook(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

describe("the XLSX workbook", () => {
  it("has an About sheet and one sheet per table whose header and cells exceljs reads back, names intact", async () => {
    const d = data();
    const workbook = await readWorkbook(await spreadsheetXlsx(d));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["About", ...TABLES.map((t) => t.title)]);
    const sheet = workbook.getWorksheet("Mentions");
    if (!sheet) throw new Error("no Mentions sheet");
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(tableFields("mentions").map((f) => f.name));
    expect(sheet.rowCount).toBe(1 + d.tables.mentions.length);
    const at = (name: string) => header.indexOf(name) + 1;
    // Mentions come oldest first: the year 2025 sorts before August 2025.
    const second = sheet.getRow(2);
    // A year stays the text "2025" (no number), with its precision and its first and last day as dates.
    expect(second.getCell(at("date")).value).toBe("2025");
    expect(second.getCell(at("date")).type).toBe(ExcelJS.ValueType.String);
    expect(second.getCell(at("date_precision")).value).toBe("year");
    expect(second.getCell(at("date_start")).value).toEqual(new Date("2025-01-01T00:00:00Z"));
    expect(second.getCell(at("date_end")).value).toEqual(new Date("2025-12-31T00:00:00Z"));
    expect(second.getCell(at("date_is_published")).value).toBe(true);
    const first = sheet.getRow(3);
    expect(first.getCell(at("date")).value).toBe("2025-08");
    expect(first.getCell(at("proposers")).value).toBe("ukraine; united-states");
    expect(first.getCell(at("proposer_names")).value).toBe("Україна; United States");
    const actors = workbook.getWorksheet("Actors");
    const names = actors?.getColumn(2).values.slice(2);
    expect(names).toEqual(d.tables.actors.map((a) => a.name));
    expect(names).toContain("Radosław Sikorski");
  });

  it("is the same bytes whenever it is written (its entries carry the data's time, not the clock's)", async () => {
    const d = data();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2030-01-01T10:00:00Z"));
    const a = await spreadsheetXlsx(d);
    vi.setSystemTime(new Date("2031-06-15T17:42:13Z"));
    const b = await spreadsheetXlsx(d);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe("ZIP archives", () => {
  const files = new Map([
    ["b.txt", "Київ"],
    ["a.txt", "two"],
  ]);

  it("keep the entries in order and read back with their bytes", () => {
    const zip = fixedZip(files, "2025-09-02T00:00:00.000Z");
    const entries = unzipSync(zip);
    expect(Object.keys(entries)).toEqual(["b.txt", "a.txt"]);
    expect(new TextDecoder().decode(entries["b.txt"])).toBe("Київ");
  });

  it("are the same bytes at any time and in any time zone; a later data time gives other bytes", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2030-01-01T10:00:00Z"));
    const a = fixedZip(files, "2025-09-02T00:00:00.000Z");
    vi.setSystemTime(new Date("2031-01-01T10:00:00Z"));
    expect(fixedZip(files, "2025-09-02T00:00:00.000Z")).toEqual(a);
    expect(fixedZip(files, "2025-09-03T00:00:00.000Z")).not.toEqual(a);
    // A ZIP written with the clock's time comes out the same once refixed.
    const encoded = { "b.txt": new TextEncoder().encode("Київ"), "a.txt": new TextEncoder().encode("two") };
    const clocked = zipSync(encoded, { level: 9 });
    vi.setSystemTime(new Date("2032-01-01T10:00:00Z"));
    expect(zipSync(encoded, { level: 9 })).not.toEqual(clocked);
    expect(refixZip(clocked, "2025-09-02T00:00:00.000Z")).toEqual(a);
  });

  it("a stamp before 1980, the ZIP clock's start, is written as its first day", () => {
    const entries = unzipSync(fixedZip(files, "1970-01-01T00:00:00.000Z"));
    expect(Object.keys(entries)).toHaveLength(2);
  });
});

describe("the downloads of /data/", () => {
  it("are the codebook, the workbook, and one archive holding both, the data package and every table", async () => {
    const d = data();
    const files = dataFiles(d);
    const downloads = await dataDownloads(d, files);
    expect([...downloads.keys()]).toEqual([CODEBOOK_FILE, XLSX_FILE, ARCHIVE_FILE]);
    const archive = unzipSync(downloads.get(ARCHIVE_FILE) ?? new Uint8Array());
    const names = [CODEBOOK_FILE, "datapackage.json", ...TABLES.flatMap((t) => [`${t.name}.json`, `${t.name}.csv`])];
    expect(Object.keys(archive).sort()).toEqual([...names, XLSX_FILE].map((n) => `${ARCHIVE_FOLDER}/${n}`).sort());
    for (const [name, text] of files) {
      expect(new TextDecoder().decode(archive[`${ARCHIVE_FOLDER}/${name}`]), name).toBe(text);
    }
    expect(archive[`${ARCHIVE_FOLDER}/${XLSX_FILE}`]).toEqual(downloads.get(XLSX_FILE));
  });

  it("the codebook gives every column of every table, the glossary and why the spreadsheet is an XLSX", () => {
    const text = codebook(data());
    for (const t of TABLES) {
      expect(text).toContain(`## ${t.title} (\`${t.name}.csv\`)`);
      for (const f of tableFields(t.name)) expect(text, `${t.name}.${f.name}`).toContain(`| \`${f.name}\` |`);
    }
    expect(text).toContain("**Sources differ** (`sources_differ`)");
    expect(text).toContain("rejected is more advanced than proposed");
    expect(text).toMatch(/Why an XLSX and not a CSV with a byte-order mark/);
  });
});
