// @ts-check
import { defineConfig } from "astro/config";
import { unified } from "@astrojs/markdown-remark";
import sitemap from "@astrojs/sitemap";
import { rehypePlugins } from "./src/lib/markdown.ts";
import { validateContent } from "./src/integrations/validate-content.ts";
import { pagefindIndex } from "./src/integrations/pagefind.ts";

/** The public address; deployments set GT_SITE. Used for canonical URLs, the sitemap and RSS. */
const site = process.env.GT_SITE ?? "https://guarantee-tracker.example";

export default defineConfig({
  site,
  // Benchmarks and fixture builds keep their own cache, so builds of different corpora never share one.
  ...(process.env.GT_CACHE_DIR ? { cacheDir: process.env.GT_CACHE_DIR } : {}),
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "never" },
  markdown: {
    // SmartyPants is off: it parses every body again with retext (about 6% of build CPU at 1,000 articles);
    // editors type typographic quotes themselves.
    // Raw HTML in a body never enters the HTML tree (rehype-sanitize then guards what remains).
    processor: unified({ gfm: true, smartypants: false, remarkRehype: { allowDangerousHtml: false }, rehypePlugins }),
    // Bodies hold no code; Shiki's inline styles would also need CSP exceptions.
    syntaxHighlight: false,
  },
  integrations: [validateContent(), sitemap(), pagefindIndex()],
  security: {
    csp: {
      directives: [
        "default-src 'none'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "base-uri 'self'",
        "form-action 'self'",
        "manifest-src 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  devToolbar: { enabled: false },
});
