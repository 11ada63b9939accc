// @ts-check
/**
 * The benchmark's floor: a bare Astro site over the same Markdown, one plain
 * page per article, indexed by Pagefind's Node API like the real site. The
 * benchmark copies this directory into a temporary one and builds it there.
 */
import { defineConfig } from "astro/config";
import { pagefindIndex } from "./src/pagefind.ts";

export default defineConfig({
  site: "https://bare.example",
  ...(process.env.GT_CACHE_DIR ? { cacheDir: process.env.GT_CACHE_DIR } : {}),
  integrations: [pagefindIndex()],
  devToolbar: { enabled: false },
});
