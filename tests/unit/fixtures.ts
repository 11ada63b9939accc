import { changesOver, type Change } from "../../src/lib/model/changes.ts";
import { buildModel, type Mention } from "../../src/lib/model/model.ts";
import type { Actor } from "../../src/schemas/actor.ts";
import type { ArticleData } from "../../src/schemas/article.ts";
import type { ProposalMentionData } from "../../src/schemas/proposal.ts";

/** A proposal entry with sensible defaults. */
export function proposal(overrides: Partial<ProposalMentionData> = {}): ProposalMentionData {
  return {
    id: "article-5-like-guarantee",
    title: "Article 5-like guarantee",
    kind: "collective-defense",
    proposers: ["united-states"],
    status: "proposed",
    summary: "A pledge.",
    ...overrides,
  };
}

/** An article with sensible defaults. */
export function article(
  slug: string,
  published: string,
  proposals: ProposalMentionData[],
  source: Partial<ArticleData["source"]> = {},
): { slug: string; data: ArticleData } {
  return {
    slug,
    data: {
      title: `Title of ${slug}`,
      summary: `Summary of ${slug}.`,
      source: { publisher: "Wire", published, approximate: false, language: "en", ...source },
      proposals,
    },
  };
}

export const ACTORS = [
  { id: "united-states", name: "United States", type: "state" as const },
  { id: "italy", name: "Italy", type: "state" as const },
  { id: "russia", name: "Russia", type: "state" as const },
  { id: "france", name: "France", type: "state" as const },
];

export const KINDS = [
  { id: "collective-defense", name: "Collective defence", description: "Pledges." },
  { id: "foreign-forces", name: "Foreign forces", description: "Troops." },
];

export const REGISTRY = [
  { id: "article-5-like-guarantee", title: "Article 5-like guarantee", kind: "collective-defense" },
  { id: "reassurance-force", title: "Reassurance force", kind: "foreign-forces" },
  { id: "force", title: "A force", kind: "foreign-forces" },
  { id: "x", title: "X", kind: "collective-defense" },
  { id: "a", title: "A", kind: "collective-defense" },
];

/** ACTORS with a coalition of two members and a person who represents a state. */
export const AFFILIATED_ACTORS: Actor[] = [
  ...ACTORS,
  { id: "united-kingdom", name: "United Kingdom", type: "state" },
  { id: "giorgia-meloni", name: "Giorgia Meloni", type: "person", represents: "italy", role: "Prime Minister" },
  { id: "willing", name: "Coalition of the willing", type: "coalition", members: ["united-kingdom", "france"] },
];

/** The one proposal of a corpus of articles, each [slug, published, mention overrides]. */
export function proposalOf(...sources: [string, string, Partial<ProposalMentionData>][]) {
  const model = buildModel({
    actors: AFFILIATED_ACTORS,
    kinds: KINDS,
    registry: REGISTRY,
    articles: sources.map(([slug, published, overrides]) => article(slug, published, [proposal(overrides)])),
  });
  const p = model.proposals[0];
  if (!p) throw new Error("no proposal");
  return p;
}

/** What `mention` changed against the mentions `before` it: the last entry of changesOver. */
export function changesAt(before: readonly Mention[], mention: Mention): Change[] {
  return (changesOver([...before, mention]).at(-1) as { changes: Change[] }).changes;
}
