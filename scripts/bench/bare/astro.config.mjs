// @ts-check
/**
 * The benchmark's floor: a bare Astro site that writes the same URLs as the
 * full site with nothing of ours: the articles through the glob() loader and
 * Astro's unified Markdown processor (no plugins), every other URL from one
 * plain template listing the same links (src/routes.ts), and Pagefind over
 * the same pages. The benchmark copies this directory and builds it there.
 */
import { defineConfig } from "astro/config";
import { unified } from "@astrojs/markdown-remark";
import { pagefindIndex } from "./src/pagefind.ts";

export default defineConfig({
  site: "https://bare.example",
  trailingSlash: "always",
  build: { format: "directory" },
  ...(process.env.GT_CACHE_DIR ? { cacheDir: process.env.GT_CACHE_DIR } : {}),
  integrations: [pagefindIndex()],
  // Astro's unified (remark/rehype) processor with no plugins, the path the site's stack prescribes; Astro 7's
  // default is Satteri, a native parser the site does not use.
  markdown: { processor: unified(), syntaxHighlight: false },
  devToolbar: { enabled: false },
});
