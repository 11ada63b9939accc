import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateCorpus, writeCorpus } from "../../scripts/bench/generate.ts";
import type { Model } from "../../src/lib/model/model.ts";
import { articleSearch, proposalSearch } from "../../src/lib/search/facets.ts";
import { FACET_LABELS, filterOptions } from "../../src/lib/views/timeline.ts";
import {
  actorPage,
  actorRows,
  countByKind,
  homeView,
  proposalsByStatus,
  proposalsOfKind,
} from "../../src/lib/views/pages.ts";
import { STATUS_IDS } from "../../src/schemas/vocabulary.ts";
import { loadModel } from "../support/model.ts";

/**
 * One definition, one count: the home page's counts, the proposals-by-status
 * pages, the timeline's filter chips, the actor pages and index, the kind
 * pages and the search facets agree, over the seed corpus and a generated one.
 */

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A generated corpus of n articles, written out, validated and merged like the real one. */
function generatedModel(n: number, seed: number): Model {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gt-counts-"));
  dirs.push(dir);
  writeCorpus(dir, generateCorpus(n, seed));
  return loadModel(dir);
}

const corpora: [string, () => Model][] = [
  ["the seed corpus", () => loadModel("content")],
  ["a generated corpus of 300 articles", () => generatedModel(300, 17)],
];

describe.each(corpora)("%s", (_, load) => {
  const model = load();
  const home = homeView(model);
  const options = filterOptions(model);
  const proposalFacets = model.proposals.map((p) => proposalSearch(p));
  const articleFacets = model.articles.map((a) => articleSearch(a));
  const rows = new Map(actorRows(model).map((r) => [r.actor.id, r]));
  const chip = (facet: keyof typeof options, value: string) =>
    options[facet].find((o) => o.filter.value === value)?.entries.length ?? 0;

  it("is big enough to test: several statuses, actors, kinds and sources", () => {
    expect(new Set(model.proposals.map((p) => p.status)).size).toBeGreaterThan(1);
    expect(options.actor.length).toBeGreaterThan(3);
    expect(model.articles.length).toBeGreaterThan(4);
  });

  it("proposals by current status: the home page, the status pages and search's proposal facet agree", () => {
    const lists = proposalsByStatus(model.proposals);
    for (const status of STATUS_IDS) {
      const count = home.byStatus.find((s) => s.status === status)?.count;
      expect(count, status).toBe(lists.find((l) => l.status === status)?.proposals.length);
      expect(count, status).toBe(proposalFacets.filter((f) => f.statuses?.includes(status)).length);
      expect(count, status).toBe(proposalFacets.filter((f) => f.status === status).length);
    }
    expect(home.byStatus.reduce((sum, s) => sum + s.count, 0)).toBe(model.proposals.length);
  });

  it("sources by status in that source: the timeline chips and search's source facet agree, and are labelled so", () => {
    expect(FACET_LABELS.status).toMatch(/in that source/);
    for (const status of STATUS_IDS) {
      expect(chip("status", status), status).toBe(articleFacets.filter((f) => f.statuses?.includes(status)).length);
    }
  });

  it("proposals and sources involving an actor: its page, the actors index, the timeline and search agree", () => {
    for (const actor of model.actors) {
      const page = actorPage(model, actor);
      const entry = model.involvement.get(actor.id);
      const proposals = page.proposals.length;
      expect(proposals, actor.id).toBe(entry?.proposals.size ?? 0);
      expect(proposals, actor.id).toBe(rows.get(actor.id)?.proposals);
      expect(proposals, actor.id).toBe(proposalFacets.filter((f) => f.actors?.includes(actor.id)).length);
      const sources = page.sources.length;
      expect(sources, actor.id).toBe(entry?.articles.size ?? 0);
      expect(sources, actor.id).toBe(rows.get(actor.id)?.sources);
      expect(sources, actor.id).toBe(chip("actor", actor.id));
      expect(sources, actor.id).toBe(articleFacets.filter((f) => f.actors?.includes(actor.id)).length);
    }
  });

  it("proposals and sources of a kind: the home page, kind pages, the timeline and search agree", () => {
    for (const { kind, count } of countByKind(model)) {
      expect(home.byKind.find((k) => k.kind === kind)?.count, kind).toBe(count);
      expect(proposalsOfKind(model.proposals, kind).length, kind).toBe(count);
      expect(proposalFacets.filter((f) => f.kinds?.includes(kind)).length, kind).toBe(count);
      expect(chip("kind", kind), kind).toBe(articleFacets.filter((f) => f.kinds?.includes(kind)).length);
    }
  });
});
