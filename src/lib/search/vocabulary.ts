import { bareWord } from "./match.ts";
import type { Model } from "../model/model.ts";
import { compareStrings } from "../text.ts";

/** A word as a name spells it, in lower case, without punctuation around it or a possessive. */
const spelt = (word: string) =>
  word
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")
    .replace(/['’]s$/u, "");

/**
 * The words of every name the site knows — actors, proposals (titles,
 * aliases, the titles sources gave them), kinds and places, in every language
 * they are given in — each once, sorted. The search page loads them only when
 * a query matched nothing as typed, to find the name a misspelt word was
 * meant to be (src/lib/search/match.ts, `correctedQuery`). Words under five
 * letters are left out: no misspelling is looked up for them. Words that are
 * a name by themselves come first, then those most names use, so of two
 * equally near words the name wins ("Украина" is "Україна", not the
 * "Украине" of one Russian title).
 */
export function searchVocabulary(model: Pick<Model, "actors" | "proposals" | "kinds" | "places">): string[] {
  const names = [
    ...model.actors.flatMap((a) => [a.name, ...(a.aliases ?? [])]),
    ...model.proposals.flatMap((p) => [p.title, ...p.aliases, ...p.alsoReportedAs]),
    ...model.kinds.flatMap((k) => [k.name, ...(k.aliases ?? [])]),
    ...model.places.flatMap((p) => [p.name, ...p.aliases]),
  ];
  const uses = new Map<string, number>();
  const wholeNames = new Set<string>();
  for (const name of names) {
    const words = [...new Set(name.split(/[\s/]+/u).map(spelt))].filter((word) => bareWord(word).length >= 5);
    if (words.length === 1 && !/\s/u.test(name.trim())) wholeNames.add(words[0] as string);
    for (const word of words) uses.set(word, (uses.get(word) ?? 0) + 1);
  }
  const rank = (word: string) => [wholeNames.has(word) ? 0 : 1, -(uses.get(word) ?? 0)] as const;
  return [...uses.keys()].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0] - rb[0] || ra[1] - rb[1] || compareStrings(a, b);
  });
}
