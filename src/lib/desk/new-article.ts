import Fuse from "fuse.js";
import yaml from "js-yaml";
import type { Actor } from "../../schemas/actor.ts";
import type { RegistryEntry } from "../../schemas/registry.ts";
import { GAP } from "../content/gaps.ts";

/** One proposal the new source reports, as the editor answered. */
export interface NewMention {
  id: string;
  status: string;
  evidence?: string | undefined;
  proposers: string[];
  positions: { actor: string; stance: string }[];
  /** Set when the proposal is new to the registry: its entry is appended to proposals.yaml. */
  registryEntry?: { id: string; title: string; kind: string } | undefined;
}

/** Everything `npm run new` knows about a new source. */
export interface NewArticle {
  publisher: string;
  published: string;
  title: string;
  url?: string | undefined;
  author?: string | undefined;
  language?: string | undefined;
  mentions: NewMention[];
}

/** The names an editor may type for a registry entry: its id, title and aliases. */
export const proposalNames = (p: RegistryEntry) => [p.id, p.title, ...(p.aliases ?? [])];
/** The names an editor may type for an actor: its id, name and aliases. */
export const actorNames = (a: Actor) => [a.id, a.name, ...(a.aliases ?? [])];

/** Items whose id, name or alias is the query (any case), then close spellings, best first. */
export function matchNamed<T extends { id: string }>(
  query: string,
  items: readonly T[],
  namesOf: (item: T) => string[],
  limit = 8,
): { exact: T[]; close: { item: T; score: number }[] } {
  const q = query.trim().toLowerCase();
  const exact = items.filter((item) => namesOf(item).some((n) => n.toLowerCase() === q));
  if (q === "") return { exact: [], close: items.slice(0, limit).map((item) => ({ item, score: 1 })) };
  const fuse = new Fuse(
    items.map((item) => ({ item, names: namesOf(item) })),
    { keys: ["names"], includeScore: true, threshold: 0.4, ignoreLocation: true },
  );
  const close = fuse
    .search(q, { limit })
    .filter((r) => !exact.includes(r.item.item))
    .map((r) => ({ item: r.item.item, score: r.score ?? 1 }));
  return { exact, close };
}

/** Best matches first, exact ones before close spellings (for pick lists). */
export function findNamed<T extends { id: string }>(
  query: string,
  items: readonly T[],
  namesOf: (item: T) => string[],
  limit = 8,
): T[] {
  const { exact, close } = matchNamed(query, items, namesOf, limit);
  return [...exact, ...close.map((c) => c.item)].slice(0, limit);
}

/**
 * The one item a name given on the command line stands for: an exact id, name
 * or alias (any case), else one close spelling well ahead of the next;
 * otherwise an error that lists the candidates. Never a guess between two.
 */
export function resolveNamed<T extends { id: string }>(
  query: string,
  items: readonly T[],
  namesOf: (item: T) => string[],
  what: string,
): T {
  const { exact, close } = matchNamed(query, items, namesOf);
  if (exact.length === 1) return exact[0] as T;
  const [best, next] = close;
  if (exact.length === 0 && best && best.score <= 0.25 && (!next || next.score - best.score >= 0.15)) return best.item;
  const candidates = [...exact, ...close.map((c) => c.item)].map((item) => item.id);
  throw new Error(
    candidates.length === 0
      ? `no ${what} matches "${query}"`
      : `"${query}" is not one ${what} for certain; did you mean ${candidates.slice(0, 5).join(", ")}?`,
  );
}

/** The slug of a headline: lowercase ASCII words joined by hyphens, at most about 60 characters. */
export function slugify(title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    if (slug.length + word.length + 1 > 60 && slug !== "") break;
    slug = slug === "" ? word : `${slug}-${word}`;
  }
  return slug || "source";
}

/** The file name's date: the start of an EDTF date or range, padded to a day (`2025-08~` → `2025-08-01`). */
export function fileDate(published: string): string {
  const start = published.split("/")[0]?.replace(/[~?%]/g, "") ?? "";
  const [y = "", m = "01", d = "01"] = start.split("-");
  return `${y}-${m}-${d}`;
}

/** `content/articles/<date>-<slug>.md` for a new source. */
export function articleFileName(
  article: Pick<NewArticle, "published" | "title">,
  slug = slugify(article.title),
): string {
  return `${fileDate(article.published)}-${slug}.md`;
}

const scalar = (value: string) => yaml.dump(value, { lineWidth: -1 }).trimEnd();
const list = (values: readonly string[]) => `[${values.map(scalar).join(", ")}]`;
const gap = (what: string) => scalar(`${GAP}: ${what}`);

/**
 * The new article file: everything the editor answered, and a gap marked
 * TODO(editor) for what only an editor can write (summaries, how the source
 * names each proposal, the body). Validation names every gap until it is filled.
 */
export function renderArticle(article: NewArticle, registry: readonly RegistryEntry[]): string {
  const lines = ["---", `title: ${scalar(article.title)}`, "source:", `  publisher: ${scalar(article.publisher)}`];
  if (article.url) lines.push(`  url: ${scalar(article.url)}`);
  if (article.author) lines.push(`  author: ${scalar(article.author)}`);
  lines.push(`  published: ${scalar(article.published)}`);
  if (article.language && article.language !== "en") lines.push(`  language: ${scalar(article.language)}`);
  lines.push(`summary: ${gap("one to three sentences in our own words on what this source reports")}`);
  lines.push("proposals:");
  for (const m of article.mentions) {
    const entry = registry.find((p) => p.id === m.id) ?? m.registryEntry;
    lines.push(`  - id: ${m.id}`);
    lines.push(`    title: ${gap(`how this source names it (registry title: ${entry?.title ?? m.id})`)}`);
    lines.push(`    proposers: ${list(m.proposers)}`);
    if (m.proposers.length === 0)
      lines.push(
        `    suggested_by: ${gap("who raised the idea (e.g. analysts quoted by the source), or list proposers")}`,
      );
    lines.push(`    status: ${m.status}`);
    if (m.evidence) lines.push(`    evidence: ${m.evidence}`);
    lines.push(`    summary: ${gap("what this source reports of the proposal, in our own words")}`);
    if (m.positions.length > 0) {
      lines.push("    positions:");
      for (const p of m.positions) lines.push(`      - actor: ${p.actor}`, `        stance: ${p.stance}`);
    }
  }
  lines.push("---", "", `${GAP}: the source's points that matter for the tracker, in our own words.`, "");
  return lines.join("\n");
}

/** A registry entry as appended to proposals.yaml (nothing else in the file is touched). */
export function renderRegistryEntry(entry: { id: string; title: string; kind: string }): string {
  return `\n- id: ${entry.id}\n  title: ${scalar(entry.title)}\n  kind: ${entry.kind}\n`;
}
