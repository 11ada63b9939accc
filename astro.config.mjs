// @ts-check
import { writeSync } from "node:fs";
import { defineConfig } from "astro/config";
import sitemap from "@astrojs/sitemap";
import { unified } from "@astrojs/markdown-remark";
import { validateContent } from "./src/integrations/validate-content.ts";
import { pagefindIndex } from "./src/integrations/pagefind.ts";
import { publishAtomically } from "./src/integrations/publish.ts";
import { buildEnvironment, EnvironmentError } from "./src/integrations/environment.ts";
import { markdownOptions } from "./src/lib/content/markdown.ts";

/**
 * The public address; deployments set GT_SITE. Used for canonical URLs, citations, feeds and the sitemap; a path
 * in it (`https://example.org/sub/`) is the base every internal link is under. Checked with SOURCE_DATE_EPOCH
 * (src/integrations/environment.ts): a value a build cannot use stops it with a message naming the variable.
 */
const { site, base } = (() => {
  try {
    return buildEnvironment(process.env);
  } catch (error) {
    if (!(error instanceof EnvironmentError)) throw error;
    writeSync(2, `\n${error.message}\n\n`);
    process.exit(1);
  }
})();

const SHARED_STYLES =
  /\/src\/(styles\/[^/]+\.css$|(layouts\/Base|components\/(CiteLink|Citation|CorrectionList|DiffersMark|EvidenceLabel|MentionDates|StanceLabel|TermValue|Pagination|QuoteList|StancesList))\.astro\?astro&type=style)/;

/** Scripts up to this size are written into their page (bytes, minified). */
const INLINE_SCRIPT_LIMIT = 20 * 1024;

export default defineConfig({
  site,
  base,
  // The base with a trailing slash for src/lib/views/urls.ts and the search script (see src/build-constants.d.ts).
  vite: {
    define: { __GT_BASE__: JSON.stringify(base === "/" ? "/" : `${base}/`) },
    // One stylesheet for the layout and the small components most pages show: the page budget counts each linked
    // file, and a dozen small ones gzip to a third more than the same rules in one.
    build: {
      rollupOptions: { output: { manualChunks: (id) => (SHARED_STYLES.test(id) ? "site" : undefined) } },
      // The search page's script (the site's only one) is written into the page, so a slow phone starts the
      // search as soon as the page is parsed rather than after its first layout (docs/performance.md).
      assetsInlineLimit: (file, content) =>
        (file.endsWith(".js") && content.length <= INLINE_SCRIPT_LIMIT) || undefined,
    },
  },
  // Benchmarks and fixture builds keep their own cache, so builds of different corpora never share one.
  ...(process.env.GT_CACHE_DIR ? { cacheDir: process.env.GT_CACHE_DIR } : {}),
  trailingSlash: "always",
  // Four pages at a time: rendering otherwise waits on each page's file writes (a third faster at 3,000 articles).
  build: { format: "directory", inlineStylesheets: "never", concurrency: 4 },
  // Components' scoped styles add no specificity (:where), so the cascade is the one their rules are written for.
  scopedStyleStrategy: "where",
  // publishAtomically last: it swaps the finished site into place after the sitemap and Pagefind have run.
  integrations: [validateContent(), sitemap(), pagefindIndex(), publishAtomically()],
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
  // Article bodies: Astro's remark/rehype pipeline with the project's plugins (src/lib/content/markdown.ts).
  // No syntax highlighting: Shiki's inline styles would break the CSP, and no body needs it.
  markdown: { processor: unified(markdownOptions), syntaxHighlight: false },
  devToolbar: { enabled: false },
  // JSON Schemas of the collections in .astro/, for front-matter completion in editors (.vscode/settings.json).
  experimental: { contentIntellisense: true },
});
