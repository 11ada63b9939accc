import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCorpusFiles } from "../../src/lib/content/files.ts";
import { validateCorpus } from "../../src/lib/content/corpus.ts";
import { buildModel } from "../../src/lib/model/model.ts";
import { formatProblems } from "../../src/lib/content/problems.ts";
import { todayUtc } from "../../src/lib/content/rules.ts";

const root = path.resolve(import.meta.dirname, "../..");

/** The five seed articles: their slugs are permalinks. */
const SEED_SLUGS = [
  "analysts-map-nato-options-before-vilnius",
  "us-weighs-automatic-nato-membership-trigger",
  "allies-weigh-guarantees-short-of-nato",
  "us-proposes-non-nato-article-5-guarantee",
  "berlin-talks-us-article-5-offer-european-package",
];

describe("the corpus in content/", () => {
  const result = validateCorpus(readCorpusFiles(path.join(root, "content"), root), { today: todayUtc() });

  it("is valid", () => {
    expect(result.ok ? "" : formatProblems(result.problems)).toBe("");
  });

  it("covers the story: thirty sources or more from ten publishers or more, eight of them from 2026, the seeds among them", () => {
    if (!result.ok) return;
    const model = buildModel({
      articles: result.corpus.articles,
      actors: result.corpus.actors,
      kinds: result.corpus.kinds,
      registry: result.corpus.proposals,
    });
    expect(model.articles.length).toBeGreaterThanOrEqual(30);
    expect(new Set(model.articles.map((a) => a.source.publisher)).size).toBeGreaterThanOrEqual(10);
    expect(model.articles.filter((a) => a.source.published.startsWith("2026")).length).toBeGreaterThanOrEqual(8);
    for (const seed of SEED_SLUGS) expect(model.articleBySlug.has(seed), seed).toBe(true);
    expect(model.proposals.length).toBeGreaterThan(15);
    expect(
      model.proposals.filter((p) => new Set(p.mentions.map((m) => m.article.slug)).size >= 2).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it("links every source but the seeds to its original (https)", () => {
    if (!result.ok) return;
    const unlinked = result.corpus.articles.filter((a) => !a.data.source.url).map((a) => a.slug);
    expect(unlinked.filter((slug) => !SEED_SLUGS.includes(slug))).toEqual([]);
  });

  it("invents no address: every URL a source gives is http(s)", () => {
    if (!result.ok) return;
    for (const a of result.corpus.articles) {
      if (a.data.source.url) expect(a.data.source.url).toMatch(/^https?:\/\//);
    }
  });
});
