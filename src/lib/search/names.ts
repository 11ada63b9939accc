import type { Place } from "../../schemas/place.ts";

/**
 * A page's other names — its subject's aliases, its kind's words, every name
 * of the places it names — ride in hidden elements of its indexed region, so
 * Pagefind matches and weighs them like text while readers never see them.
 * Each element has one of these ids: Pagefind lists it among the page's
 * anchors with its text and word position, which is how the search page keeps
 * those words out of excerpts (src/lib/search/excerpt.ts).
 */
export const NAME_BLOCKS = {
  /** The subject's own other names: aliases, and the titles sources gave a proposal. */
  names: "search-names",
  /** A proposal's kind: its name and the words readers use for it. */
  kind: "search-kind",
  /** Every name of each place the page names. */
  places: "search-places",
} as const;
export type NameBlock = keyof typeof NAME_BLOCKS;

/** Words of their own between two names of a group and between two groups; neither occurs in a name. */
export const NAME_SEPARATOR = "·";
export const GROUP_SEPARATOR = "¦";

/** Writes groups of names as one text: `Odesa · Odessa ¦ Kyiv · Kiev`. */
export function namesText(groups: readonly (readonly string[])[]): string {
  return groups
    .map((group) => group.map((name) => name.replace(/\s+/g, " ").trim()).join(` ${NAME_SEPARATOR} `))
    .join(` ${GROUP_SEPARATOR} `);
}

/** Splits text into words as Pagefind does when it numbers word positions. */
export function pagefindWords(text: string): string[] {
  return text.split(/[^\S\uFEFF]+/).filter((w) => w !== "");
}

/** A word of a names text and its position among the text's words. */
export interface NameWord {
  text: string;
  index: number;
}

/** Reads a names text back from its words (as Pagefind numbers them): groups of names, each name its words. */
export function readNamesText(words: readonly string[]): NameWord[][][] {
  const groups: NameWord[][][] = [[[]]];
  words.forEach((text, index) => {
    const group = groups.at(-1) as NameWord[][];
    if (text === GROUP_SEPARATOR) groups.push([[]]);
    else if (text === NAME_SEPARATOR) group.push([]);
    else group.at(-1)?.push({ text, index });
  });
  return groups.map((group) => group.filter((name) => name.length > 0)).filter((group) => group.length > 0);
}

/** Names compiled into one pattern, per places list: a build matches every page against the same list. */
const matchers = new WeakMap<readonly Place[], { pattern: RegExp; byName: Map<string, Place> }>();

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const normalise = (s: string) => s.replace(/\s+/g, " ").toLowerCase();

function matcherFor(places: readonly Place[]) {
  let matcher = matchers.get(places);
  if (!matcher) {
    const byName = new Map<string, Place>();
    for (const place of places) for (const name of [place.name, ...place.aliases]) byName.set(normalise(name), place);
    // Longest first, so `Black Sea` wins over a shorter name it starts with; a line break may fall between words.
    const names = [...byName.keys()].sort((a, b) => b.length - a.length);
    const alternatives = names.map((n) => n.split(" ").map(escapeRegExp).join("\\s+"));
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "giu");
    matcher = { pattern, byName };
    matchers.set(places, matcher);
  }
  return matcher;
}

/**
 * The places named in any of the texts, by name or alias, whole words only and
 * in any case, in the order of the places list.
 */
export function placesNamedIn(texts: readonly (string | undefined)[], places: readonly Place[]): Place[] {
  if (places.length === 0) return [];
  const { pattern, byName } = matcherFor(places);
  const found = new Set<Place>();
  for (const text of texts) {
    if (!text) continue;
    for (const match of text.matchAll(pattern)) {
      const place = byName.get(normalise(match[0]));
      if (place) found.add(place);
    }
  }
  return places.filter((p) => found.has(p));
}
