import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCorpusFiles } from "../../src/lib/content/files.ts";
import { validateCorpus, type ValidCorpus } from "../../src/lib/content/corpus.ts";
import { formatProblems } from "../../src/lib/content/problems.ts";
import { parseFrontmatter } from "astro/markdown";
import {
  countWords,
  generateCorpus,
  MAX_WORDS,
  MIN_WORDS,
  poolSizeFor,
  writeCorpus,
} from "../../scripts/bench/generate.ts";
import { STANCE_IDS, STATUS_IDS } from "../../src/schemas/vocabulary.ts";

/** Smoke run of the benchmark's generator: 50 articles, written to disk and validated like a real corpus. */
describe("benchmark corpus generator (50 articles)", () => {
  const N = 50;
  const corpus = generateCorpus(N, 7);
  let dir: string;
  let valid: ValidCorpus;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "gt-bench-test-"));
    writeCorpus(dir, corpus);
    const result = validateCorpus(readCorpusFiles(dir, dir), { today: new Date().toISOString().slice(0, 10) });
    if (!result.ok) throw new Error(`generated corpus is invalid:\n${formatProblems(result.problems)}`);
    valid = result.corpus;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes a corpus that passes the project's validation", () => {
    expect(valid.articles).toHaveLength(N);
    expect(valid.kinds.map((k) => k.id)).toEqual([
      "collective-defense",
      "nato-membership",
      "foreign-forces",
      "military-aid",
      "monitoring",
      "economic",
      "political",
      "legal",
    ]);
    expect(valid.actors.length).toBeGreaterThan(20);
  });

  it("reports 1–5 proposals per article, from a pool whose ids recur across articles", () => {
    const mentions = new Map<string, number>();
    for (const a of valid.articles) {
      expect(a.data.proposals.length).toBeGreaterThanOrEqual(1);
      expect(a.data.proposals.length).toBeLessThanOrEqual(5);
      for (const p of a.data.proposals) mentions.set(p.id, (mentions.get(p.id) ?? 0) + 1);
    }
    expect(mentions.size).toBeLessThanOrEqual(poolSizeFor(N));
    expect([...mentions.values()].filter((count) => count > 1).length).toBeGreaterThan(mentions.size / 2);
  });

  it("varies statuses over time and includes positions, terms and quotes", () => {
    const statuses = new Set(valid.articles.flatMap((a) => a.data.proposals.map((p) => p.status)));
    expect(statuses.size).toBeGreaterThanOrEqual(4);
    const all = valid.articles.flatMap((a) => a.data.proposals);
    expect(all.some((p) => p.positions)).toBe(true);
    expect(all.some((p) => p.terms)).toBe(true);
    expect(all.some((p) => p.quotes)).toBe(true);
  });

  it("draws every status and stance of the vocabulary over a larger corpus, so a new one is exercised", () => {
    const big = mkdtempSync(path.join(os.tmpdir(), "gt-bench-test-"));
    writeCorpus(big, generateCorpus(300, 11));
    const result = validateCorpus(readCorpusFiles(big, big), { today: new Date().toISOString().slice(0, 10) });
    rmSync(big, { recursive: true, force: true });
    if (!result.ok) throw new Error(formatProblems(result.problems));
    const all = result.corpus.articles.flatMap((a) => a.data.proposals);
    expect(new Set(all.map((p) => p.status))).toEqual(new Set(STATUS_IDS));
    expect(new Set(all.flatMap((p) => (p.positions ?? []).map((s) => s.stance)))).toEqual(new Set(STANCE_IDS));
  });

  it("writes bodies of 300–600 words", () => {
    for (const file of corpus.files.filter((f) => f.path.startsWith("articles/"))) {
      const words = countWords(parseFrontmatter(file.text).content);
      expect(words, file.path).toBeGreaterThanOrEqual(MIN_WORDS);
      expect(words, file.path).toBeLessThanOrEqual(MAX_WORDS);
    }
  });

  it("is deterministic for a seed, and differs between seeds", () => {
    expect(generateCorpus(N, 7)).toEqual(corpus);
    expect(generateCorpus(N, 8).files).not.toEqual(corpus.files);
  });
});
