import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCorpusFiles } from "../../src/lib/content/files.ts";
import { validateCorpus } from "../../src/lib/content/corpus.ts";
import { buildModel } from "../../src/lib/model/model.ts";
import { formatProblems } from "../../src/lib/content/problems.ts";
import { todayUtc } from "../../src/lib/content/rules.ts";

const root = path.resolve(import.meta.dirname, "../..");

describe("the seed corpus in content/", () => {
  const result = validateCorpus(readCorpusFiles(path.join(root, "content"), root), { today: todayUtc() });

  it("is valid", () => {
    expect(result.ok ? "" : formatProblems(result.problems)).toBe("");
  });

  it("has one article per seed and well over fifteen proposals, several seen by two or more sources", () => {
    if (!result.ok) return;
    const model = buildModel({
      articles: result.corpus.articles,
      actors: result.corpus.actors,
      kinds: result.corpus.kinds,
      registry: result.corpus.proposals,
    });
    expect(model.articles).toHaveLength(5);
    expect(model.proposals.length).toBeGreaterThan(15);
    expect(
      model.proposals.filter((p) => new Set(p.mentions.map((m) => m.article.slug)).size >= 2).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it("invents no address: every URL a source gives is http(s)", () => {
    if (!result.ok) return;
    for (const a of result.corpus.articles) {
      if (a.data.source.url) expect(a.data.source.url).toMatch(/^https?:\/\//);
    }
  });
});
