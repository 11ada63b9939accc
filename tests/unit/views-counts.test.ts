import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateCorpus, writeCorpus } from "../../scripts/bench/generate.ts";
import type { Mention } from "../../src/lib/model/mention.ts";
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
} from "../../src/lib/views/page-views.ts";
import { STATUS_IDS } from "../../src/schemas/vocabulary.ts";
import { loadModel } from "../support/model.ts";

/**
 * One definition, one count: the home page's counts, the proposals-by-status
 * pages, the timeline's filter chips, the actor pages and index, the kind
 * pages and the search facets each equal a count made here from the proposals
 * and the sources' mentions, over the seed corpus and a generated one.
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

/**
 * The actors a mention names, counted here from the mention's own fields and
 * actors.yaml (coalition members, whom a person represents), independently of
 * src/lib/model/involvement.ts, so a change there that drifts from the data shows.
 */
function namedActors(m: Mention, model: Model): Set<string> {
  const direct = new Set([
    ...m.proposers,
    ...(m.terms?.guarantors ?? []),
    ...m.positions.flatMap((p) => (p.speaker ? [p.actor, p.speaker] : [p.actor])),
    ...m.quotes.flatMap((q) => (q.speaker_id ? [q.speaker_id] : [])),
  ]);
  const all = new Set(direct);
  for (const id of direct) {
    const actor = model.actors.find((a) => a.id === id);
    for (const member of actor?.members ?? []) all.add(member);
    if (actor?.represents) all.add(actor.represents);
  }
  // A person named only through a coalition also brings in whom they represent.
  for (const id of [...all]) {
    const represented = model.actors.find((a) => a.id === id)?.represents;
    if (represented) all.add(represented);
  }
  return all;
}

describe.each(corpora)("%s", (_, load) => {
  const model = load();
  const home = homeView(model);
  const options = filterOptions(model);
  const proposalFacets = model.proposals.map((p) => proposalSearch(p));
  const articleFacets = model.articles.map((a) => articleSearch(a));
  const rows = new Map(actorRows(model).map((r) => [r.actor.id, r]));
  const chip = (facet: keyof typeof options, value: string) =>
    options[facet].find((o) => o.filter.value === value)?.entries.length ?? 0;
  const mentions = model.articles.flatMap((a) => a.mentions);

  // The expectations, counted straight from the proposals and the sources' mentions.
  const proposalsAt = (status: string) => model.proposals.filter((p) => p.status === status).length;
  const sourcesAt = (status: string) =>
    model.articles.filter((a) => a.mentions.some((m) => m.status === status)).length;
  const proposalsOf = (kind: string) => model.proposals.filter((p) => p.kind === kind).length;
  const sourcesOf = (kind: string) => model.articles.filter((a) => a.mentions.some((m) => m.kind === kind)).length;
  const involved = new Map(mentions.map((m) => [m, namedActors(m, model)]));
  const proposalsWith = (actor: string) =>
    new Set(mentions.filter((m) => involved.get(m)?.has(actor)).map((m) => m.proposalId)).size;
  const sourcesWith = (actor: string) =>
    model.articles.filter((a) => a.mentions.some((m) => involved.get(m)?.has(actor))).length;

  it("is big enough to test: several statuses, actors, kinds and sources", () => {
    expect(new Set(model.proposals.map((p) => p.status)).size).toBeGreaterThan(1);
    expect(model.actors.filter((a) => sourcesWith(a.id) > 0).length).toBeGreaterThan(3);
    expect(model.articles.length).toBeGreaterThan(4);
  });

  it("proposals by current status: the home page, the status pages and search's proposal facet count them", () => {
    const lists = proposalsByStatus(model.proposals);
    for (const status of STATUS_IDS) {
      const expected = proposalsAt(status);
      expect(home.byStatus.find((s) => s.status === status)?.count, status).toBe(expected);
      expect(lists.find((l) => l.status === status)?.proposals.length, status).toBe(expected);
      expect(proposalFacets.filter((f) => f.statuses?.includes(status)).length, status).toBe(expected);
      expect(proposalFacets.filter((f) => f.status === status).length, status).toBe(expected);
    }
    expect(home.byStatus.reduce((sum, s) => sum + s.count, 0)).toBe(model.proposals.length);
  });

  it("sources by status in that source: the timeline chips and search's source facet count them, labelled so", () => {
    expect(FACET_LABELS.status).toMatch(/in that source/);
    for (const status of STATUS_IDS) {
      expect(chip("status", status), status).toBe(sourcesAt(status));
      expect(articleFacets.filter((f) => f.statuses?.includes(status)).length, status).toBe(sourcesAt(status));
    }
  });

  it("proposals and sources involving an actor: its page, the actors index, the timeline and search count them", () => {
    for (const actor of model.actors) {
      const page = actorPage(model, actor);
      const proposals = proposalsWith(actor.id);
      expect(page.proposals.length, actor.id).toBe(proposals);
      expect(rows.get(actor.id)?.proposals, actor.id).toBe(proposals);
      expect(proposalFacets.filter((f) => f.actors?.includes(actor.id)).length, actor.id).toBe(proposals);
      const sources = sourcesWith(actor.id);
      expect(page.sources.length, actor.id).toBe(sources);
      expect(rows.get(actor.id)?.sources, actor.id).toBe(sources);
      expect(chip("actor", actor.id), actor.id).toBe(sources);
      expect(articleFacets.filter((f) => f.actors?.includes(actor.id)).length, actor.id).toBe(sources);
    }
  });

  it("proposals and sources of a kind: the home page, kind pages, the timeline and search count them", () => {
    for (const kind of model.kinds.map((k) => k.id)) {
      const expected = proposalsOf(kind);
      expect(home.byKind.find((k) => k.kind === kind)?.count, kind).toBe(expected);
      expect(countByKind(model).find((k) => k.kind === kind)?.count, kind).toBe(expected);
      expect(proposalsOfKind(model.proposals, kind).length, kind).toBe(expected);
      expect(proposalFacets.filter((f) => f.kinds?.includes(kind)).length, kind).toBe(expected);
      expect(chip("kind", kind), kind).toBe(sourcesOf(kind));
      expect(articleFacets.filter((f) => f.kinds?.includes(kind)).length, kind).toBe(sourcesOf(kind));
    }
  });
});
