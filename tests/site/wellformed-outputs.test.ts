import { readFileSync } from "node:fs";
import path from "node:path";
import { SaxesParser } from "saxes";
import { beforeAll, describe, expect, it } from "vitest";
import { listFiles, sharedBuild } from "../support/site.ts";

/**
 * The machine-read outputs of a build of the hostile fixture (markup, `]]>`, `&bogus;`, zero-width, bidi and
 * line-separator characters in its text): every XML file (the RSS feed, the other feeds, the sitemap) is
 * well-formed XML 1.0 with namespaces, as a strict parser (saxes) reads it, and every JSON file parses.
 */

const FIXTURE = "tests/fixtures/hostile";

/** One XML element as parsed: its name, attributes, child elements and text. */
interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses `xml` strictly; the errors are every well-formedness error saxes reports, with line and column. */
function parseXml(xml: string): { root: XmlElement | null; errors: string[] } {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const errors: string[] = [];
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on("error", (error) => errors.push(error.message));
  parser.on("opentag", (tag) => {
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value]));
    const element: XmlElement = { name: tag.name, attributes, children: [], text: "" };
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on("closetag", () => stack.pop());
  const addText = (text: string) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.write(xml).close();
  return { root, errors };
}

function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

let out: string;
let files: string[];

beforeAll(async () => {
  out = await sharedBuild(FIXTURE);
  files = listFiles(out);
}, 180_000);

const read = (file: string) => readFileSync(path.join(out, file), "utf8");

describe("the machine-read outputs of the hostile build", () => {
  it("include the RSS feed, the sitemap and JSON", () => {
    expect(files).toContain("rss.xml");
    expect(files).toContain("sitemap-index.xml");
    expect(files.some((f) => /^sitemap-\d+\.xml$/.test(f))).toBe(true);
    expect(files).toContain("pagefind/pagefind-entry.json");
  });

  it("every XML file is well-formed", () => {
    const xml = files.filter((f) => f.endsWith(".xml") || f.endsWith(".svg"));
    const broken = xml.flatMap((f) => parseXml(read(f)).errors.map((e) => `${f}: ${e}`));
    expect(broken).toEqual([]);
  });

  it("every JSON file parses", () => {
    const json = files.filter((f) => f.endsWith(".json"));
    const broken = json.flatMap((f) => {
      try {
        JSON.parse(read(f));
        return [];
      } catch (error) {
        return [`${f}: ${(error as Error).message}`];
      }
    });
    expect(broken).toEqual([]);
  });

  it("the RSS feed is RSS 2.0 and carries each hostile title as the exact text it is", () => {
    const { root } = parseXml(read("rss.xml"));
    expect(root?.name).toBe("rss");
    expect(root?.attributes.version).toBe("2.0");
    const items = child(root ?? undefined, "channel")?.children.filter((c) => c.name === "item") ?? [];
    const titles = items.map((item) => child(item, "title")?.text);
    expect(titles).toContain("Invisible\u200Bcharacters ]]> &amp; &bogus; \"quoted\" 'single' \u202Eevil\u202C");
    expect(titles).toContain("Hostile title <script>alert(2)</script> and <b onmouseover=alert(3)>x</b>");
    for (const item of items) expect(child(item, "link")?.text).toMatch(/^https?:\/\//);
  });

  it("the sitemap lists pages of the site", () => {
    const index = parseXml(read("sitemap-index.xml")).root;
    expect(index?.name).toBe("sitemapindex");
    const sitemap = parseXml(read("sitemap-0.xml")).root;
    expect(sitemap?.name).toBe("urlset");
    const urls = sitemap?.children.map((url) => child(url, "loc")?.text) ?? [];
    expect(urls.some((u) => u?.endsWith("/articles/invisible-characters/"))).toBe(true);
  });
});
