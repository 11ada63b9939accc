import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromCsv, type ColumnType } from "../../src/lib/open-data/csv.ts";
import { earliestDay, latestDay, precisionOf } from "../../src/lib/model/dates.ts";
import { parseArticleFile, parseYaml } from "../../src/lib/content/parse.ts";
import { frictionlessErrors, rowCounts } from "../support/frictionless.ts";
import { DIST, listFiles, ROOT, SITE_ORIGIN, tempDir } from "../support/site.ts";

/**
 * The open data of the built site (dist/data/, /proposals/<id>.json,
 * /actors/<id>.json, /schemas/): every file parses, nothing of content/ is
 * lost, CSV and JSON hold the same rows, every JSON output validates against
 * its JSON Schema and the content against the content schemas, and the data
 * package passes the official Frictionless profiles and its own Table Schemas
 * and foreign keys (tests/support/frictionless.ts).
 */

const CONTENT = path.join(ROOT, "content");
const DATA = path.join(DIST, "data");
const TABLES = ["proposals", "mentions", "positions", "terms", "quotes", "articles", "actors", "kinds"];
const DOWNLOADS = ["codebook.md", "guarantee-tracker.xlsx", "guarantee-tracker.zip"];

interface Field {
  name: string;
  type: ColumnType["type"];
  "x-list-delimiter"?: string;
}
interface Resource {
  name: string;
  path: string;
  bytes: number;
  hash: string;
  schema: { fields: Field[] };
  "x-json": { path: string; bytes: number; hash: string; schema: string };
}

const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8"));
let pkg: { profile: string; version: string; resources: Resource[] };

/** What content/ holds, read directly from its files with the parsers the build uses. */
function contentCounts() {
  const articles = readdirSync(path.join(CONTENT, "articles")).filter((n) => n.endsWith(".md"));
  const mentions = articles.flatMap((name) => {
    const file = path.join(CONTENT, "articles", name);
    const parsed = parseArticleFile(file, readFileSync(file, "utf8"));
    if (!parsed.ok) throw new Error(`${name}: ${parsed.problem.expected}`);
    return (parsed.data as { proposals: Record<string, unknown>[] }).proposals;
  });
  const list = (name: string) => {
    const parsed = parseYaml(name, readFileSync(path.join(CONTENT, name), "utf8"));
    if (!parsed.ok) throw new Error(`${name}: ${parsed.problem.expected}`);
    return parsed.data as unknown[];
  };
  const sum = (key: string) => mentions.reduce((n, m) => n + ((m[key] as unknown[] | undefined)?.length ?? 0), 0);
  return {
    proposals: list("proposals.yaml").length,
    mentions: mentions.length,
    positions: sum("positions"),
    terms: mentions.reduce((n, m) => n + Object.keys((m.terms as object | undefined) ?? {}).length, 0),
    quotes: sum("quotes"),
    articles: articles.length,
    actors: list("actors.yaml").length,
    kinds: list("kinds.yaml").length,
  };
}

/** The local file of a schema URL published on the site. */
function schemaFile(url: string): string {
  const u = new URL(url);
  expect(u.origin).toBe(SITE_ORIGIN);
  return path.join(DIST, u.pathname);
}

function ajv() {
  const validator = new Ajv2020({ allErrors: true, strict: false });
  addFormats(validator);
  return validator;
}

const sha256 = (file: string) => `sha256:${createHash("sha256").update(readFileSync(file)).digest("hex")}`;

beforeAll(() => {
  pkg = readJson(path.join(DATA, "datapackage.json"));
});

describe("the data files", () => {
  it("are every table as JSON and CSV, the data package, the codebook, the workbook and the archive", () => {
    const files = readdirSync(DATA)
      .filter((f) => f !== "index.html")
      .sort();
    expect(files).toEqual(
      [...TABLES.flatMap((t) => [`${t}.csv`, `${t}.json`]), "datapackage.json", ...DOWNLOADS].sort(),
    );
    expect(pkg.resources.map((r) => r.name)).toEqual(TABLES);
  });

  it("count exactly what content/ holds (nothing lost)", () => {
    const counts = contentCounts();
    for (const table of TABLES) {
      expect(readJson(path.join(DATA, `${table}.json`)).rows, table).toHaveLength(counts[table as keyof typeof counts]);
    }
  });

  it("every CSV holds the same rows as its JSON", () => {
    for (const r of pkg.resources) {
      const columns = r.schema.fields.map((f) => ({ name: f.name, type: f.type, list: "x-list-delimiter" in f }));
      const csv = readFileSync(path.join(DATA, r.path), "utf8");
      expect(csv.split("\r\n")[0], `${r.name} header`).toBe(columns.map((c) => c.name).join(","));
      expect(fromCsv(csv, columns), r.name).toEqual(readJson(path.join(DATA, r["x-json"].path)).rows);
    }
  });

  it("sizes and hashes in datapackage.json are those of the files", () => {
    for (const r of pkg.resources) {
      for (const f of [r, r["x-json"]]) {
        const file = path.join(DATA, f.path);
        expect(readFileSync(file).length, f.path).toBe(f.bytes);
        expect(sha256(file), f.path).toBe(f.hash);
      }
    }
  });
});

describe("every JSON output", () => {
  const jsonOutputs = () =>
    listFiles(DIST).filter(
      (f) =>
        /^(data|schemas)\/.*\.json$/.test(f) || /^(proposals|actors)\/[^/]+\.json$/.test(f) || f.endsWith(".csl.json"),
    );

  it("parses", () => {
    const files = jsonOutputs();
    expect(files.length).toBeGreaterThan(TABLES.length * 2);
    for (const f of files) expect(() => readJson(path.join(DIST, f)), f).not.toThrow();
  });

  it("carries the same version stamp and validates against the JSON Schema it names", () => {
    const validator = ajv();
    const files = jsonOutputs().filter(
      (f) => !f.startsWith("schemas/") && !f.endsWith(".csl.json") && f !== "data/datapackage.json",
    );
    const items = files.filter((f) => /^(proposals|actors)\//.test(f));
    expect(items.length).toBe(contentCounts().proposals + contentCounts().actors);
    const compiled = new Map<string, ReturnType<typeof validator.compile>>();
    for (const f of files) {
      const doc = readJson(path.join(DIST, f));
      expect(doc.dataset?.version, f).toBe(pkg.version);
      let validate = compiled.get(doc.$schema);
      if (!validate) {
        validate = validator.compile(readJson(schemaFile(doc.$schema)));
        compiled.set(doc.$schema, validate);
      }
      expect(validate(doc), `${f}: ${validator.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it("a schema can fail: a table with a status outside the vocabulary does not validate", () => {
    const doc = readJson(path.join(DATA, "proposals.json"));
    const validate = ajv().compile(readJson(schemaFile(doc.$schema)));
    doc.rows[0].status = "maybe";
    expect(validate(doc)).toBe(false);
  });
});

describe("the content", () => {
  const content = (name: string) =>
    ajv().compile(readJson(path.join(DIST, "schemas", "content", `${name}.schema.json`)));

  it("every article's front matter validates against the published article schema", () => {
    const validate = content("article");
    const names = readdirSync(path.join(CONTENT, "articles")).filter((n) => n.endsWith(".md"));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const file = path.join(CONTENT, "articles", name);
      const parsed = parseArticleFile(file, readFileSync(file, "utf8"));
      if (!parsed.ok) throw new Error(name);
      expect(validate(parsed.data), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it.each(["actors", "kinds", "proposals", "places"])("content/%s.yaml validates against its schema", (name) => {
    const validate = content(name);
    const parsed = parseYaml(name, readFileSync(path.join(CONTENT, `${name}.yaml`), "utf8"));
    if (!parsed.ok) throw new Error(name);
    expect(validate(parsed.data), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe("the Frictionless data package", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("is a valid tabular data package whose every table reads with its types, constraints and foreign keys", () => {
    expect(pkg.profile).toBe("tabular-data-package");
    expect(frictionlessErrors(path.join(DATA, "datapackage.json"))).toEqual([]);
  });

  it("the validator catches a value outside an enumeration and a dangling foreign key", () => {
    const dir = tempDir("datapackage");
    dirs.push(dir);
    cpSync(DATA, dir, { recursive: true });
    const csv = path.join(dir, "proposals.csv");
    const [header, first, ...rest] = readFileSync(csv, "utf8").split("\r\n");
    const columns = (header ?? "").split(",");
    const cells = (first ?? "").split(",");
    cells[columns.indexOf("id")] = "no-such-proposal-id";
    writeFileSync(csv, [header, cells.join(","), ...rest].join("\r\n"));
    const mentions = path.join(dir, "mentions.csv");
    writeFileSync(mentions, readFileSync(mentions, "utf8").replace(/,(proposed|floated|negotiating),/, ",maybe,"));
    const errors = frictionlessErrors(path.join(dir, "datapackage.json"));
    expect(
      errors.some((e) => e.startsWith("mentions:") && /maybe|enum/i.test(e)),
      errors.join("\n"),
    ).toBe(true);
    expect(
      errors.some((e) => /foreign key|reference/i.test(e)),
      errors.join("\n"),
    ).toBe(true);
  });
});

describe("the archive of everything", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("unzips to one folder holding every table, the data package, the codebook and the workbook, as served", () => {
    const entries = unzipSync(readFileSync(path.join(DATA, "guarantee-tracker.zip")));
    const served = [...TABLES.flatMap((t) => [`${t}.csv`, `${t}.json`]), "datapackage.json"];
    const names = [...served, "codebook.md", "guarantee-tracker.xlsx"];
    expect(Object.keys(entries).sort()).toEqual(names.map((n) => `guarantee-tracker/${n}`).sort());
    for (const name of names) {
      const entry = entries[`guarantee-tracker/${name}`] ?? new Uint8Array();
      expect(Buffer.from(entry).equals(readFileSync(path.join(DATA, name))), name).toBe(true);
    }
  });

  it("unzipped, is a data package that Frictionless loads and reads every table of", () => {
    const dir = tempDir("archive");
    dirs.push(dir);
    for (const [name, bytes] of Object.entries(unzipSync(readFileSync(path.join(DATA, "guarantee-tracker.zip"))))) {
      const file = path.join(dir, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, bytes);
    }
    const descriptor = path.join(dir, "guarantee-tracker", "datapackage.json");
    expect(frictionlessErrors(descriptor)).toEqual([]);
    // Every resource reads from the unzipped folder, as many rows as its JSON.
    for (const [name, count] of rowCounts(descriptor)) {
      const rows = readJson(path.join(DATA, `${name}.json`)).rows as unknown[];
      expect(count, name).toBe(rows.length);
    }
  });
});

describe("the spreadsheet", () => {
  it("opens in a spreadsheet library with one sheet per table, every row, names in any script intact", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(DATA, "guarantee-tracker.xlsx"));
    const sheets = new Map(workbook.worksheets.map((w) => [w.name, w]));
    expect(workbook.worksheets[0]?.name).toBe("About");
    for (const r of pkg.resources) {
      const rows = readJson(path.join(DATA, r["x-json"].path)).rows as Record<string, unknown>[];
      const sheet = [...sheets.values()].find((w) => w.name.toLowerCase().startsWith(r.name.slice(0, 4)));
      if (!sheet) throw new Error(`no sheet for ${r.name}`);
      expect(sheet.rowCount, r.name).toBe(rows.length + 1);
    }
    const actors = readJson(path.join(DATA, "actors.json")).rows as { name: string; aliases: string[] }[];
    const sheet = sheets.get("Actors");
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    const column = (name: string) => (sheet?.getColumn(header.indexOf(name) + 1).values ?? []).slice(2);
    expect(column("name")).toEqual(actors.map((a) => a.name));
    expect(column("aliases")).toEqual(actors.map((a) => (a.aliases.length > 0 ? a.aliases.join("; ") : undefined)));
    const nonAscii = actors.flatMap((a) => [a.name, ...a.aliases]).filter((n) => /[^ -~]/.test(n));
    expect(
      nonAscii.some((n) => /[\u0400-\u04ff]/.test(n)),
      "Cyrillic names in the corpus",
    ).toBe(true);
  });

  it("keeps every date as the text published, beside its precision and its first and last day as dates", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(DATA, "guarantee-tracker.xlsx"));
    const sheet = workbook.getWorksheet("Articles");
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    const at = (name: string) => header.indexOf(name) + 1;
    const articles = readJson(path.join(DATA, "articles.json")).rows as { published: string }[];
    articles.forEach((a, i) => {
      const row = sheet?.getRow(i + 2);
      const published = row?.getCell(at("published"));
      expect(published?.type, a.published).toBe(ExcelJS.ValueType.String);
      expect(published?.value).toBe(a.published);
      expect(row?.getCell(at("published_precision")).value).toBe(precisionOf(a.published));
      const start = row?.getCell(at("published_start")).value as Date;
      const end = row?.getCell(at("published_end")).value as Date;
      expect(start.toISOString().slice(0, 10), a.published).toBe(earliestDay(a.published));
      expect(end.toISOString().slice(0, 10), a.published).toBe(latestDay(a.published));
      expect(start <= end).toBe(true);
    });
  });
});
