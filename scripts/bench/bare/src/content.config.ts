import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";

/** The same article files as the real site, the same ids (the file name without its date), without a schema. */
const articles = defineCollection({
  loader: glob({
    pattern: "*.md",
    base: `${process.env.GT_CONTENT_DIR ?? "content"}/articles`,
    generateId: ({ entry }) => entry.replace(/^\d{4}-\d{2}-\d{2}-/, "").replace(/\.md$/, ""),
  }),
});

export const collections = { articles };
