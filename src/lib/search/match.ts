import { distance } from "fastest-levenshtein";
import { NAME_BLOCKS, pagefindWords, readNamesText } from "./names.ts";
import type { ExcerptSource } from "./excerpt.ts";

/**
 * Whether a search found what was typed. Pagefind matches each query word as
 * a prefix and, when no indexed word starts with it, falls back to the
 * longest prefix of it that is a word of the index: "Tomahawk" finds pages
 * for "to", "Crimea" for the "c" of "c.". Its result data says which words
 * matched (word positions in the page's text), so each is compared with the
 * query word it stands for: the search page shows results only when every
 * query word matched itself, a longer word or an inflection of it, and offers
 * the rest as suggestions.
 */

/** A word as compared: lower case, no accents, no punctuation around it, no possessive ("Kyiv's," is "kyiv"). */
export function bareWord(word: string): string {
  return (
    word
      .normalize("NFKD")
      // Combining marks go, except the breve that makes Cyrillic й (и + breve) a letter of its own.
      .replace(/(?!\u0306)\p{M}/gu, "")
      .normalize("NFC")
      .toLowerCase()
      .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")
      .replace(/['’]s$/u, "")
  );
}

/** The words of a query as compared, each once; a hyphen joins words as Pagefind keeps them ("no-fly"). */
export function queryWords(q: string): string[] {
  return [...new Set(q.split(/[\s,;:!?()"“”«»]+/u).map(bareWord))].filter((w) => w !== "");
}

/** Characters of `a` and `b` that agree from the start. */
function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Whether `found`, a word Pagefind matched, stands for the query word `typed`
 * rather than for a fragment of it: it starts with what was typed ("Crim" →
 * "Crimea", "UK" → "UK"), or it is an inflection — at least four letters in
 * common and at most two letters fewer of the query's own left over
 * ("guarantees" → "guarantee", "Україною" → "України", "policies" → "policy").
 * "Tomahawk" → "to", "Crimea" → "c." and "Donetsk" → "done" are fragments.
 */
export function isWordMatch(typed: string, found: string): boolean {
  const q = bareWord(typed);
  const f = bareWord(found);
  if (q === "" || f === "") return false;
  if (f.startsWith(q)) return true;
  const common = commonPrefix(q, f);
  return common >= 4 && q.length - common <= common - 2;
}

/** What a result says about a search: which query words it matched as typed, and which only by a fragment. */
export interface ResultMatch {
  /** Every query word matched a word of the page that stands for it. */
  strong: boolean;
  /** The query words the page matched only by a fragment, or not at all. */
  missing: string[];
}

/** Compares the words a result matched (its `weighted_locations` in its `content`) with the query's words. */
export function resultMatch(source: Pick<ExcerptSource, "content" | "weighted_locations">, q: string): ResultMatch {
  const words = pagefindWords(source.content);
  const matched = source.weighted_locations.map(({ location }) => words[location] ?? "");
  const missing = queryWords(q).filter((typed) => !matched.some((found) => isWordMatch(typed, found)));
  return { strong: missing.length === 0, missing };
}

/**
 * How far a word may be from a known word to count as its misspelling:
 * none under five letters (short words have too many neighbours), one edit
 * at five, two from six ("reasurance" → "reassurance", "Зеленский" →
 * "зеленський", "Россия" → "росія").
 */
export function allowedEdits(word: string): number {
  if (word.length < 5) return 0;
  return word.length < 6 ? 1 : 2;
}

/**
 * The query with each of `words` that is no known word replaced by the
 * nearest known word within `allowedEdits`, compared without case or accents
 * (ties: the first in `known`, which lists the most used words first), or
 * null when nothing changed. `known` is the search vocabulary: the words of
 * every name the site knows (src/lib/search/vocabulary.ts).
 */
export function correctedQuery(q: string, words: readonly string[], known: readonly string[]): string | null {
  const bareKnown = known.map((word) => ({ word, bare: bareWord(word) }));
  const knownSet = new Set(bareKnown.map((k) => k.bare));
  const replacements = new Map<string, string>();
  for (const word of words) {
    const bare = bareWord(word);
    const edits = allowedEdits(bare);
    if (edits === 0 || knownSet.has(bare)) continue;
    let best: string | undefined;
    let bestDistance = edits + 1;
    for (const candidate of bareKnown) {
      if (Math.abs(candidate.bare.length - bare.length) >= bestDistance) continue;
      const d = distance(bare, candidate.bare);
      if (d < bestDistance) {
        best = candidate.word;
        bestDistance = d;
      }
    }
    if (best) replacements.set(bare, best);
  }
  if (replacements.size === 0) return null;
  return q
    .split(/(\s+)/u)
    .map((part) => replacements.get(bareWord(part)) ?? part)
    .join("");
}

/** What a result is called: its title and its other names (the hidden `search-names` block). */
export interface NamedSource {
  meta: { title?: string | undefined };
  anchors?: ExcerptSource["anchors"];
}

/** A name as compared: its words, bare, joined by one space. */
const nameKey = (name: string) => pagefindWords(name).map(bareWord).filter(Boolean).join(" ");

/** Whether the query is, word for word, the page's title or one of its other names ("UK", "Britain"). */
export function isNamedBy(source: NamedSource, q: string): boolean {
  const key = nameKey(q);
  if (key === "") return false;
  if (source.meta.title !== undefined && nameKey(source.meta.title) === key) return true;
  return blockNames(source, NAME_BLOCKS.names).some((group) => group.some((name) => nameKey(name) === key));
}

/** The words of every name in a hidden name block of the page, group by group ("Odesa · Odessa ¦ Kyiv · Kiev"). */
function blockNames(source: NamedSource, id: string): string[][] {
  const block = source.anchors?.find((a) => a.id === id);
  return readNamesText(pagefindWords(block?.text ?? "")).map((group) => group.map((name) => texts(name)));
}
const texts = (words: readonly { text: string }[]) => words.map((w) => w.text).join(" ");

/** Whether every query word is a word of one of `names`. */
function holdsWords(names: readonly string[], q: string): boolean {
  const words = names.flatMap((name) => pagefindWords(name));
  return queryWords(q).every((typed) => words.some((word) => isWordMatch(typed, word)));
}

/** Whether every query word is a word of the page's own names: its title and its other names. */
export function isNamedWith(source: NamedSource, q: string): boolean {
  return holdsWords([source.meta.title ?? "", ...blockNames(source, NAME_BLOCKS.names).flat()], q);
}

/**
 * Whether every query word is a word of the names of a place the page's
 * title names: an article titled "Berlin talks" is about Berlin, also
 * written Берлін.
 */
export function isAboutPlace(source: NamedSource, q: string): boolean {
  const title = ` ${nameKey(source.meta.title ?? "")} `;
  return blockNames(source, NAME_BLOCKS.places).some(
    (group) => group.some((name) => title.includes(` ${nameKey(name)} `)) && holdsWords(group, q),
  );
}

/**
 * The results in four ranks, each in Pagefind's order: the pages the query
 * names word for word, the pages whose own names hold its words, the pages
 * titled with a place it names, then the pages that mention them. Pagefind boosts a page whose name merely
 * starts with the query ("UK" and "Ukraine Compact") as much as one whose
 * name is the query, and a passing mention of an exact word over a page named
 * with a longer form of it ("Донбасс" and "Донбасса").
 */
export function namedFirst<T extends NamedSource>(results: readonly T[], q: string): T[] {
  const rank = (r: T) => (isNamedBy(r, q) ? 0 : isNamedWith(r, q) ? 1 : isAboutPlace(r, q) ? 2 : 3);
  return results
    .map((r, i) => ({ r, i, rank: rank(r) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map(({ r }) => r);
}
