import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";

/** The same article files as the real site, without a schema. */
const articles = defineCollection({
  loader: glob({
    pattern: "*.md",
    base: `${process.env.GT_CONTENT_DIR ?? "content"}/articles`,
    retainBody: false,
  }),
});

export const collections = { articles };
