import type { AstroIntegration } from "astro";
import { fileURLToPath } from "node:url";
import path from "node:path";
import * as pagefind from "pagefind";

/**
 * Indexes the built site with Pagefind's Node API once Astro has written it.
 * Pages opt in with `data-pagefind-body` on each region to index; the index
 * goes to `dist/pagefind/`.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: "guarantee-tracker:pagefind",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({
          forceLanguage: "en",
          // Only the indexed regions are read: Pagefind's parser works on every element it is given, and the
          // head, navigation, footer and the lists search skips would otherwise be most of a page's elements.
          rootSelector: "[data-pagefind-body]",
        });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
        // Only the page types that carry data-pagefind-body: Pagefind would otherwise parse every
        // timeline, table and source-list page only to drop it.
        const added = await index.addDirectory({ path: site, glob: "{articles,proposals,actors}/*/index.html" });
        if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join("; ")}`);
        const written = await index.writeFiles({
          outputPath: path.join(site, "pagefind"),
        });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write: ${written.errors.join("; ")}`);
        await pagefind.close();
        const ms = Math.round(performance.now() - started);
        logger.info(`indexed ${added.page_count} pages in ${ms} ms`);
      },
    },
  };
}
