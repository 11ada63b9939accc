import { readFileSync } from "node:fs";
import path from "node:path";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import "@citation-js/plugin-csl";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { fromCsv } from "../../src/lib/open-data/csv.ts";
import { frictionlessErrors } from "../support/frictionless.ts";
import { listFiles, sharedBuild } from "../support/site.ts";

/**
 * The hostile corpus (tests/fixtures/hostile/: markup in every string,
 * Cyrillic, invisible characters) through every open-data output: feeds stay
 * well-formed XML with the markup as text, JSON-LD cannot close its element,
 * JSON and CSV hold the same rows and validate, citations read back intact.
 */

const FIXTURE = "tests/fixtures/hostile";
const HOSTILE_TITLE = "Hostile <script>alert(4)</script> guarantee & <i>friends</i>";
let out: string;
const read = (file: string) => readFileSync(path.join(out, file), "utf8");

beforeAll(async () => {
  out = await sharedBuild(FIXTURE);
}, 180_000);

describe("a hostile corpus through the open data", () => {
  it("every feed is well-formed and carries the markup as text", () => {
    const feeds = listFiles(out).filter((f) => f.startsWith("feeds/"));
    expect(feeds).toContain("feeds/proposals/hostile-guarantee.xml");
    for (const f of feeds) expect(XMLValidator.validate(read(f)), f).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(read("feeds/proposals/hostile-guarantee.xml")).feed;
    expect(feed.title["#text"]).toBe(`${HOSTILE_TITLE}: updates`);
    expect(read("feeds/actors/mallory.xml")).toContain("Mallory &lt;script&gt;alert(4)&lt;/script&gt; Group");
  });

  it("JSON-LD parses, names the hostile title, and holds no '<' that could close its element", () => {
    const html = read("proposals/hostile-guarantee/index.html");
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
      (m) => m[1] ?? "",
    );
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).not.toContain("<");
    expect(JSON.parse(blocks[0] ?? "").name).toBe(HOSTILE_TITLE);
  });

  it("every table's CSV holds the rows of its JSON, and each JSON output validates against its schema", () => {
    const pkg = JSON.parse(read("data/datapackage.json"));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    for (const r of pkg.resources) {
      const columns = r.schema.fields.map((f: { name: string; type: "string" }) => ({
        name: f.name,
        type: f.type,
        list: "x-list-delimiter" in f,
      }));
      const json = JSON.parse(read(`data/${r["x-json"].path}`));
      expect(fromCsv(read(`data/${r.path}`), columns), r.name).toEqual(json.rows);
      const validate = ajv.compile(JSON.parse(read(new URL(json.$schema).pathname.slice(1))));
      expect(validate(json), `${r.name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
    const proposal = JSON.parse(read("proposals/hostile-guarantee.json"));
    expect(proposal.title).toBe(HOSTILE_TITLE);
    expect(proposal.quotes[0].text).toBe("Hostile quote <script>alert(2)</script> and <b onmouseover=alert(3)>x</b>");
  });

  it("the data package passes the Frictionless validator", () => {
    expect(frictionlessErrors(path.join(out, "data", "datapackage.json"))).toEqual([]);
  });

  it("citation files read back to the hostile title", () => {
    for (const format of ["bib", "ris", "csl.json"]) {
      const [item] = new Cite(read(`cite/proposals/hostile-guarantee.${format}`)).data;
      expect(item?.title, format).toBe(HOSTILE_TITLE);
    }
  });
});
