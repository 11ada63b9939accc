import { existsSync } from "node:fs";
import { defineCollection } from "astro:content";
import { file, glob } from "astro/loaders";
import { actorSchema } from "./schemas/actor.ts";
import { articleSchema } from "./schemas/article.ts";
import { kindSchema } from "./schemas/kind.ts";
import { placeSchema } from "./schemas/place.ts";
import { registryEntrySchema } from "./schemas/registry.ts";
import { CONTENT_DIR, LIST_FILES, type ListName } from "./lib/content/files.ts";
import { slugOf } from "./lib/content/corpus.ts";
import { yamlFileParser } from "./lib/content/parse.ts";

// Paths are relative to the project root (the config's `root`), as the loaders resolve them. The whole corpus
// was validated before anything loads (src/integrations/validate-content.ts).

/** A YAML list, read by the same parser as validation's. */
const list = (name: ListName) => {
  const path = `${CONTENT_DIR}/${LIST_FILES[name]}`;
  return file(path, { parser: yamlFileParser(path) });
};

const articles = defineCollection({
  // The id is the file name without its date prefix and `.md`: the article's permalink slug.
  loader: glob({ pattern: "*.md", base: `${CONTENT_DIR}/articles`, generateId: ({ entry }) => slugOf(entry) }),
  schema: articleSchema,
});

export const collections = {
  articles,
  actors: defineCollection({ loader: list("actors"), schema: actorSchema }),
  kinds: defineCollection({ loader: list("kinds"), schema: kindSchema }),
  proposals: defineCollection({ loader: list("proposals"), schema: registryEntrySchema }),
  // places.yaml is the project's optional extension: without it there are no places.
  places: defineCollection({
    loader: existsSync(`${CONTENT_DIR}/${LIST_FILES.places}`) ? list("places") : () => [],
    schema: placeSchema,
  }),
};
