import { readFileSync } from "node:fs";
import path from "node:path";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import "@citation-js/plugin-csl";
import type { Element } from "hast";
import { beforeAll, describe, expect, it } from "vitest";
import { earliestDay, formatDate, latestOf, sortKey, startOf } from "../../src/lib/model/dates.ts";
import type { Model } from "../../src/lib/model/model.ts";
import { readSite, resolvePath, type SiteFiles } from "../support/links.ts";
import { loadModel } from "../support/model.ts";
import { DIST, elements, listFiles, parseHtml, prop, SITE_ORIGIN, textOf } from "../support/site.ts";

/**
 * Citations on the built pages: every proposal, article and actor page shows
 * a citation people can paste and links BibTeX, RIS and CSL-JSON that a
 * reference manager's parser (citation-js) reads back to the page's title, URL
 * and date; the head carries citation_* and Dublin Core tags, JSON-LD,
 * og:image and article:modified_time; every page shows its last-updated date.
 */

let site: SiteFiles;
let model: Model;
const read = (file: string) => readFileSync(path.join(DIST, file), "utf8");

/** The parts of a page the citation checks read. */
function pageOf(file: string) {
  const all = elements(parseHtml(read(file)));
  const meta = new Map<string, string>();
  for (const el of all.filter((e) => e.tagName === "meta")) {
    const key = prop(el, "name") ?? prop(el, "property");
    if (key) meta.set(key, prop(el, "content") ?? "");
  }
  const citation = all.find((el) => el.tagName === "section" && prop(el, "className")?.includes("citation"));
  const jsonLd = all
    .filter((el) => el.tagName === "script" && prop(el, "type") === "application/ld+json")
    .map((el) => JSON.parse(textOf(el)) as Record<string, unknown>);
  const footer = all.find((el) => el.tagName === "footer");
  return { all, meta, citation, jsonLd, footer };
}

/** What citation-js reads from a citation file: title, URL and date parts. */
function readBack(text: string) {
  const [item] = new Cite(text).data;
  return { title: item?.title, URL: item?.URL, issued: item?.issued?.["date-parts"][0] };
}

/** The permalink pages that carry a citation: every proposal and article, and every actor some source involves. */
function citedPages(): { file: string; title: string; url: string; asOf: string; scope: string; id: string }[] {
  // The latest by sortKey; of equal keys the surest (no ~ or ?), in any order.
  const latest = (dates: string[]) =>
    [...dates].sort((a, b) => (sortKey(a) < sortKey(b) ? 1 : sortKey(a) > sortKey(b) ? -1 : a < b ? -1 : 1))[0];
  return [
    // "As of" is always a publication date (the latest source's), never the date of an event a source reports.
    ...model.proposals.map((p) => ({
      scope: "proposals",
      id: p.id,
      title: p.title,
      asOf: latest(p.mentions.map((m) => m.article.source.published)) ?? "",
    })),
    ...model.articles.map((a) => ({ scope: "articles", id: a.slug, title: a.title, asOf: a.source.published })),
    ...model.actors.flatMap((a) => {
      const dates = model.articles
        .filter((art) => art.mentions.some((m) => m.parts.has(a.id)))
        .map((art) => art.source.published);
      const asOf = latest(dates);
      return asOf ? [{ scope: "actors", id: a.id, title: a.name, asOf }] : [];
    }),
  ].map((p) => ({ ...p, file: `${p.scope}/${p.id}/index.html`, url: `${SITE_ORIGIN}/${p.scope}/${p.id}/` }));
}

beforeAll(() => {
  site = readSite(DIST);
  model = loadModel("content");
});

describe("the citation on a page", () => {
  it("names the stable title, the site, the permalink, the latest source's publication and leaves the access date", () => {
    const pages = citedPages();
    expect(pages.length).toBe(
      model.proposals.length + model.articles.length + pages.filter((p) => p.scope === "actors").length,
    );
    for (const p of pages) {
      const { citation } = pageOf(p.file);
      if (!citation) throw new Error(`${p.file}: no citation`);
      const text = textOf(citation).replace(/\s+/g, " ");
      expect(text, p.file).toContain(p.title);
      expect(text, p.file).toContain(`Guarantee Tracker, as of ${formatDate(p.asOf)}. ${p.url} (accessed [date]).`);
    }
  });

  it("links BibTeX, RIS and CSL-JSON files that citation-js reads back to the page's title, URL and date", () => {
    for (const p of citedPages()) {
      const { citation, meta } = pageOf(p.file);
      const links = elements(citation as Element)
        .filter((el) => el.tagName === "a")
        .map((el) => prop(el, "href") ?? "");
      expect(links, p.file).toEqual(["bib", "ris", "csl.json"].map((f) => `/cite/${p.scope}/${p.id}.${f}`));
      const expected = {
        title: meta.get("citation_title"),
        URL: meta.get("citation_public_url"),
        issued: (meta.get("citation_date") ?? "").split("/").map(Number),
      };
      expect(expected.URL, p.file).toBe(p.url);
      for (const href of links) {
        const file = resolvePath(href, site).file;
        if (!file) throw new Error(`${href} is not in the site`);
        expect(readBack(read(file)), href).toEqual(expected);
      }
    }
  });

  it("shows the BibTeX it links, selectable, which citation-js imports as a web page published by the site", () => {
    for (const p of citedPages()) {
      const { citation } = pageOf(p.file);
      const pre = elements(citation as Element).find((el) => el.tagName === "pre");
      if (!pre) throw new Error(`${p.file}: no BibTeX shown`);
      const shown = textOf(pre);
      expect(shown, p.file).toBe(read(`cite/${p.scope}/${p.id}.bib`));
      const [item] = new Cite(shown).data;
      expect(item, p.file).toMatchObject({ type: "webpage", publisher: "Guarantee Tracker", URL: p.url });
      expect(item?.author, p.file).toBeUndefined();
    }
  });

  it('has a "Cite" link above its first section that leads to the citation', () => {
    for (const p of citedPages()) {
      const { all, citation } = pageOf(p.file);
      const link = all.findIndex((el) => el.tagName === "a" && prop(el, "href") === "#cite-this-page");
      expect(link, `${p.file}: no Cite link`).toBeGreaterThan(-1);
      expect(textOf(all[link] as Element), p.file).toBe("Cite");
      const firstSection = all.findIndex((el) => el.tagName === "h2");
      expect(link, `${p.file}: the Cite link comes after the first section`).toBeLessThan(firstSection);
      const target = elements(citation as Element).find((el) => prop(el, "id") === "cite-this-page");
      expect(target, p.file).toBeDefined();
    }
  });

  it("every proposal and article page is also cited for reference managers in its head (Highwire, Dublin Core, JSON-LD)", () => {
    for (const p of citedPages()) {
      const { meta, jsonLd } = pageOf(p.file);
      expect(meta.get("citation_title"), p.file).toContain(p.title);
      // The site is the publisher; reference managers would read an author or creator as a person's name.
      expect(meta.has("citation_author"), p.file).toBe(false);
      expect(meta.has("DC.creator"), p.file).toBe(false);
      expect(meta.get("citation_publisher"), p.file).toBe("Guarantee Tracker");
      expect(meta.get("DC.publisher"), p.file).toBe("Guarantee Tracker");
      expect(meta.get("citation_date"), p.file).toBe(startOf(p.asOf).replace(/-/g, "/"));
      expect(meta.get("DC.identifier"), p.file).toBe(p.url);
      expect(jsonLd, p.file).toHaveLength(1);
      expect(jsonLd[0]?.["@context"], p.file).toBe("https://schema.org");
      expect(jsonLd[0]?.url, p.file).toBe(p.url);
    }
  });

  it("JSON-LD describes an article as a NewsArticle based on its source, a proposal as an item with its dates", () => {
    for (const a of model.articles) {
      const [ld] = pageOf(`articles/${a.slug}/index.html`).jsonLd;
      expect(ld).toMatchObject({ "@type": "NewsArticle", headline: a.title, datePublished: a.source.published });
      expect(ld?.isBasedOn).toMatchObject({
        "@type": "NewsArticle",
        publisher: { name: a.source.publisher },
        ...(a.source.url ? { url: a.source.url } : {}),
      });
    }
    for (const p of model.proposals) {
      const [ld] = pageOf(`proposals/${p.id}/index.html`).jsonLd;
      const asOf = citedPages().find((c) => c.scope === "proposals" && c.id === p.id)?.asOf;
      expect(ld?.mainEntity).toMatchObject({ name: p.title, dateCreated: p.first.date, dateModified: asOf });
    }
  });
});

describe("every page's head and footer", () => {
  const PNG_SIGNATURE = "89504e470d0a1a0a";

  it("og:image is a 1200×630 PNG, the site's or the proposal's own card; article pages carry article:modified_time", () => {
    const png = readFileSync(path.join(DIST, "og-image.png"));
    expect(png.subarray(0, 8).toString("hex")).toBe(PNG_SIGNATURE);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    for (const file of listFiles(DIST).filter((f) => f.endsWith(".html"))) {
      const { meta } = pageOf(file);
      // Proposal pages name their own card (tests/site/drawings.test.ts checks it); every other page the site's.
      const own = model.proposalById.has(/^proposals\/([^/]+)\/index\.html$/.exec(file)?.[1] ?? "");
      const card = own ? `${SITE_ORIGIN}/${file.replace(/index\.html$/, "card.png")}` : `${SITE_ORIGIN}/og-image.png`;
      expect(meta.get("og:image"), file).toBe(card);
      if (meta.get("og:type") === "article") {
        expect(meta.get("article:modified_time"), file).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      }
    }
    for (const p of citedPages().filter((c) => c.scope === "proposals")) {
      const modified = pageOf(p.file).meta.get("article:modified_time");
      expect(modified, p.id).toBe(`${earliestDay(p.asOf)}T00:00:00Z`);
    }
  });

  it("every page's footer gives the one site-wide updated date: the latest publication or correction", () => {
    // Never a reported event's date; the changes feed's newest entry is the same day.
    const corpusLatest = latestOf(
      model.articles.flatMap((a) => [a.source.published, ...(a.corrections ?? []).map((c) => c.date)]),
    );
    expect(readFileSync(path.join(DIST, "feeds/changes.xml"), "utf8")).toContain(
      `<updated>${earliestDay(corpusLatest ?? "")}T00:00:00Z</updated>`,
    );
    const updated = (file: string) => {
      const { footer } = pageOf(file);
      const time = elements(footer as Element).find((el) => el.tagName === "time");
      return time ? prop(time, "dateTime") : undefined;
    };
    for (const file of listFiles(DIST).filter((f) => f.endsWith(".html"))) {
      expect(updated(file), file).toBe(startOf(corpusLatest ?? ""));
    }
  });
});
