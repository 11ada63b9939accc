// @ts-check
/**
 * The benchmark's floor: a bare Astro site that writes the same URLs as the
 * full site with nothing of ours: the articles through the glob() loader and
 * Astro's default Markdown processor (Sätteri, no plugins), every other URL from one
 * plain template listing the same links (src/routes.ts), and Pagefind over
 * the same pages. The benchmark copies this directory and builds it there.
 */
import { defineConfig } from "astro/config";
import { pagefindIndex } from "./src/pagefind.ts";

export default defineConfig({
  site: "https://bare.example",
  trailingSlash: "always",
  build: { format: "directory" },
  ...(process.env.GT_CACHE_DIR ? { cacheDir: process.env.GT_CACHE_DIR } : {}),
  integrations: [pagefindIndex()],
  // Astro 7's default processor (Sätteri) with no plugins, so the ratio to the full site measures all we add,
  // our choice of unified included (docs/performance.md says why the site keeps it). No highlighting, as the site.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
});
