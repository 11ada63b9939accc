import type { AstroIntegration } from "astro";
import { fileURLToPath } from "node:url";
import { validateCorpus } from "../lib/corpus.ts";
import { contentDir, readCorpusFiles } from "../lib/content-files.ts";
import { prepareArticles } from "../lib/prepared-articles.ts";
import { ContentError } from "../lib/problems.ts";
import { todayUtc } from "../lib/rules.ts";

/**
 * Validates the whole corpus before Astro loads it, so a broken corpus stops
 * the build once, listing every problem, and nothing half-valid is published.
 */
export function validateContent(): AstroIntegration {
  return {
    name: "guarantee-tracker:validate-content",
    hooks: {
      "astro:config:setup": ({ config, logger }) => {
        const root = fileURLToPath(config.root);
        const files = readCorpusFiles(contentDir(root), root);
        const result = validateCorpus(files, { today: todayUtc() });
        if (!result.ok) throw new ContentError(result.problems);
        prepareArticles(result.corpus.articles);
        logger.info(
          `content is valid: ${result.corpus.articles.length} articles, ${result.corpus.actors.length} actors, ${result.corpus.kinds.length} kinds`,
        );
      },
    },
  };
}
