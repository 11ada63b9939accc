import { STATUSES } from "../schemas/vocabulary.ts";
import type { Model } from "./model.ts";
import type { SearchFacet } from "./search-params.ts";

export interface FacetGroup {
  facet: SearchFacet;
  legend: string;
  options: { value: string; label: string }[];
}

/** The search page's facets and their values, as indexed by SearchFacets. */
export function searchFacetOptions(model: Model): FacetGroup[] {
  const years = new Set<string>();
  for (const a of model.articles) years.add(a.source.published.slice(0, 4));
  for (const p of model.proposals) years.add(p.latest.date.slice(0, 4));
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
