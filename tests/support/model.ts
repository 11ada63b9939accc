import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { contentDir, readCorpusFiles } from "../../src/lib/content/files.ts";
import { validateCorpus } from "../../src/lib/content/corpus.ts";
import { buildModel, type Model } from "../../src/lib/model/model.ts";
import { formatProblems } from "../../src/lib/content/problems.ts";
import { todayUtc } from "../../src/lib/content/rules.ts";
import { filterOptions } from "../../src/lib/views/timeline.ts";
import { ROOT } from "./site.ts";

/**
 * The model the site is built from, computed with the project's own
 * validation and merge: what the gates expect to find in dist/.
 * `dir` is a corpus directory relative to the root (default: content/ or GT_CONTENT_DIR).
 */
export function loadModel(dir?: string): Model {
  const files = readCorpusFiles(dir === undefined ? contentDir(ROOT) : path.resolve(ROOT, dir), ROOT);
  const result = validateCorpus(files, { today: todayUtc() });
  if (!result.ok) throw new Error(`the corpus is invalid:\n${formatProblems(result.problems)}`);
  return buildModel({
    articles: result.corpus.articles.map((a) => ({ slug: a.slug, data: a.data })),
    actors: result.corpus.actors,
    kinds: result.corpus.kinds,
    registry: result.corpus.proposals,
    places: result.corpus.places,
  });
}

/** Every file of the corpus as one text: to check that a word is nowhere in it. */
export function readCorpusText(dir = contentDir(ROOT)): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), "utf8"))
    .join("\n");
}

/** One page of each type, for the browser and accessibility gates. */
export interface PageType {
  name: string;
  url: string;
}

/** A representative page of every page type of a site built from `model`. */
export function pageTypes(model: Model): PageType[] {
  const proposal = model.proposalById.get("article-5-like-guarantee") ?? model.proposals[0];
  const article = proposal?.latest.article ?? model.articles[0];
  const actor = model.actors.find((a) => a.id === "united-states") ?? model.actors[0];
  const kind = proposal ? proposal.kind : model.kinds[0]?.id;
  const person = model.actors.find((a) => a.type === "person" && a.represents && model.involvement.has(a.id));
  const status = filterOptions(model).status[0];
  if (!proposal || !article || !actor || !kind || !status) throw new Error("the corpus is too small for page types");
  return [
    { name: "home", url: "/" },
    { name: "timeline", url: "/timeline/" },
    { name: "filtered timeline", url: `/timeline/status/${status.filter.value}/` },
    { name: "proposals", url: "/proposals/" },
    { name: "proposals by current status", url: `/proposals/status/${proposal.status}/` },
    { name: "proposal", url: `/proposals/${proposal.id}/` },
    { name: "compare", url: "/proposals/compare/" },
    { name: "article", url: `/articles/${article.slug}/` },
    { name: "actors", url: "/actors/" },
    { name: "actor", url: `/actors/${actor.id}/` },
    ...(person ? [{ name: "person", url: `/actors/${person.id}/` }] : []),
    { name: "kinds", url: "/kinds/" },
    { name: "kind", url: `/kinds/${kind}/` },
    { name: "about", url: "/about/" },
    { name: "sourcing policy", url: "/about/sourcing/" },
    { name: "data", url: "/data/" },
    { name: "search", url: "/search/?q=nato" },
    { name: "404", url: "/no-such-page/" },
  ];
}
