import { readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import type { Model } from "../../src/lib/model/model.ts";
import { readSite, resolvePath, type SiteFiles } from "../support/links.ts";
import { loadModel } from "../support/model.ts";
import { DIST, elements, listFiles, parseHtml, prop, SITE_ORIGIN, textOf } from "../support/site.ts";

/**
 * The feeds and XML of the built site: every Atom feed is well-formed Atom
 * (RFC 4287's required elements, unique ids, RFC 3339 dates) whose links lead
 * to pages of the site; every proposal, actor and kind has its feed, linked
 * from its page in the head and visibly; rss.xml, the sitemaps and robots.txt
 * still say what they should.
 */

const ATOM = "http://www.w3.org/2005/Atom";
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ["entry", "link", "category", "url", "sitemap", "item"].includes(name),
});

type Link = { "@_rel"?: string; "@_href": string; "@_type"?: string };
type Text = string | { "#text": string };
type Entry = { id: string; title: Text; updated: string; published?: string; link: Link[]; summary?: Text };
type AtomFeed = {
  "@_xmlns": string;
  id: string;
  title: Text;
  updated: string;
  author?: { name: string };
  link: Link[];
  entry?: Entry[];
};

let site: SiteFiles;
let model: Model;
const read = (file: string) => readFileSync(path.join(DIST, file), "utf8");
const text = (t: Text | undefined) => (typeof t === "string" ? t : (t?.["#text"] ?? ""));

/** Where an absolute URL of the site leads in dist/, or the problem. */
function target(url: string): string {
  const u = new URL(url);
  if (u.origin !== SITE_ORIGIN) return `not on ${SITE_ORIGIN}: ${url}`;
  return resolvePath(u.pathname, site).file ?? `unresolved: ${url}`;
}

beforeAll(() => {
  site = readSite(DIST);
  model = loadModel("content");
});

describe("every Atom feed", () => {
  const feeds = () => listFiles(DIST).filter((f) => f.startsWith("feeds/") && f.endsWith(".xml"));

  it("exists for the site, every proposal, every actor and every kind", () => {
    const expected = [
      "feeds/changes.xml",
      ...model.proposals.map((p) => `feeds/proposals/${p.id}.xml`),
      ...model.actors.map((a) => `feeds/actors/${a.id}.xml`),
      ...model.kinds.map((k) => `feeds/kinds/${k.id}.xml`),
    ].sort();
    expect(feeds()).toEqual(expected);
  });

  it("is well-formed Atom with its required elements, unique ids, RFC 3339 dates and links that resolve", () => {
    const problems: string[] = [];
    for (const file of feeds()) {
      const xml = read(file);
      const valid = XMLValidator.validate(xml);
      if (valid !== true) {
        problems.push(`${file}: not well-formed: ${JSON.stringify(valid)}`);
        continue;
      }
      const feed = parser.parse(xml).feed as AtomFeed | undefined;
      if (!feed || feed["@_xmlns"] !== ATOM) {
        problems.push(`${file}: no Atom <feed>`);
        continue;
      }
      const self = feed.link.find((l) => l["@_rel"] === "self")?.["@_href"];
      if (feed.id !== `${SITE_ORIGIN}/${file}` || self !== feed.id)
        problems.push(`${file}: id/self ${feed.id} ${self}`);
      if (!text(feed.title)) problems.push(`${file}: no title`);
      if (!RFC3339.test(feed.updated)) problems.push(`${file}: updated ${feed.updated}`);
      if (!feed.author?.name) problems.push(`${file}: no feed author (entries have none)`);
      const page = feed.link.find((l) => l["@_rel"] === "alternate")?.["@_href"] ?? "";
      if (!target(page).endsWith(".html")) problems.push(`${file}: alternate ${target(page)}`);
      const ids = new Set<string>();
      for (const entry of feed.entry ?? []) {
        if (ids.has(entry.id)) problems.push(`${file}: duplicate id ${entry.id}`);
        ids.add(entry.id);
        if (!text(entry.title)) problems.push(`${file}: entry without title ${entry.id}`);
        if (!RFC3339.test(entry.updated)) problems.push(`${file}: entry updated ${entry.updated}`);
        if (entry.updated > feed.updated) problems.push(`${file}: entry newer than the feed`);
        const alternate = entry.link.find((l) => l["@_rel"] === "alternate");
        if (!alternate) problems.push(`${file}: entry without an alternate link ${entry.id}`);
        for (const link of entry.link.filter((l) => l["@_rel"] !== "related")) {
          if (!target(link["@_href"]).endsWith(".html"))
            problems.push(`${file}: ${link["@_rel"]} ${target(link["@_href"])}`);
        }
        // The id is the proposal's permalink and a fragment: stable, and the same in every feed.
        const [base, fragment] = entry.id.split("#");
        if (!fragment || base !== alternate?.["@_href"])
          problems.push(`${file}: id ${entry.id} is not permalink#fragment`);
      }
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("a proposal's feed has an entry for each of its sources, status changes and stance changes, newest first", () => {
    for (const p of model.proposals) {
      const feed = parser.parse(read(`feeds/proposals/${p.id}.xml`)).feed as AtomFeed;
      const entries = feed.entry ?? [];
      const fragments = entries.map((e) => e.id.split("#")[1] ?? "");
      expect(fragments.filter((f) => f.startsWith("mention-")).sort(), p.id).toEqual(
        p.mentions.map((m) => `mention-${m.article.slug}`).sort(),
      );
      const changes = p.mentions.filter((m, i) => i > 0 && m.status !== p.mentions[i - 1]?.status);
      expect(fragments.filter((f) => f.startsWith("status-")).sort(), p.id).toEqual(
        changes.map((m) => `status-${m.article.slug}`).sort(),
      );
      const dates = entries.map((e) => e.updated);
      expect(dates, p.id).toEqual([...dates].sort().reverse());
      expect(feed.updated, p.id).toBe(dates[0]);
    }
  });

  it("the site-wide feed carries a source's entry with the same id as the proposal's own feed", () => {
    const changes = parser.parse(read("feeds/changes.xml")).feed as AtomFeed;
    const latest = model.proposals[0];
    if (!latest) throw new Error("no proposal");
    const own = (parser.parse(read(`feeds/proposals/${latest.id}.xml`)).feed as AtomFeed).entry ?? [];
    const shared = own.filter((e) => (changes.entry ?? []).some((c) => c.id === e.id));
    expect(shared.length).toBeGreaterThan(0);
  });
});

describe("feed links on pages", () => {
  /** The Atom feeds a page names in its head, and the ones it links visibly. */
  function feedLinks(file: string) {
    const tree = parseHtml(read(file));
    const all = elements(tree);
    const head = all
      .filter(
        (el) => el.tagName === "link" && prop(el, "rel") === "alternate" && prop(el, "type") === "application/atom+xml",
      )
      .map((el) => prop(el, "href") ?? "");
    const visible = all
      .filter((el) => el.tagName === "a" && (prop(el, "href") ?? "").startsWith("/feeds/") && textOf(el).trim() !== "")
      .map((el) => prop(el, "href") ?? "");
    return { head, visible };
  }

  it("every page names the site-wide feed in its head and links it visibly", () => {
    for (const file of listFiles(DIST).filter((f) => f.endsWith(".html"))) {
      const { head, visible } = feedLinks(file);
      expect(head, file).toContain("/feeds/changes.xml");
      expect(visible, file).toContain("/feeds/changes.xml");
    }
  });

  it("each proposal, actor and kind page names its own feed in its head and links it visibly", () => {
    const pages = [
      ...model.proposals.map((p) => [`proposals/${p.id}/index.html`, `/feeds/proposals/${p.id}.xml`]),
      ...model.actors.map((a) => [`actors/${a.id}/index.html`, `/feeds/actors/${a.id}.xml`]),
      ...model.kinds.map((k) => [`kinds/${k.id}/index.html`, `/feeds/kinds/${k.id}.xml`]),
    ];
    for (const [page, feed] of pages as [string, string][]) {
      const { head, visible } = feedLinks(page);
      expect(head, page).toContain(feed);
      expect(visible, page).toContain(feed);
      expect(feed.slice(1) in site, feed).toBe(true);
    }
  });
});

describe("the other XML and robots.txt", () => {
  it("rss.xml and the sitemaps are well-formed and list pages of the site", () => {
    const rss = read("rss.xml");
    expect(XMLValidator.validate(rss)).toBe(true);
    const items = parser.parse(rss).rss.channel.item as { link: string }[];
    expect(items.length).toBe(Math.min(50, model.articles.length));
    for (const file of listFiles(DIST).filter((f) => /^sitemap.*\.xml$/.test(f))) {
      expect(XMLValidator.validate(read(file)), file).toBe(true);
    }
    const index = parser.parse(read("sitemap-index.xml")).sitemapindex.sitemap as { loc: string }[];
    for (const s of index) expect(target(s.loc), s.loc).toMatch(/^sitemap-\d+\.xml$/);
  });

  it("robots.txt allows crawling and names the sitemap at the configured address", () => {
    const robots = read("robots.txt");
    expect(robots).toMatch(/^User-agent: \*$/m);
    const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
    expect(sitemap).toBe(`${SITE_ORIGIN}/sitemap-index.xml`);
    expect(target(sitemap ?? "")).toBe("sitemap-index.xml");
  });
});
