import { STATUSES } from "../schemas/vocabulary.ts";
import { yearOf } from "./dates.ts";
import type { Actor } from "../schemas/actor.ts";
import type { ArticleView, Model, Proposal } from "./model.ts";
import type { SearchFacet } from "./search-params.ts";

/** What a page gives Pagefind besides its text: its type, title, date, status and facet values. */
export interface SearchFacetsInput {
  type: "proposal" | "article" | "actor";
  title: string;
  date?: string | undefined;
  status?: string | undefined;
  kinds?: readonly string[];
  actors?: readonly string[];
  statuses?: readonly string[];
}

/**
 * A page's Pagefind filters, meta and sort key as the attributes of one
 * element. Pagefind reads each value from the attribute its key names
 * (`data-pagefind-filter="kind[data-kind-0], kind[data-kind-1]"`), so a page
 * needs one element for all of them rather than one per value: Pagefind's
 * parser does the same work for every element it meets, and the fifteen or so
 * spans this replaced took about a sixth of its time on an article page.
 */
export function searchFacetAttributes(input: SearchFacetsInput): Record<string, string> {
  const { type, title, date, status, kinds = [], actors = [], statuses = [] } = input;
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
    attributes["data-pagefind-sort"] = "date[data-date]";
  }
  if (status) {
    attributes["data-status"] = status;
    meta.push("status[data-status]");
  }
  attributes["data-pagefind-filter"] = filters.join(", ");
  attributes["data-pagefind-meta"] = meta.join(", ");
  return attributes;
}

export interface FacetGroup {
  facet: SearchFacet;
  legend: string;
  options: { value: string; label: string }[];
}

/**
 * What search indexes for a proposal page: its current status, its kind and
 * every actor it involves (src/lib/involvement.ts, as actor pages and timeline
 * filters count them).
 */
export function proposalSearch(p: Proposal): SearchFacetsInput {
  return {
    type: "proposal",
    title: p.title,
    date: p.latest.date,
    status: p.status,
    kinds: [p.kind],
    actors: [...p.parts.keys()],
    statuses: [p.status],
  };
}

/** What search indexes for a source: the status each proposal has in that source, kinds and involved actors. */
export function articleSearch(a: ArticleView): SearchFacetsInput {
  return {
    type: "article",
    title: a.title,
    date: a.source.published,
    kinds: [...new Set(a.mentions.map((m) => m.kind))],
    actors: [...new Set(a.mentions.flatMap((m) => [...m.parts.keys()]))],
    statuses: [...new Set(a.mentions.map((m) => m.status))],
  };
}

/** What search indexes for an actor page. */
export function actorSearch(actor: Actor): SearchFacetsInput {
  return { type: "actor", title: actor.name, actors: [actor.id] };
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
      legend: "Status",
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
