import { STANCES, STATUSES, termOf } from "../../schemas/vocabulary.ts";
import { formatDate } from "../model/dates.ts";
import type { Mention, Model, Proposal } from "../model/model.ts";
import { latestTerms, TERM_KEYS, type TermKey } from "../model/state-of-play.ts";

/** What a reader will see change on one proposal's page when the working tree is published. */
export interface ProposalPreview {
  id: string;
  title: string;
  /** True when the proposal has no page yet. */
  added: boolean;
  lines: string[];
}

/** What publishing the working tree changes, against the last commit: per proposal, then the directory. */
export interface CorpusPreview {
  proposals: ProposalPreview[];
  removedProposals: string[];
  addedActors: string[];
  removedActors: string[];
  addedSources: string[];
  removedSources: string[];
}

/** Compares the state of play of two models (the last commit's, the working tree's) as a reader sees it. */
export function previewChanges(before: Model, after: Model): CorpusPreview {
  const proposals: ProposalPreview[] = [];
  for (const proposal of after.proposals) {
    const old = before.proposalById.get(proposal.id);
    const lines = old ? proposalLines(old, proposal, after) : addedLines(proposal, after);
    if (lines.length > 0) proposals.push({ id: proposal.id, title: proposal.title, added: !old, lines });
  }
  const missing = <T>(from: Map<string, T>, into: Map<string, T>) => [...from.keys()].filter((k) => !into.has(k));
  return {
    proposals,
    removedProposals: missing(before.proposalById, after.proposalById),
    addedActors: missing(after.actorById, before.actorById),
    removedActors: missing(before.actorById, after.actorById),
    addedSources: missing(after.articleBySlug, before.articleBySlug),
    removedSources: missing(before.articleBySlug, after.articleBySlug),
  };
}

/** "The Defense Post, 16 August 2025". */
export function sourceLabel(mention: Mention): string {
  return `${mention.article.source.publisher}, ${formatDate(mention.article.source.published)}`;
}

const statusLabel = (id: string) => termOf(STATUSES, id).label.toLowerCase();
const stanceLabel = (id: string) => termOf(STANCES, id).label.toLowerCase();

function actorName(model: Model, id: string): string {
  return model.actorById.get(id)?.name ?? id;
}

function addedLines(proposal: Proposal, model: Model): string[] {
  const lines = [
    `new proposal page, kind ${model.kindById.get(proposal.kind)?.name ?? proposal.kind}`,
    `current status ${statusLabel(proposal.status)}, per ${sourceLabel(proposal.state.source)}`,
  ];
  for (const stance of proposal.stances)
    lines.push(`stance: ${actorName(model, stance.actor)} ${stanceLabel(stance.position.stance)}`);
  return lines;
}

function proposalLines(old: Proposal, now: Proposal, model: Model): string[] {
  const lines: string[] = [];
  const known = new Set(old.mentions.map((m) => m.article.slug));
  for (const mention of now.mentions.filter((m) => !known.has(m.article.slug)))
    lines.push(
      `new source: ${sourceLabel(mention)} (“${mention.article.title}”), reports it ${statusLabel(mention.status)}`,
    );
  const gone = old.mentions.filter((m) => !now.mentions.some((n) => n.article.slug === m.article.slug));
  for (const mention of gone) lines.push(`source removed: ${sourceLabel(mention)}`);

  if (old.status !== now.status)
    lines.push(
      `current status ${statusLabel(old.status)} → ${statusLabel(now.status)}, per ${sourceLabel(now.state.source)}`,
    );
  else if (old.state.source.article.slug !== now.state.source.article.slug)
    lines.push(`current status stays ${statusLabel(now.status)}, now per ${sourceLabel(now.state.source)}`);
  if (old.state.differs.length === 0 && now.state.differs.length > 0)
    lines.push(
      `sources now differ on its status: ${statusLabel(now.status)} per ${sourceLabel(now.state.source)}, but ${now.state.differs.map((m) => `${statusLabel(m.status)} per ${sourceLabel(m)}`).join("; ")}`,
    );
  else if (old.state.differs.length > 0 && now.state.differs.length === 0)
    lines.push("sources no longer differ on its status");

  const oldStances = new Map(old.stances.map((s) => [s.actor, s]));
  for (const stance of now.stances) {
    const was = oldStances.get(stance.actor);
    const who = actorName(model, stance.actor);
    if (!was)
      lines.push(`new stance: ${who} ${stanceLabel(stance.position.stance)}, per ${sourceLabel(stance.source)}`);
    else if (was.position.stance !== stance.position.stance)
      lines.push(
        `stance: ${who} ${stanceLabel(was.position.stance)} → ${stanceLabel(stance.position.stance)}, per ${sourceLabel(stance.source)}`,
      );
    else if (was.source.article.slug !== stance.source.article.slug)
      lines.push(`stance restated: ${who} ${stanceLabel(stance.position.stance)}, per ${sourceLabel(stance.source)}`);
  }

  const [oldTerms, newTerms] = [latestTerms(old.termsView), latestTerms(now.termsView)];
  for (const key of TERM_KEYS) {
    const [was, is] = [termText(model, oldTerms[key]), termText(model, newTerms[key])];
    if (was !== is) lines.push(`term ${termName(key)}: ${was ?? "not stated"} → ${is ?? "not stated"}`);
  }
  if (old.title !== now.title) lines.push(`title: “${old.title}” → “${now.title}”`);
  return lines;
}

const termName = (key: TermKey) => key.replace("_", " ");

function termText(model: Model, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.map((id: string) => actorName(model, id)).join(", ");
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

/** The preview as an editor reads it in the terminal. */
export function formatPreview(preview: CorpusPreview, before: Model, after: Model): string {
  const out: string[] = [];
  for (const p of preview.proposals) {
    out.push(`${p.title} (${p.id})${p.added ? " — new" : ""}`);
    for (const line of p.lines) out.push(`  • ${line}`);
  }
  const list = (label: string, ids: string[], name: (id: string) => string) => {
    if (ids.length > 0) out.push(`${label}: ${ids.map(name).join(", ")}`);
  };
  list("New sources", preview.addedSources, (s) => after.articleBySlug.get(s)?.title ?? s);
  list("Sources removed", preview.removedSources, (s) => before.articleBySlug.get(s)?.title ?? s);
  list("Proposals removed", preview.removedProposals, (id) => before.proposalById.get(id)?.title ?? id);
  list("New actors", preview.addedActors, (id) => actorName(after, id));
  list("Actors removed", preview.removedActors, (id) => actorName(before, id));
  return out.length === 0 ? "Nothing a reader sees changes." : out.join("\n");
}
