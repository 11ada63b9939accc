import { defineCollection } from "astro:content";
import { file } from "astro/loaders";
import { actorSchema } from "./schemas/actor.ts";
import { kindSchema } from "./schemas/kind.ts";
import { articlesLoader } from "./lib/articles-loader.ts";
import { contentDir } from "./lib/content-files.ts";

/** Where the corpus lives: `content/`, or GT_CONTENT_DIR (benchmarks, fixtures). */
const CONTENT = contentDir();

// The articles loader brings the article schema with it: the one validate-content checks the corpus against.
const articles = defineCollection({
  loader: articlesLoader(`${CONTENT}/articles`),
});

const actors = defineCollection({
  loader: file(`${CONTENT}/actors.yaml`),
  schema: actorSchema,
});

const kinds = defineCollection({
  loader: file(`${CONTENT}/kinds.yaml`),
  schema: kindSchema,
});

export const collections = { articles, actors, kinds };
