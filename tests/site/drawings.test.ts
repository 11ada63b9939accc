import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Element } from "hast";
import { readSite, resolvePath, type SiteFiles } from "../support/links.ts";
import { loadModel } from "../support/model.ts";
import { DIST, elements, parseHtml, prop, textOf } from "../support/site.ts";
import { TIMELINE_LANES } from "../../src/lib/views/page-sizes.ts";
import { measureSite } from "../../scripts/bench/measure.ts";
import { filterPairs, FILTER_PAIRS } from "../../src/lib/views/timeline.ts";
import { COMPARE_ORDERS } from "../../src/lib/views/compare.ts";
import { STANCE_POINTS, stanceRuns } from "../../src/lib/views/dot-chart.ts";
import type { Model } from "../../src/lib/model/model.ts";

let site: SiteFiles;
let model: Model;
beforeAll(() => {
  site = readSite(DIST);
  model = loadModel();
});

const page = (url: string) => parseHtml(readFileSync(path.join(DIST, url, "index.html"), "utf8"));
const svgOf = (url: string, chart: string) =>
  elements(page(url)).find((el) => el.tagName === "svg" && prop(el, "dataChart") === chart) as Element;
/** A drawing's marks: the links that draw a shape. */
const marksOf = (svg: Element) =>
  elements(svg).filter((el) => el.tagName === "a" && elements(el).some((child) => child.tagName === "use"));
/** The reports a mark stands for: a dot chart's data-count, else the count a timeline mark shows (one when none). */
const reportsOf = (mark: Element) => {
  const shown = elements(mark).find((el) => el.tagName === "text" && String(prop(el, "className")).includes("count"));
  return Number(prop(mark, "dataCount") ?? (shown ? textOf(shown) : 1));
};

describe("the drawn timeline, read back", () => {
  it("has a title and a description, and one mark per source report in each lane", () => {
    const svg = svgOf("timeline", "timeline");
    // A drawing with links is a group (an img's children are presentational, its links unreachable).
    expect(prop(svg, "role")).toBe("group");
    const title = elements(svg).find((el) => el.tagName === "title" && textOf(el).length > 0);
    const desc = elements(svg).find((el) => el.tagName === "desc" && textOf(el).length > 0);
    expect(prop(svg, "ariaLabelledBy")).toBe(prop(title as Element, "id"));
    expect(prop(svg, "ariaDescribedBy")).toBe(prop(desc as Element, "id"));
    const lanes = elements(svg).filter((el) => el.tagName === "g" && prop(el, "dataProposal"));
    const reported = new Set(model.articles.flatMap((a) => a.mentions.map((m) => m.proposalId)));
    expect(lanes).toHaveLength(Math.min(TIMELINE_LANES, reported.size));
    for (const lane of lanes) {
      const id = prop(lane, "dataProposal") as string;
      const mentions = model.proposalById.get(id)?.mentions.length;
      const counted = marksOf(lane).reduce((n, el) => n + reportsOf(el), 0);
      expect(counted, id).toBe(mentions);
    }
  });

  it("follows a filter: a kind's drawing counts that kind's reports", () => {
    const kind = model.kinds.find((k) => model.proposals.some((p) => p.kind === k.id)) as Model["kinds"][number];
    const lanes = elements(svgOf(`timeline/kind/${kind.id}`, "timeline")).filter((el) => prop(el, "dataProposal"));
    for (const lane of lanes) {
      const proposal = model.proposalById.get(prop(lane, "dataProposal") as string);
      expect(proposal?.kind).toBe(kind.id);
      expect(marksOf(lane).reduce((n, el) => n + reportsOf(el), 0)).toBe(proposal?.mentions.length);
    }
  });

  it("links every mark and lane to a page that exists", () => {
    for (const url of ["timeline", "", "proposals/article-5-like-guarantee"]) {
      for (const svg of elements(page(url)).filter((el) => el.tagName === "svg" && prop(el, "dataChart"))) {
        const links = elements(svg).filter((el) => el.tagName === "a");
        expect(links.length).toBeGreaterThan(0);
        for (const a of links) {
          const href = new URL(prop(a, "href") as string, "https://x.example");
          const target = resolvePath(href.pathname, site);
          expect(target.problem, url).toBeUndefined();
          if (href.hash) expect(site[target.file as string]).toContain(`id="${href.hash.slice(1)}"`);
        }
      }
    }
  });

  it("has a monotonic time axis whose gaps are proportional to time", () => {
    for (const [url, chart] of [
      ["timeline", "timeline"],
      ["proposals/article-5-like-guarantee", "status"],
    ] as const) {
      const ticks = elements(svgOf(url, chart))
        .filter((el) => el.tagName === "line" && prop(el, "dataDay"))
        .map((el) => ({ x: Number(prop(el, "x1")), day: Number(prop(el, "dataDay")) }));
      expect(ticks.length).toBeGreaterThan(1);
      const first = ticks[0] as { x: number; day: number };
      const last = ticks.at(-1) as { x: number; day: number };
      const perDay = (last.x - first.x) / (last.day - first.day);
      for (const [i, t] of ticks.entries()) {
        if (i > 0) expect(t.x).toBeGreaterThan((ticks[i - 1] as { x: number }).x);
        expect(Math.abs(first.x + (t.day - first.day) * perDay - t.x)).toBeLessThan(0.2);
      }
    }
  });

  it("draws a proposal's status runs, one mark per run, counting every source", () => {
    const proposal = model.proposalById.get("article-5-like-guarantee") as Model["proposals"][number];
    const marks = marksOf(svgOf("proposals/article-5-like-guarantee", "status"));
    expect(marks).toHaveLength(proposal.history.length);
    expect(marks.reduce((n, el) => n + reportsOf(el), 0)).toBe(proposal.mentions.length);
  });

  it("names every mark link (its date, status or stance, and publisher)", () => {
    const drawings: [string, string][] = [
      ["timeline", "timeline"],
      ["", "timeline"],
      ["proposals/article-5-like-guarantee", "status"],
      ["proposals/article-5-like-guarantee", "stance"],
      ["actors/united-states", "stance"],
    ];
    for (const [url, chart] of drawings) {
      const svg = svgOf(url, chart);
      expect(prop(svg, "role"), `${url} ${chart}`).toBe("group");
      const marks = marksOf(svg);
      expect(marks.length, `${url} ${chart}`).toBeGreaterThan(0);
      for (const mark of marks) expect(prop(mark, "ariaLabel"), `${url} ${chart}`).toMatch(/\d{4}/);
    }
  });
});

describe("combined timeline filters", () => {
  it("pre-renders every pair of filters that keeps a source, each drawing only that pair's reports", () => {
    const pairs = filterPairs(model);
    expect(new Set(pairs.map((p) => `${p.filter.facet}×${p.and?.filter.facet}`))).toEqual(
      new Set(FILTER_PAIRS.map(([a, b]) => `${a}×${b}`)),
    );
    for (const pair of pairs) {
      const url = `timeline/${pair.filter.facet}/${pair.filter.value}/${pair.and?.filter.facet}/${pair.and?.filter.value}`;
      const lanes = elements(svgOf(url, "timeline")).filter((el) => el.tagName === "g" && prop(el, "dataProposal"));
      const drawn = lanes.reduce((n, lane) => n + marksOf(lane).reduce((m, el) => m + reportsOf(el), 0), 0);
      const reported = pair.entries.flatMap((e) => e.mentions);
      const shown = new Set(lanes.map((l) => prop(l, "dataProposal")));
      expect(drawn, url).toBe(reported.filter((m) => shown.has(m.proposalId)).length);
      for (const m of reported) {
        if (pair.filter.facet === "kind") expect(m.kind).toBe(pair.filter.value);
        if (pair.and?.filter.facet === "status") expect(m.status).toBe(pair.and.filter.value);
        if (pair.and?.filter.facet === "year") expect(m.date.slice(0, 4)).toBe(pair.and.filter.value);
      }
    }
  });

  it("links each pair from the filter chips of the filters it narrows, without JavaScript", () => {
    const pairs = filterPairs(model);
    for (const pair of pairs.filter((p) => p.filter.facet === "kind")) {
      const href = `/timeline/kind/${pair.filter.value}/${pair.and?.filter.facet}/${pair.and?.filter.value}/`;
      expect(site[`timeline/kind/${pair.filter.value}/index.html`], href).toContain(`href="${href}"`);
    }
    for (const file of Object.keys(site).filter((f) => f.startsWith("timeline/") && f.endsWith(".html"))) {
      expect(site[file], file).not.toMatch(/<script\b(?![^>]*application\/ld\+json)/);
    }
  });
});

describe("the comparison", () => {
  it("has every proposal once in each order, with the source of each term it shows", () => {
    for (const order of COMPARE_ORDERS) {
      const base = order === "kind" ? "proposals/compare/" : `proposals/compare/by-${order}/`;
      const files = Object.keys(site).filter(
        (f) => f.startsWith(base) && /^(\d+\/)?index\.html$/.test(f.slice(base.length)),
      );
      const ids: string[] = [];
      for (const file of files) {
        for (const row of elements(parseHtml(site[file] as string)).filter((el) => el.tagName === "tr")) {
          const head = elements(row).find((el) => el.tagName === "th" && prop(el, "scope") === "row");
          const href = head && prop(elements(head).find((el) => el.tagName === "a") as Element, "href");
          if (href) ids.push(/\/proposals\/([^/]+)\//.exec(href)?.[1] as string);
        }
      }
      expect(ids.sort(), order).toEqual(model.proposals.map((p) => p.id).sort());
    }
    // Every term a proposal's sources give (for everyone or scoped to some actors) names the source it comes from.
    const html = Object.keys(site)
      .filter((f) => /^proposals\/compare\/(\d+\/)?index\.html$/.test(f))
      .map((f) => site[f])
      .join("");
    for (const p of model.proposals) {
      for (const { source, terms } of p.termsView.bySource.slice(-1)) {
        if (terms.scoped?.length || Object.keys(terms).some((k) => k !== "notes" && k !== "scoped"))
          expect(html, p.id).toContain(`href="/articles/${source.article.slug}/"`);
      }
    }
  });

  it("says whom a scoped term concerns", () => {
    const scoped = model.proposals.flatMap((p) =>
      p.termsView.bySource.flatMap(({ terms }) => (terms.scoped ?? []).map((s) => ({ p, s }))),
    );
    expect(scoped.length).toBeGreaterThan(0);
    const html = Object.keys(site)
      .filter((f) => /^proposals\/compare\/(\d+\/)?index\.html$/.test(f))
      .map((f) => textOf(parseHtml(site[f] as string)))
      .join(" ");
    for (const { s } of scoped) {
      for (const id of s.of) expect(html).toContain(model.actorById.get(id)?.name ?? id);
    }
    expect(html).toMatch(/No troops from [A-Z]/);
  });
});

describe("the stance charts' text equivalent", () => {
  it("names every drawn point (a run's first source) in the list beside the chart", () => {
    for (const p of model.proposals.filter((q) => q.stances.length > 0)) {
      const html = site[`proposals/${p.id}/index.html`] as string;
      const list = html.slice(html.search(/<ul class="stances[ "]/));
      for (const s of p.stances.slice(-12)) {
        for (const run of stanceRuns(s.history).slice(-STANCE_POINTS)) {
          const first = run.sources[0] as (typeof run.sources)[number];
          expect(list, `${p.id} ${s.actor}`).toContain(`href="/articles/${first.article.slug}/"`);
        }
      }
    }
  });
});

describe("page weight", () => {
  it("keeps every page within 15 KB of gzipped HTML and CSS", () => {
    const figures = measureSite(DIST, { gzip: 15 * 1024, raw: 100 * 1024 });
    expect(figures.pages).toBeGreaterThan(100);
    expect(figures.overGzip).toEqual([]);
    expect(figures.overRaw).toEqual([]);
  });
});

describe("the positions matrix, read back", () => {
  it("has one cell per actor's latest stance on each proposal, with its source", () => {
    const cells: string[] = [];
    for (const file of Object.keys(site).filter((f) => /^positions\/(\d+\/)?index\.html$/.test(f))) {
      for (const row of elements(parseHtml(site[file] as string)).filter((el) => el.tagName === "tr")) {
        const head = elements(row).find((el) => el.tagName === "th" && prop(el, "scope") === "row");
        if (!head) continue;
        const proposal = /\/proposals\/([^/]+)\//.exec(
          prop(elements(head).find((el) => el.tagName === "a") as Element, "href") ?? "",
        )?.[1];
        for (const td of elements(row).filter((el) => el.tagName === "td" && prop(el, "dataActor"))) {
          const stance = /stance-(\w+)/.exec(prop(td, "className") ?? "")?.[1];
          const href = prop(elements(td).find((el) => el.tagName === "a") as Element, "href");
          cells.push(`${proposal} ${prop(td, "dataActor")} ${stance} ${href}`);
        }
      }
    }
    const expected = model.proposals.flatMap((p) =>
      p.stances.map((s) => `${p.id} ${s.actor} ${s.position.stance} /articles/${s.source.article.slug}/`),
    );
    expect(cells.sort()).toEqual(expected.sort());
  });

  it("offers three orders and the same data as CSV", () => {
    for (const url of ["positions/index.html", "positions/by-stances/index.html", "positions/by-latest/index.html"]) {
      expect(site[url], url).toBeTruthy();
    }
    const csv = readFileSync(path.join(DIST, "positions/positions.csv"), "utf8").trim().split("\r\n");
    expect(csv.length - 1).toBe(model.proposals.reduce((n, p) => n + p.stances.length, 0));
  });
});

describe("social cards", () => {
  it("every proposal page names its own 1200×630 PNG card", () => {
    for (const p of model.proposals) {
      const meta = elements(page(`proposals/${p.id}`)).find(
        (el) => el.tagName === "meta" && prop(el, "property") === "og:image",
      );
      const href = new URL(prop(meta as Element, "content") as string).pathname;
      expect(href).toBe(`/proposals/${p.id}/card.png`);
      const png = readFileSync(path.join(DIST, href));
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    }
  });
});
