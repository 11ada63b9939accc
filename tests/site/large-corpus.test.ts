import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus, writeCorpus } from "../../scripts/bench/generate.ts";
import { earliestDay } from "../../src/lib/model/dates.ts";
import type { Model } from "../../src/lib/model/model.ts";
import { loadModel } from "../support/model.ts";
import { buildSite, elements, parseHtml, tempDir, textOf } from "../support/site.ts";
import { measureSite } from "../../scripts/bench/measure.ts";
import { STANCE_POINTS, stanceRuns } from "../../src/lib/views/dot-chart.ts";
import { urls } from "../../src/lib/views/urls.ts";

/**
 * The whole build over a generated corpus of a few hundred articles (the
 * benchmark's generator): the rendering path the five seed articles never
 * exercise at scale, checked page by page on a sample.
 */
const N = 300;
const work = tempDir("large");
const content = path.join(work, "content");
const out = path.join(work, "dist");
let model: Model;

const page = (url: string) => {
  const file = path.join(out, url, "index.html");
  expect(existsSync(file), url).toBe(true);
  return parseHtml(readFileSync(file, "utf8"));
};
const h1 = (tree: ReturnType<typeof parseHtml>) =>
  textOf(elements(tree).find((e) => e.tagName === "h1") ?? tree).trim();
const hrefs = (tree: ReturnType<typeof parseHtml>) =>
  new Set(elements(tree).flatMap((e) => (e.tagName === "a" ? [String(e.properties["href"] ?? "")] : [])));
/** Every n-th item, so the sample spreads over the whole list. */
const sample = <T>(items: readonly T[], count: number) =>
  items.filter((_, i) => i % Math.max(1, Math.floor(items.length / count)) === 0).slice(0, count);

beforeAll(async () => {
  writeCorpus(content, generateCorpus(N, 7));
  model = loadModel(content);
  await buildSite({ outDir: out, contentDir: content, cacheDir: path.join(work, "cache") });
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe(`a generated corpus of ${N} articles`, () => {
  it("gets a page for every article, proposal and actor it involves", () => {
    expect(model.articles).toHaveLength(N);
    for (const a of model.articles)
      expect(existsSync(path.join(out, "articles", a.slug, "index.html")), a.slug).toBe(true);
    for (const p of model.proposals)
      expect(existsSync(path.join(out, "proposals", p.id, "index.html")), p.id).toBe(true);
    for (const id of model.involvement.keys())
      expect(existsSync(path.join(out, "actors", id, "index.html")), id).toBe(true);
  });

  it("renders each sampled article with its headline, its body and a link to each proposal it reports", () => {
    for (const article of sample(model.articles, 25)) {
      const tree = page(`articles/${article.slug}/`);
      expect(h1(tree)).toBe(article.title);
      const text = textOf(tree);
      // The body's opening words, rendered from its Markdown (list markers and emphasis gone).
      const markdown = readFileSync(
        path.join(content, "articles", `${earliestDay(article.source.published)}-${article.slug}.md`),
        "utf8",
      ).split(/\n---\n/)[1];
      const body = (markdown ?? "")
        .split(/\s+/)
        .filter((word) => /\p{L}/u.test(word))
        .slice(0, 6)
        .map((word) => word.replace(/[*_`[\]]/g, ""))
        .join(" ");
      expect(text.replace(/\s+/g, " ")).toContain(body);
      const links = hrefs(tree);
      for (const m of article.mentions)
        expect(links, `${article.slug} → ${m.proposalId}`).toContain(`/proposals/${m.proposalId}/`);
    }
  });

  it("gives each sampled proposal its registry title, its current status and a link to its latest source", () => {
    for (const proposal of sample(model.proposals, 15)) {
      const tree = page(`proposals/${proposal.id}/`);
      expect(h1(tree)).toBe(proposal.title);
      expect(textOf(tree).toLowerCase()).toContain(proposal.status);
      expect(hrefs(tree)).toContain(`/articles/${proposal.latest.article.slug}/`);
    }
  });

  it("lists on each sampled actor page the proposals it takes part in", () => {
    for (const [id, involvement] of sample([...model.involvement], 10)) {
      const links = hrefs(page(`actors/${id}/`));
      for (const proposalId of involvement.proposals.keys())
        expect(links, `${id} → ${proposalId}`).toContain(`/proposals/${proposalId}/`);
    }
  });

  it("names in each stance list every point its chart draws: each run's first source", () => {
    let runs = 0;
    for (const proposal of sample(model.proposals, 15)) {
      const html = readFileSync(path.join(out, "proposals", proposal.id, "index.html"), "utf8");
      const list = html.slice(html.search(/<ul class="stances[ "]/));
      // The chart draws the 12 latest stances' rows, each its latest STANCE_POINTS runs.
      for (const stance of [...proposal.stances].reverse().slice(0, 12)) {
        for (const run of stanceRuns(stance.history).slice(-STANCE_POINTS)) {
          runs += 1;
          const first = run.sources[0] as (typeof run.sources)[number];
          expect(list, `${proposal.id} ${stance.actor}`).toContain(`href="${urls.article(first.article.slug)}"`);
        }
      }
    }
    expect(runs).toBeGreaterThan(30);
  });

  it("lists beside each sampled status chart every run it draws", () => {
    for (const proposal of sample(model.proposals, 15)) {
      const tree = page(`proposals/${proposal.id}/`);
      const svg = elements(tree).find((el) => el.tagName === "svg" && el.properties["dataChart"] === "status");
      const marks = elements(svg ?? tree).filter(
        (el) => el.tagName === "a" && el.properties["dataCount"] !== undefined,
      );
      const items = elements(tree).filter(
        (el) => el.tagName === "li" && String(el.properties["className"] ?? "").includes("history-step"),
      );
      expect(marks.length, proposal.id).toBe(items.length);
    }
  });

  it("keeps every page within 15 KB of gzipped HTML and CSS", () => {
    const figures = measureSite(out, { gzip: 15 * 1024, raw: 100 * 1024 });
    expect(figures.overGzip).toEqual([]);
    expect(figures.overRaw).toEqual([]);
  });
});
