import { createHash } from "node:crypto";
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { Package } from "datapackage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromCsv, type ColumnType } from "../../src/lib/open-data/csv.ts";
import { parseArticleFile, parseYaml } from "../../src/lib/content/parse.ts";
import { DIST, listFiles, ROOT, SITE_ORIGIN, tempDir } from "../support/site.ts";

/**
 * The open data of the built site (dist/data/, /proposals/<id>.json,
 * /actors/<id>.json, /schemas/): every file parses, nothing of content/ is
 * lost, CSV and JSON hold the same rows, every JSON output validates against
 * its JSON Schema and the content against the content schemas, and the data
 * package passes Frictionless's own JavaScript validator (datapackage).
 */

const CONTENT = path.join(ROOT, "content");
const DATA = path.join(DIST, "data");
const TABLES = ["proposals", "mentions", "positions", "terms", "quotes", "articles", "actors", "kinds"];

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
let pkg: { version: string; resources: Resource[] };

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
  it("are every table as JSON and CSV, and the data package", () => {
    const files = readdirSync(DATA)
      .filter((f) => f !== "index.html")
      .sort();
    expect(files).toEqual([...TABLES.flatMap((t) => [`${t}.csv`, `${t}.json`]), "datapackage.json"].sort());
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

  /** Loads a data package with datapackage-js and reads every resource, cast by its Table Schema, relations checked. */
  async function frictionlessErrors(descriptor: string): Promise<string[]> {
    const dp = await Package.load(descriptor, { strict: false });
    const errors: string[] = dp.errors.map((e: Error) => `descriptor: ${e.message}`);
    for (const resource of dp.resources) {
      try {
        await resource.read({ cast: true, relations: true });
      } catch (error) {
        const e = error as Error & { errors?: Error[] };
        errors.push(`${resource.name}: ${e.message} ${(e.errors ?? []).map((x) => x.message).join("; ")}`);
      }
    }
    return errors;
  }

  it("is a valid tabular data package whose every table reads with its types, constraints and foreign keys", async () => {
    const dp = await Package.load(path.join(DATA, "datapackage.json"), { strict: true });
    expect(dp.valid).toBe(true);
    expect(dp.descriptor.profile).toBe("tabular-data-package");
    expect(await frictionlessErrors(path.join(DATA, "datapackage.json"))).toEqual([]);
  });

  it("the validator catches a value outside an enumeration and a dangling foreign key", async () => {
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
    const errors = await frictionlessErrors(path.join(dir, "datapackage.json"));
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
