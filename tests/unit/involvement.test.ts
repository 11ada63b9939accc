import { describe, expect, it } from "vitest";
import { buildModel } from "../../src/lib/model/model.ts";
import { filterOptions } from "../../src/lib/views/timeline.ts";
import { proposalSearch, articleSearch } from "../../src/lib/search/facets.ts";
import { AFFILIATED_ACTORS, KINDS, REGISTRY, article, proposal } from "./fixtures.ts";

const ACTORS = AFFILIATED_ACTORS;

const model = buildModel({
  actors: ACTORS,
  kinds: KINDS,
  registry: REGISTRY,
  articles: [
    article("a", "2025-08-16", [
      proposal({
        proposers: ["united-states"],
        positions: [{ actor: "russia", stance: "opposes" }],
        quotes: [{ text: "Yes.", speaker: "Giorgia Meloni", speaker_id: "giorgia-meloni" }],
      }),
    ]),
    article("b", "2025-09-01", [proposal({ id: "reassurance-force", proposers: ["willing"] })]),
  ],
});

describe("who a proposal involves, and how", () => {
  const a5 = model.proposalById.get("article-5-like-guarantee");
  const force = model.proposalById.get("reassurance-force");

  it("takes the direct roles from the mention", () => {
    expect([...(a5?.parts.get("united-states")?.roles ?? [])]).toEqual(["proposer"]);
    expect([...(a5?.parts.get("russia")?.roles ?? [])]).toEqual(["position"]);
    expect([...(a5?.parts.get("giorgia-meloni")?.roles ?? [])]).toEqual(["speaker"]);
  });

  it("includes a person's words on the page of the state they represent", () => {
    const italy = a5?.parts.get("italy");
    expect([...(italy?.roles ?? [])]).toEqual(["through-person"]);
    expect([...(italy?.via ?? [])]).toEqual(["giorgia-meloni"]);
  });

  it("lists a coalition's proposals for its members, through the coalition", () => {
    const uk = force?.parts.get("united-kingdom");
    expect([...(uk?.roles ?? [])]).toEqual(["through-coalition"]);
    expect([...(uk?.via ?? [])]).toEqual(["willing"]);
  });
});

describe("one definition, one count", () => {
  const options = filterOptions(model);
  it.each(ACTORS.map((a) => a.id))("%s: actor page, timeline filter and search facets agree", (id) => {
    const index = model.involvement.get(id);
    const proposalsByFacet = model.proposals.filter((p) => proposalSearch(p).actors?.includes(id)).map((p) => p.id);
    const articlesByFacet = model.articles.filter((a) => articleSearch(a).actors?.includes(id)).map((a) => a.slug);
    const timeline = options.actor.find((o) => o.filter.value === id)?.entries.map((e) => e.article.slug) ?? [];
    expect(proposalsByFacet.sort()).toEqual([...(index?.proposals.keys() ?? [])].sort());
    expect(articlesByFacet.sort()).toEqual([...(index?.articles ?? [])].sort());
    expect(timeline.sort()).toEqual([...(index?.articles ?? [])].sort());
  });
});
