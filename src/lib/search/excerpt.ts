import { NAME_BLOCKS, pagefindWords, readNamesText, type NameBlock, type NameWord } from "./names.ts";

/** What the excerpt is made from: the parts of a Pagefind result's data it needs. */
export interface ExcerptSource {
  /** The page's indexed text. */
  content: string;
  /** Where the query matched, by word position, with how much each match counts. */
  weighted_locations: readonly { location: number; balanced_score: number }[];
  /** Elements with an id, at the word position where they start; the hidden name blocks among them. */
  anchors?: readonly { id: string; location: number; text?: string }[];
}

/** A run of words, highlighted or not. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/** A name the page is found by but does not show: "Also known as UK". */
export interface ExcerptNote {
  block: NameBlock;
  /** The group's first name: the subject's own for a place or a kind. */
  name: string;
  /** The names that matched, each as words, marked where the query matched. */
  matched: ExcerptPart[][];
}

export interface ResultExcerpt {
  parts: ExcerptPart[];
  /** Words were left out before and after the excerpt. */
  cut: { before: boolean; after: boolean };
  notes: ExcerptNote[];
}

interface Region {
  block: NameBlock;
  start: number;
  words: string[];
}

const BLOCK_BY_ID = new Map(Object.entries(NAME_BLOCKS).map(([block, id]) => [id as string, block as NameBlock]));

/** A word as compared across case, punctuation around it and a possessive: `Kyiv's,` is `kyiv`. */
const bare = (word: string) =>
  word
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")
    .replace(/['’]s$/u, "");

/**
 * The excerpt of a search result without the page's hidden names: the
 * stretch of visible text where the query matches most densely (as Pagefind
 * chooses it), with the matches marked. When the query matched only hidden
 * names, the visible words that name the same thing are marked instead (the
 * page says "Odesa" where the reader typed "Odessa"), or the page's opening
 * words are shown; either way a note says which hidden name matched.
 */
export function resultExcerpt(source: ExcerptSource, length: number): ResultExcerpt {
  const words = pagefindWords(source.content);
  const regions: Region[] = [];
  for (const anchor of source.anchors ?? []) {
    const block = BLOCK_BY_ID.get(anchor.id);
    if (block) regions.push({ block, start: anchor.location, words: pagefindWords(anchor.text ?? "") });
  }
  const regionAt = (location: number) =>
    regions.find((r) => location >= r.start && location < r.start + r.words.length);

  const score = new Map<number, number>();
  const hidden = new Map<Region, Set<number>>();
  for (const { location, balanced_score } of source.weighted_locations) {
    const region = regionAt(location);
    if (region) {
      const at = hidden.get(region) ?? new Set<number>();
      at.add(location - region.start);
      hidden.set(region, at);
    } else if (location < words.length) {
      score.set(location, (score.get(location) ?? 0) + balanced_score);
    }
  }
  const visible = words.map((_, i) => i).filter((i) => !regionAt(i));
  const shownWords = new Set([...score.keys()].map((i) => bare(words[i] ?? "")));

  const notes: ExcerptNote[] = [];
  for (const region of regions) {
    const at = hidden.get(region);
    if (!at) continue;
    for (const group of readNamesText(region.words)) {
      const matched = group
        .filter((name) => name.some((w) => at.has(w.index)))
        .map((name) => name.map((w) => ({ text: w.text, mark: at.has(w.index) })));
      if (matched.length === 0) continue;
      // Where the matched name is also in the visible text, that text carries the highlight: no note.
      const unseen = matched.filter((name) => !name.every((w) => !w.mark || shownWords.has(bare(w.text))));
      // The page's own other name explains a match better than its kind's word ("reassurance force" is both).
      const named = region.block === "kind" && notes.some((n) => n.block === "names");
      if (unseen.length > 0 && !named) {
        notes.push({ block: region.block, name: texts(group[0] ?? []), matched: unseen.map(joinWords) });
      }
      if (score.size > 0 && unseen.length === 0) continue;
      // A place's names all name the same place, so the text's own name for it is marked whole; of a subject's
      // other names and a kind's words, only the words that matched, where the text has that very name.
      const names =
        region.block === "places" ? group.map((name) => name.map((w) => ({ text: w.text, mark: true }))) : matched;
      markNames(names, words, visible, score);
    }
  }
  return { ...densestWindow(words, visible, score, length), notes };
}

const texts = (name: readonly NameWord[]) => name.map((w) => w.text).join(" ");

/** Gives every visible occurrence of the names a small score on their marked words, so the excerpt shows them. */
function markNames(
  names: readonly { text: string; mark: boolean }[][],
  words: string[],
  visible: number[],
  score: Map<number, number>,
): void {
  for (const name of names) {
    const want = name.map((w) => bare(w.text));
    for (let v = 0; v + want.length <= visible.length; v++) {
      const at = visible.slice(v, v + want.length);
      if (!at.every((i, k) => bare(words[i] ?? "") === want[k])) continue;
      at.forEach((i, k) => {
        if (name[k]?.mark && !score.has(i)) score.set(i, 1);
      });
    }
  }
}

/** The `length` visible words where the scores are densest (Pagefind's rule: the middle of tied windows). */
function densestWindow(
  words: string[],
  visible: number[],
  score: Map<number, number>,
  length: number,
): Omit<ResultExcerpt, "notes"> {
  const n = visible.length;
  const size = Math.min(length, n);
  const sums = visible.map((i) => score.get(i) ?? 0);
  let sum = sums.slice(0, size).reduce((a, b) => a + b, 0);
  let best = sum;
  let bestAt = [0];
  for (let start = 1; start + size <= n; start++) {
    sum += (sums[start + size - 1] ?? 0) - (sums[start - 1] ?? 0);
    if (sum > best) {
      best = sum;
      bestAt = [start];
    } else if (sum === best && bestAt.at(-1) === start - 1) {
      bestAt.push(start);
    }
  }
  const start = best === 0 ? 0 : (bestAt[Math.floor(bestAt.length / 2)] ?? 0);
  const shown = visible.slice(start, start + size);
  const parts = joinWords(shown.map((i) => ({ text: words[i] ?? "", mark: score.has(i) })));
  return { parts, cut: { before: start > 0, after: start + size < n } };
}

/**
 * Words joined by spaces into runs of marked and unmarked text. A marked
 * word's punctuation is not marked, and neither is the space after it unless
 * the next word is marked too, so "Black Sea" is one highlight and "Odesa," is
 * highlighted without its comma.
 */
export function joinWords(words: readonly { text: string; mark: boolean }[]): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const push = (text: string, mark: boolean) => {
    if (text === "") return;
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  };
  words.forEach(({ text, mark }, k) => {
    const previous = words[k - 1];
    if (!mark) {
      push(k > 0 ? ` ${text}` : text, false);
      return;
    }
    if (previous) push(" ", previous.mark && !/[^\p{L}\p{N}]$/u.test(previous.text));
    const [, before = "", core = "", after = ""] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(text) ?? [];
    push(before, false);
    push(core, true);
    push(after, false);
  });
  return parts;
}
