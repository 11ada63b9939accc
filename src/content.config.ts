import { defineCollection } from "astro:content";
import { file, glob } from "astro/loaders";
import { actorSchema } from "./schemas/actor";
import { articleSchema } from "./schemas/article";
import { kindSchema } from "./schemas/kind";
import { slugOf } from "./lib/corpus";
import { contentDir } from "./lib/content-files";

/** Where the corpus lives: `content/`, or GT_CONTENT_DIR (benchmarks, fixtures). */
const CONTENT = contentDir();

const articles = defineCollection({
  loader: glob({
    pattern: "*.md",
    base: `${CONTENT}/articles`,
    generateId: ({ entry }) => slugOf(entry),
    retainBody: false,
  }),
  schema: articleSchema,
});

const actors = defineCollection({ loader: file(`${CONTENT}/actors.yaml`), schema: actorSchema });

const kinds = defineCollection({ loader: file(`${CONTENT}/kinds.yaml`), schema: kindSchema });

export const collections = { articles, actors, kinds };
