import type { AstroIntegration } from "astro";
import { fileURLToPath } from "node:url";
import path from "node:path";
import * as pagefind from "pagefind";

/** Pagefind over the built site through its Node API, as src/integrations/pagefind.ts does for the real site. */
export function pagefindIndex(): AstroIntegration {
  return {
    name: "bench-bare:pagefind",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({
          forceLanguage: "en",
          rootSelector: "[data-pagefind-body]",
        });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
        // The same pages as the full site indexes.
        const added = await index.addDirectory({ path: site, glob: "{articles,proposals,actors}/*/index.html" });
        if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join("; ")}`);
        const written = await index.writeFiles({ outputPath: path.join(site, "pagefind") });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write: ${written.errors.join("; ")}`);
        await pagefind.close();
        const ms = Math.round(performance.now() - started);
        logger.info(`indexed ${added.page_count} pages in ${ms} ms`);
      },
    },
  };
}
