import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import "@citation-js/plugin-csl";
import { describe, expect, it } from "vitest";
import {
  actorCitable,
  articleCitable,
  bibtexEscape,
  citationBibtex,
  citationCsl,
  citationMeta,
  citationRis,
  citationText,
  proposalCitable,
  type Citable,
} from "../../src/lib/open-data/citation.ts";
import { actorHead, articleHead, jsonLdText, proposalHead } from "../../src/lib/open-data/citation-head.ts";
import { buildModel } from "../../src/lib/model/model.ts";
import { involving } from "../../src/lib/views/page-views.ts";
import { SOURCES_ON_PROPOSAL } from "../../src/lib/views/page-sizes.ts";
import { ACTORS, KINDS, REGISTRY, article, proposal } from "./fixtures.ts";

const SITE = new URL("https://tracker.example");

const model = buildModel({
  actors: ACTORS,
  kinds: KINDS,
  registry: REGISTRY,
  articles: [
    article("first", "2025-08", [proposal({ status: "floated" })]),
    article("second", "2025-12-20", [
      proposal({ date: "2025-12-14", positions: [{ actor: "italy", stance: "supports" }] }),
    ]),
  ],
});

const HOSTILE: Citable = {
  scope: "proposals",
  id: "hostile",
  title: 'Braces {x}, 100% & $5 #1 a_b ~ ^ \\ "q" — Київ </script>\nnext line',
  path: "/proposals/hostile/",
  asOf: "2025-12-14",
};

/** What a reference manager reads back from a citation file: title, URL and date parts. */
function readBack(text: string) {
  const [item] = new Cite(text).data as { title: string; URL: string; issued: { "date-parts": number[][] } }[];
  if (!item) throw new Error("citation-js read nothing");
  return { title: item.title, URL: item.URL, issued: item.issued["date-parts"][0] };
}

describe("what a citation names", () => {
  it("a proposal: the registry title, its permalink, as of its latest source's publication (never an event date)", () => {
    const p = model.proposalById.get("article-5-like-guarantee");
    if (!p) throw new Error("no proposal");
    const c = proposalCitable(p);
    // The source published on the 20th reports the 14th: the page is as of the 20th.
    expect(c).toMatchObject({
      title: "Article 5-like guarantee",
      path: "/proposals/article-5-like-guarantee/",
      asOf: "2025-12-20",
    });
    expect(citationText(c, SITE)).toBe(
      "“Article 5-like guarantee.” Guarantee Tracker, as of 20 December 2025. " +
        "https://tracker.example/proposals/article-5-like-guarantee/ (accessed [date]).",
    );
  });

  it("an article: our headline, as of its publication", () => {
    const a = model.articleBySlug.get("second");
    if (!a) throw new Error("no article");
    expect(articleCitable(a)).toMatchObject({ title: "Title of second", asOf: "2025-12-20", since: "2025-12-20" });
  });

  it("an actor: as of the latest publication of a source involving it, none when nothing does", () => {
    const italy = model.actorById.get("italy");
    const russia = model.actorById.get("russia");
    if (!italy || !russia) throw new Error("no actor");
    expect(actorCitable(italy, involving(model, "italy").sources)?.asOf).toBe("2025-12-20");
    expect(actorCitable(russia, involving(model, "russia").sources)).toBeUndefined();
  });
});

describe("citation files read back by citation-js", () => {
  it.each([
    ["BibTeX", citationBibtex],
    ["RIS", citationRis],
    ["CSL-JSON", (c: Citable, site: URL) => JSON.stringify(citationCsl(c, site))],
  ])("%s keeps the title, URL and date, hostile characters included", (_format, write) => {
    expect(readBack(write(HOSTILE, SITE))).toEqual({
      title: 'Braces {x}, 100% & $5 #1 a_b ~ ^ \\ "q" — Київ </script> next line',
      URL: "https://tracker.example/proposals/hostile/",
      issued: [2025, 12, 14],
    });
  });

  it.each([
    ["2025-08", [2025, 8]],
    ["2025", [2025]],
  ])("a date known to the %s keeps that precision", (asOf, parts) => {
    const c = { ...HOSTILE, asOf };
    expect(readBack(citationBibtex(c, SITE)).issued).toEqual(parts);
    expect(readBack(citationRis(c, SITE)).issued).toEqual(parts);
    expect(readBack(JSON.stringify(citationCsl(c, SITE))).issued).toEqual(parts);
  });

  it.each([
    [
      "2025-08-18/2025-08-24",
      {
        "date-parts": [
          [2025, 8, 18],
          [2025, 8, 24],
        ],
      },
    ],
    ["2025-08~", { "date-parts": [[2025, 8]], circa: true }],
    [
      "2025-11/2026-01-07?",
      {
        "date-parts": [
          [2025, 11],
          [2026, 1, 7],
        ],
        circa: true,
      },
    ],
    ["2025-12-20", { "date-parts": [[2025, 12, 20]] }],
  ])("CSL-JSON gives %s as its start and end, circa when approximate or uncertain", (asOf, issued) => {
    const [item] = citationCsl({ ...HOSTILE, asOf }, SITE);
    expect(item?.["issued"]).toEqual(issued);
    // citation-js reads the range back with both ends.
    const [read] = new Cite(JSON.stringify([item])).data as { issued: { "date-parts": number[][] } }[];
    expect(read?.issued["date-parts"]).toEqual(issued["date-parts"]);
  });

  it.each([
    ["BibTeX", citationBibtex],
    ["RIS", citationRis],
    ["CSL-JSON", (c: Citable, site: URL) => JSON.stringify(citationCsl(c, site))],
  ])("%s is imported as a web page whose publisher is the site, with no author", (_format, write) => {
    const [item] = new Cite(write(HOSTILE, SITE)).data;
    expect(item?.type).toBe("webpage");
    expect(item?.publisher).toBe("Guarantee Tracker");
    expect(item?.author).toBeUndefined();
  });

  it("the files give an access date only when the build has one: urldate, Y2, accessed", () => {
    const accessed = (text: string) =>
      (new Cite(text).data[0]?.accessed as { "date-parts": number[][] } | undefined)?.["date-parts"][0];
    expect(accessed(citationBibtex(HOSTILE, SITE, "2026-01-02"))).toEqual([2026, 1, 2]);
    expect(citationBibtex(HOSTILE, SITE, "2026-01-02")).toContain("  urldate = {2026-01-02},\n");
    expect(accessed(JSON.stringify(citationCsl(HOSTILE, SITE, "2026-01-02")))).toEqual([2026, 1, 2]);
    // Zotero and EndNote read a web page's access date from Y2 (citation-js from M1): the issued date stays DA's.
    const ris = citationRis(HOSTILE, SITE, "2026-01-02");
    expect(ris).toContain("\r\nY2  - 2026/01/02/\r\n");
    expect(readBack(ris).issued).toEqual([2025, 12, 14]);
    expect(accessed(citationBibtex(HOSTILE, SITE))).toBeUndefined();
    expect(citationRis(HOSTILE, SITE)).not.toContain("Y2  -");
    expect(accessed(JSON.stringify(citationCsl(HOSTILE, SITE)))).toBeUndefined();
  });

  it.each([
    ["2024-06-16/2024-06-30~", [2024, 6, 16], "2024/06/16/c. 16–30 June 2024"],
    ["2025-08~", [2025, 8], "2025/08//c. August 2025"],
  ])("a date of contract v3 (%s) is cited by its start, kept whole where the format can", (asOf, start, da) => {
    const c = { ...HOSTILE, asOf };
    expect(citationBibtex(c, SITE)).toContain(`  date = {${asOf}},`);
    expect(readBack(citationBibtex(c, SITE)).issued).toEqual(start);
    expect(citationRis(c, SITE)).toContain(`\r\nDA  - ${da}\r\n`);
    expect(readBack(citationRis(c, SITE)).issued).toEqual(start);
    expect(readBack(JSON.stringify(citationCsl(c, SITE))).issued).toEqual(start);
    const meta = Object.fromEntries(citationMeta(c, SITE).map((m) => [m.name, m.content]));
    expect(meta.citation_date).toBe(start.map((n) => String(n).padStart(2, "0")).join("/"));
  });

  it("BibTeX is a biblatex @online entry, keys stable per page; RIS lines end in CRLF", () => {
    expect(citationBibtex(HOSTILE, SITE)).toMatch(/^@online\{gt-proposal-hostile,\n/);
    expect(citationRis(HOSTILE, SITE).split("\r\n")[0]).toBe("TY  - ELEC");
    expect(citationRis(HOSTILE, SITE).endsWith("ER  - \r\n")).toBe(true);
  });
});

describe("bibtexEscape", () => {
  it.each([
    ["plain", "plain"],
    ["50% & more", "50\\% \\& more"],
    ["{braces}", "\\{braces\\}"],
    ["a_b#c$d", "a\\_b\\#c\\$d"],
    ["~^\\", "\\textasciitilde{}\\textasciicircum{}\\textbackslash{}"],
    ["Київ\n  Kyiv", "Київ Kyiv"],
    // TeX ligatures kept as written: no en or em dash, curly quotes or inverted marks of TeX's making.
    ["2024--2025 and a---b", "2024-{}-2025 and a-{}-{}-b"],
    ["``quoted''", "`{}`quoted'{}'"],
    ["Why?` Wow!`", "Why?{}` Wow!{}`"],
  ])("%j → %j", (input, output) => {
    expect(bibtexEscape(input)).toBe(output);
  });
});

describe("the page head", () => {
  it("carries Highwire and Dublin Core tags with the title, date and permalink", () => {
    const meta = Object.fromEntries(citationMeta(HOSTILE, SITE).map((m) => [m.name, m.content]));
    expect(meta).toMatchObject({
      citation_title: 'Braces {x}, 100% & $5 #1 a_b ~ ^ \\ "q" — Київ </script> next line',
      citation_publisher: "Guarantee Tracker",
      "DC.publisher": "Guarantee Tracker",
      citation_date: "2025/12/14",
      citation_public_url: "https://tracker.example/proposals/hostile/",
      "DC.date": "2025-12-14",
      "DC.identifier": "https://tracker.example/proposals/hostile/",
    });
    // Reference managers take an author or creator for a person: the site is named only as publisher.
    expect(meta).not.toHaveProperty("citation_author");
    expect(meta).not.toHaveProperty("DC.creator");
  });

  it("gives a proposal page its dates, feed and schema.org item", () => {
    const p = model.proposalById.get("article-5-like-guarantee");
    if (!p) throw new Error("no proposal");
    const head = proposalHead(p, model, SITE);
    expect(head.updated).toBe("2025-12-20");
    expect((head.jsonLd?.["mainEntity"] as { citation: unknown[] }).citation).toHaveLength(2);
    expect(head.feed?.href).toBe("/feeds/proposals/article-5-like-guarantee.xml");
    expect(head.jsonLd).toMatchObject({
      "@type": "WebPage",
      mainEntity: {
        "@type": "CreativeWork",
        name: "Article 5-like guarantee",
        dateCreated: "2025-08",
        dateModified: "2025-12-20",
      },
    });
  });

  it("gives an article page a NewsArticle based on its source, and an actor page its entity", () => {
    const a = model.articleBySlug.get("second");
    const italy = model.actorById.get("italy");
    if (!a || !italy) throw new Error("fixture");
    expect(articleHead(a, SITE).jsonLd).toMatchObject({
      "@type": "NewsArticle",
      headline: "Title of second",
      isBasedOn: { "@type": "NewsArticle", publisher: { name: "Wire" }, datePublished: "2025-12-20" },
    });
    expect(actorHead(italy, involving(model, "italy").sources, model, SITE).jsonLd).toMatchObject({
      mainEntity: { "@type": "Country", name: "Italy" },
    });
  });

  it("writes JSON-LD that no text can break out of, and that reads back the same", () => {
    const data = { name: "</script><script>alert(1)</script> & \u2028" };
    const text = jsonLdText(data);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(data);
  });
});

describe("the JSON-LD of a much-reported proposal", () => {
  it("cites only the newest sources, as many as the page lists, so the head stays small", () => {
    const many = buildModel({
      actors: ACTORS,
      kinds: KINDS,
      registry: REGISTRY,
      articles: Array.from({ length: 40 }, (_, i) =>
        article(`source-${String(i).padStart(2, "0")}`, `2025-${String((i % 12) + 1).padStart(2, "0")}`, [proposal()]),
      ),
    });
    const p = many.proposalById.get("article-5-like-guarantee");
    if (!p) throw new Error("no proposal");
    const cited = (proposalHead(p, many, SITE).jsonLd?.["mainEntity"] as { citation: { datePublished?: string }[] })
      .citation;
    expect(cited).toHaveLength(SOURCES_ON_PROPOSAL);
    expect(cited[0]?.datePublished).toBe(p.latest.article.source.published);
  });
});
