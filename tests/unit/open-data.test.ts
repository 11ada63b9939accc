import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { buildModel } from "../../src/lib/model/model.ts";
import { columnsOf, dataTables, datasetStampOf, openData, TABLES, tableCsv } from "../../src/lib/open-data/tables.ts";
import { fromCsv, joinList, splitList, toCsv } from "../../src/lib/open-data/csv.ts";
import { jsonSchemaOf, SCHEMAS } from "../../src/lib/open-data/json-schema.ts";
import { dataFiles, tableFields } from "../../src/lib/open-data/package.ts";
import { datasetCitation, formatBytes } from "../../src/lib/open-data/page.ts";
import { STATUS_IDS, STANCE_IDS } from "../../src/schemas/vocabulary.ts";
import { ACTORS, KINDS, REGISTRY, article, proposal } from "./fixtures.ts";

const SITE = new URL("https://tracker.example");

/** An actor whose names hold the list separator, quotes, commas and a newline. */
const GROUP = {
  id: "odd-group",
  name: 'Odd, "quoted"; group',
  type: "coalition" as const,
  aliases: ["one; two", '"starts quoted"', "line\nbreak, comma"],
  members: ["italy"],
};

/** Two sources on one proposal: the second moves it on and changes Italy's stance; one quote, terms in both. */
function corpus() {
  return buildModel({
    actors: [...ACTORS, GROUP],
    kinds: KINDS,
    registry: REGISTRY,
    articles: [
      article("first", "2025-08", [
        proposal({
          status: "floated",
          terms: { guarantors: ["united-states", "italy"], binding: "political" },
          positions: [{ actor: "italy", stance: "undecided" }],
          quotes: [{ text: "We will see; maybe.", speaker: "A Minister" }],
        }),
      ]),
      article("second", "2025-09-02", [
        proposal({
          status: "proposed",
          terms: { binding: "legally-binding" },
          positions: [
            { actor: "italy", stance: "supports" },
            { actor: "france", stance: "conditional", note: "If the US takes part." },
          ],
        }),
        proposal({ id: "reassurance-force", title: "A force", kind: "foreign-forces", proposers: ["france"] }),
      ]),
    ],
  });
}

function ajv() {
  const validator = new Ajv2020({ allErrors: true, strict: false });
  addFormats(validator);
  return validator;
}

describe("lists in one CSV cell", () => {
  it.each([
    [[], ""],
    [["united-states"], "united-states"],
    [["a", "b c"], "a; b c"],
    [["semi; colon", "x"], '"semi; colon"; x'],
    [['"quoted" start', "end"], '"""quoted"" start"; end'],
    [["a;b"], '"a;b"'],
    [['mid "quote" ok'], 'mid "quote" ok'],
  ])("%j ⇄ %j", (items, cell) => {
    expect(joinList(items)).toBe(cell);
    expect(splitList(cell)).toEqual(items);
  });

  it("refuses a cell that is not a joined list", () => {
    expect(() => splitList('"open')).toThrow(/unclosed quote/);
    expect(() => splitList('"a"b')).toThrow(/after a quoted item/);
  });
});

describe("CSV", () => {
  it("writes a header, CRLF, quotes where needed, empty for null, lists joined", () => {
    const csv = toCsv(
      ["id", "n", "ok", "note", "list"],
      [
        { id: "x", n: 2, ok: true, note: null, list: ["a", "b"] },
        { id: "y", n: 0, ok: false, note: 'He said "no", twice\nthen left', list: [] },
      ],
    );
    expect(csv).toBe('id,n,ok,note,list\r\nx,2,true,,a; b\r\ny,0,false,"He said ""no"", twice\nthen left",\r\n');
    expect(parse(csv, { columns: true })).toEqual([
      { id: "x", n: "2", ok: "true", note: "", list: "a; b" },
      { id: "y", n: "0", ok: "false", note: 'He said "no", twice\nthen left', list: "" },
    ]);
  });
});

describe("the data tables", () => {
  const model = corpus();
  const tables = dataTables(model, SITE);

  it("have one row per proposal, mention, position, term per source, quote, article, actor and kind", () => {
    expect(tables.proposals.map((r) => r.id).sort()).toEqual(["article-5-like-guarantee", "reassurance-force"]);
    expect(tables.mentions).toHaveLength(3);
    expect(tables.positions).toHaveLength(3);
    expect(tables.terms.map((t) => `${t.article_slug}:${t.term}`)).toEqual([
      "first:guarantors",
      "first:binding",
      "second:binding",
    ]);
    expect(tables.quotes).toHaveLength(1);
    expect(tables.articles.map((a) => a.slug)).toEqual(["second", "first"]);
    expect(tables.actors).toHaveLength(ACTORS.length + 1);
    expect(tables.kinds).toHaveLength(KINDS.length);
  });

  it("carry the state of play: current status and its source, stances marked current, disputed terms", () => {
    const row = tables.proposals.find((r) => r.id === "article-5-like-guarantee");
    expect(row).toMatchObject({
      status: "proposed",
      status_source: "second",
      sources_differ: false,
      first_reported: "2025-08",
      latest_reported: "2025-09-02",
      mentions: 2,
      binding: "legally-binding",
      guarantors: ["united-states", "italy"],
      disputed_terms: ["binding"],
      url: "https://tracker.example/proposals/article-5-like-guarantee/",
    });
    const italy = tables.positions.filter((p) => p.actor === "italy").map((p) => [p.article_slug, p.current]);
    expect(italy).toEqual([
      ["first", false],
      ["second", true],
    ]);
    expect(tables.terms[0]?.values).toEqual(["united-states", "italy"]);
  });

  it("have the columns of their row schemas, in order", () => {
    for (const t of TABLES) {
      for (const row of tables[t.name]) expect(Object.keys(row)).toEqual(columnsOf(t.name));
    }
  });
});

describe("the version stamp", () => {
  const model = corpus();
  const tables = dataTables(model, SITE);

  it("is the same for the same content and changes with it", () => {
    const a = datasetStampOf(tables, "2025-09-02", SITE);
    expect(datasetStampOf(structuredClone(tables), "2025-09-02", SITE)).toEqual(a);
    const changed = structuredClone(tables);
    (changed.proposals[0] as { title: string }).title = "Another title";
    expect(datasetStampOf(changed, "2025-09-02", SITE).digest).not.toBe(a.digest);
    expect(a.version).toMatch(/^2025\.9\.2\+[0-9a-f]{12}$/);
    expect(a.generated).toBe("2025-09-02T00:00:00.000Z");
  });

  it("takes the build time from SOURCE_DATE_EPOCH when it is set", () => {
    expect(datasetStampOf(tables, "2025", SITE, "1767225600").generated).toBe("2026-01-01T00:00:00.000Z");
    expect(datasetStampOf(tables, "2025", SITE).version).toMatch(/^2025\.1\.1\+/);
  });
});

describe("Table Schemas", () => {
  it("take types and enumerations from the zod schemas and the vocabulary", () => {
    const proposals = tableFields("proposals");
    const status = proposals.find((f) => f.name === "status");
    expect(status).toMatchObject({ type: "string", constraints: { required: true, enum: [...STATUS_IDS] } });
    expect(proposals.find((f) => f.name === "binding")?.constraints).toEqual({
      enum: ["legally-binding", "political", "unspecified"],
    });
    expect(proposals.find((f) => f.name === "mentions")).toMatchObject({ type: "integer" });
    expect(proposals.find((f) => f.name === "sources_differ")).toMatchObject({ type: "boolean" });
    expect(proposals.find((f) => f.name === "url")).toMatchObject({ format: "uri" });
    expect(proposals.find((f) => f.name === "proposers")).toMatchObject({ "x-list-delimiter": "; " });
    expect(tableFields("positions").find((f) => f.name === "stance")?.constraints?.enum).toEqual([...STANCE_IDS]);
    expect(tableFields("articles").find((f) => f.name === "author")?.constraints).toBeUndefined();
  });

  it("describe every column of every table", () => {
    for (const t of TABLES) expect(tableFields(t.name).map((f) => f.name)).toEqual(columnsOf(t.name));
  });
});

describe("the files of /data/", () => {
  const data = openData(corpus(), SITE, "");
  const files = dataFiles(data);

  it("are each table as JSON and CSV, and the data package that lists their sizes and hashes", () => {
    expect([...files.keys()].sort()).toEqual(
      [...TABLES.flatMap((t) => [`${t.name}.json`, `${t.name}.csv`]), "datapackage.json"].sort(),
    );
    const pkg = JSON.parse(files.get("datapackage.json") ?? "{}");
    expect(pkg.profile).toBe("tabular-data-package");
    expect(pkg.version).toBe(data.stamp.version);
    const proposals = pkg.resources.find((r: { name: string }) => r.name === "proposals");
    expect(proposals.bytes).toBe(Buffer.byteLength(files.get("proposals.csv") ?? ""));
    expect(proposals.schema.primaryKey).toEqual(["id"]);
    expect(proposals.schema.foreignKeys).toContainEqual({
      fields: "kind",
      reference: { resource: "kinds", fields: "id" },
    });
  });

  it("validate against their generated JSON Schemas, which can fail", () => {
    const validator = ajv();
    for (const t of TABLES) {
      const entry = SCHEMAS.find((s) => s.group === "data" && s.name === t.name);
      if (!entry) throw new Error(`no schema for ${t.name}`);
      const validate = validator.compile(jsonSchemaOf(entry, SITE));
      const file = JSON.parse(files.get(`${t.name}.json`) ?? "");
      expect(validate(file), `${t.name}: ${validator.errorsText(validate.errors)}`).toBe(true);
      if (file.rows.length > 0) {
        file.rows[0].unexpected = 1;
        expect(validate(file), `${t.name} with an unknown column`).toBe(false);
      }
    }
  });

  it("hold in CSV exactly the rows of the JSON, read back by each column's type", () => {
    for (const t of TABLES) {
      const columns = tableFields(t.name).map((f) => ({ name: f.name, type: f.type, list: "x-list-delimiter" in f }));
      expect(fromCsv(tableCsv(data.tables, t.name), columns), t.name).toEqual(data.tables[t.name]);
    }
  });
});

describe("the content JSON Schemas", () => {
  const schema = (name: string) => {
    const entry = SCHEMAS.find((s) => s.group === "content" && s.name === name);
    if (!entry) throw new Error(`no content schema ${name}`);
    return ajv().compile(jsonSchemaOf(entry, SITE));
  };

  it("accept front matter as an editor writes it (dates as text or a bare year, defaults left out)", () => {
    const validate = schema("article");
    const good = {
      title: "A headline",
      source: { publisher: "Wire", published: 2025 },
      summary: "One sentence.",
      proposals: [{ id: "a-b", title: "T", status: "floated", summary: "S.", suggested_by: "analysts" }],
    };
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...good, source: { publisher: "Wire", published: "2025-08-16" } })).toBe(true);
  });

  it("accept the version 3 forms: EDTF dates and ranges, dated stances, scoped terms, corrections", () => {
    const validate = schema("article");
    const doc = {
      title: "A headline",
      source: { publisher: "Wire", published: "2025-08-18/2025-08-24" },
      summary: "One sentence.",
      proposals: [
        {
          id: "a-b",
          title: "T",
          status: "floated",
          summary: "S.",
          proposers: ["x"],
          date: "2025-08~",
          terms: {
            foreign_troops: { value: "no", of: ["united-states"], note: "US troops only." },
            binding: "political",
          },
          positions: [{ actor: "x", stance: "supports", date: "2025-08-18" }],
        },
      ],
      corrections: [{ date: "2025-08-25", note: "We corrected the guarantor." }],
    };
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    const troops = (value: unknown) => ({
      ...doc,
      proposals: [{ ...doc.proposals[0], terms: { foreign_troops: value } }],
    });
    expect(validate(troops({ value: "maybe", of: ["united-states"] }))).toBe(false);
    expect(validate(troops({ of: ["united-states"] }))).toBe(false);
    expect(validate(troops("maybe"))).toBe(false);
    expect(validate({ ...doc, corrections: [{ date: "2025-08", note: "n" }] })).toBe(false);
    expect(validate({ ...doc, source: { publisher: "W", published: "2025-08-18/" } })).toBe(false);
  });

  it.each([
    ["an unknown key", { proposer: "x" }],
    ["a status outside the vocabulary", { status: "maybe" }],
    ["a reserved id", { id: "compare" }],
    ["a blank summary", { summary: "   " }],
  ])("refuse a proposal with %s", (_what, change) => {
    const validate = schema("article");
    const base = { id: "a-b", title: "T", status: "floated", summary: "S.", proposers: ["x"] };
    const doc = {
      title: "H",
      source: { publisher: "W", published: "2025-08" },
      summary: "S",
      proposals: [{ ...base, ...change }],
    };
    expect(validate(doc)).toBe(false);
  });

  it("refuse a date that is not one and a source URL that is not http(s)", () => {
    const validate = schema("article");
    const doc = (source: object) => ({
      title: "H",
      source: { publisher: "W", ...source },
      summary: "S",
      proposals: [{ id: "a", title: "T", status: "floated", summary: "S", proposers: ["x"] }],
    });
    expect(validate(doc({ published: "16 August 2025" }))).toBe(false);
    expect(validate(doc({ published: "2025-08", url: "javascript:alert(1)" }))).toBe(false);
    expect(validate(doc({ published: "2025-08", url: "https://example.org/a" }))).toBe(true);
  });
});

describe("the /data/ page", () => {
  it.each([
    [0, "0 B"],
    [999, "999 B"],
    [1000, "1.0 kB"],
    [9949, "9.9 kB"],
    [12_400, "12 kB"],
  ])("shows %i bytes as %s", (n, shown) => {
    expect(formatBytes(n)).toBe(shown);
  });

  it("says how to cite a download: the data set, its version, its address, the access date left open", () => {
    const data = openData(corpus(), SITE, "");
    expect(datasetCitation(data)).toBe(
      `Guarantee Tracker: proposals for security guarantees for Ukraine [data set], version ${data.stamp.version}, ` +
        "as of 2 September 2025. https://tracker.example/data/ (accessed [date]). Licence: Creative Commons Attribution 4.0.",
    );
  });
});
