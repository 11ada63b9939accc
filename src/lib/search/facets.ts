import { ACTOR_TYPES, STATUSES, termOf } from "../../schemas/vocabulary.ts";
import { sortKey, yearOf } from "../model/dates.ts";
import { NAME_BLOCKS, namesText, placesNamedIn, type NameBlock } from "./names.ts";
import { NAME_WEIGHTS } from "./ranking.ts";
import type { Actor } from "../../schemas/actor.ts";
import type { ArticleView, Mention, Model, Proposal } from "../model/model.ts";
import type { SearchFacet } from "./params.ts";

/** What a page gives Pagefind besides its text: its type, title, date, status, facet values and other names. */
export interface SearchFacetsInput {
  type: "proposal" | "article" | "actor";
  title: string;
  date?: string | undefined;
  status?: string | undefined;
  kinds?: readonly string[];
  actors?: readonly string[];
  statuses?: readonly string[];
  /** A few words the result shows beside its type: a proposal's kind, a source's publisher, an actor's role. */
  label?: string | undefined;
  /** The subject's other names: aliases, and the titles sources gave a proposal. */
  names?: readonly string[];
  /** A proposal's kind: its name and the words readers use for it. */
  kindNames?: readonly string[];
  /** Every name of each place the page names, one list per place. */
  places?: readonly (readonly string[])[];
}

/** What the builders look up beyond the page's own subject: kinds for their words, places for their names. */
export type SearchLookup = Pick<Model, "kindById" | "places">;

/** Sorts after every date, so pages without one (actors) come last under "newest first" instead of dropping out. */
const UNDATED = "0000-00-00";

/**
 * A page's Pagefind filters, meta and sort key as the attributes of one
 * element. Pagefind reads each value from the attribute its key names
 * (`data-pagefind-filter="kind[data-kind-0], kind[data-kind-1]"`), so a page
 * needs one element for all of them rather than one per value: Pagefind's
 * parser does the same work for every element it meets, and the fifteen or so
 * spans this replaced took about a sixth of its time on an article page.
 */
export function searchFacetAttributes(input: SearchFacetsInput): Record<string, string> {
  const { type, title, date, status, label, kinds = [], actors = [], statuses = [] } = input;
  const attributes: Record<string, string> = {};
  const filters: string[] = [];
  const facet = (name: SearchFacet, values: readonly string[]) =>
    values.forEach((value, i) => {
      attributes[`data-${name}-${i}`] = value;
      filters.push(`${name}[data-${name}-${i}]`);
    });
  facet("type", [type]);
  facet("year", date ? [yearOf(date)] : []);
  facet("kind", kinds);
  facet("actor", actors);
  facet("status", statuses);

  const meta = ["title[data-title]", "type[data-type-0]"];
  attributes["data-title"] = title;
  if (date) {
    attributes["data-date"] = date;
    meta.push("date[data-date]");
  }
  if (status) {
    attributes["data-status"] = status;
    meta.push("status[data-status]");
  }
  // An actor's names as meta too: Pagefind boosts a page whose meta field holds the query (PAGEFIND_RANKING),
  // so "NATO" finds the alliance before the many proposals named with it. Only actors: one or two words most
  // often name an actor, while proposals are named by phrases full of such words.
  if (type === "actor") {
    attributes["data-name"] = title;
    meta.push("name[data-name]");
    if (input.names?.length) {
      attributes["data-aliases"] = input.names.join(" · ");
      meta.push("aliases[data-aliases]");
    }
  }
  if (label) {
    attributes["data-label"] = label;
    meta.push("label[data-label]");
  }
  attributes["data-sort-date"] = date ? sortKey(date) : UNDATED;
  attributes["data-pagefind-sort"] = "date[data-sort-date]";
  attributes["data-pagefind-filter"] = filters.join(", ");
  attributes["data-pagefind-meta"] = meta.join(", ");
  return attributes;
}

/** The hidden elements that carry a page's other names: id, weight and text, each only when there is text. */
export function searchNameBlocks(input: SearchFacetsInput): { id: string; weight: number; text: string }[] {
  const groups: Record<NameBlock, readonly (readonly string[])[]> = {
    names: input.names?.length ? [input.names] : [],
    kind: input.kindNames?.length ? [input.kindNames] : [],
    places: input.places ?? [],
  };
  return (Object.keys(NAME_BLOCKS) as NameBlock[])
    .filter((block) => groups[block].length > 0)
    .map((block) => ({ id: NAME_BLOCKS[block], weight: NAME_WEIGHTS[block], text: namesText(groups[block]) }));
}

export interface FacetGroup {
  facet: SearchFacet;
  legend: string;
  options: { value: string; label: string }[];
}

/** Names other than `title`, each once, in order. */
function otherNames(title: string, names: readonly string[]): string[] {
  const seen = new Set([title.toLowerCase()]);
  return names.filter((name) => {
    const key = name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every name of each place named in the texts, the place's own name first. */
function placeNames(texts: readonly (string | undefined)[], lookup: SearchLookup | undefined): string[][] {
  return placesNamedIn(texts, lookup?.places ?? []).map((place) => [place.name, ...place.aliases]);
}

/** The words of a mention a page may show: its title, summary, the notes of its positions, its quotes. */
function mentionTexts(m: Mention): (string | undefined)[] {
  return [
    m.title,
    m.summary,
    m.suggestedBy,
    ...m.positions.map((position) => position.note),
    ...m.quotes.flatMap((quote) => [quote.text, quote.role]),
  ];
}

/**
 * What search indexes for a proposal page: its current status, its kind and
 * every actor it involves (src/lib/model/involvement.ts, as actor pages and timeline
 * filters count them); its aliases and the titles sources gave it; its kind's
 * words; the names of the places its mentions name. Without `lookup` the
 * kind's words and the places are left out.
 */
export function proposalSearch(p: Proposal, lookup?: SearchLookup): SearchFacetsInput {
  const kind = lookup?.kindById.get(p.kind);
  return {
    type: "proposal",
    title: p.title,
    date: p.latest.date,
    status: p.status,
    kinds: [p.kind],
    actors: [...p.parts.keys()],
    statuses: [p.status],
    label: kind?.name,
    names: otherNames(p.title, [...p.aliases, ...p.alsoReportedAs]),
    kindNames: kind ? [kind.name, ...(kind.aliases ?? [])] : [],
    places: placeNames([p.title, ...p.aliases, ...p.mentions.flatMap(mentionTexts)], lookup),
  };
}

/**
 * What search indexes for a source: the status each proposal has in that
 * source, kinds and involved actors; the names of the places its text names,
 * the Markdown `body` included. Without `lookup` the places are left out.
 */
export function articleSearch(a: ArticleView, lookup?: SearchLookup, body?: string): SearchFacetsInput {
  return {
    type: "article",
    title: a.title,
    date: a.source.published,
    kinds: [...new Set(a.mentions.map((m) => m.kind))],
    actors: [...new Set(a.mentions.flatMap((m) => [...m.parts.keys()]))],
    statuses: [...new Set(a.mentions.map((m) => m.status))],
    label: a.source.publisher,
    places: placeNames([a.title, a.summary, a.source.publisher, body, ...a.mentions.flatMap(mentionTexts)], lookup),
  };
}

/** What search indexes for an actor page: its aliases, type and role, and the places its names name. */
export function actorSearch(actor: Actor, lookup?: SearchLookup): SearchFacetsInput {
  const type = termOf(ACTOR_TYPES, actor.type).label;
  return {
    type: "actor",
    title: actor.name,
    actors: [actor.id],
    label: actor.role ? `${type} · ${actor.role}` : type,
    names: otherNames(actor.name, actor.aliases ?? []),
    places: placeNames([actor.name, ...(actor.aliases ?? []), actor.role], lookup),
  };
}

/** The search page's facets and their values, as indexed by SearchFacets. */
export function searchFacetOptions(model: Model): FacetGroup[] {
  const years = new Set<string>();
  for (const a of model.articles) years.add(yearOf(a.source.published));
  for (const p of model.proposals) years.add(yearOf(p.latest.date));
  return [
    {
      facet: "type",
      legend: "Type",
      options: [
        { value: "proposal", label: "Proposals" },
        { value: "article", label: "Sources" },
        { value: "actor", label: "Actors" },
      ],
    },
    {
      facet: "status",
      legend: "Status (a proposal's current one; a source's as it reports it)",
      options: STATUSES.map((s) => ({ value: s.id, label: s.label })),
    },
    {
      facet: "kind",
      legend: "Kind",
      options: model.kinds.map((k) => ({ value: k.id, label: k.name })),
    },
    {
      facet: "actor",
      legend: "Actor",
      options: model.actors.map((a) => ({ value: a.id, label: a.name })),
    },
    {
      facet: "year",
      legend: "Year",
      options: [...years]
        .sort()
        .reverse()
        .map((y) => ({ value: y, label: y })),
    },
  ];
}
