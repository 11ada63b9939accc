import type { AstroIntegration } from "astro";
import { fileURLToPath } from "node:url";
import { validateCorpus } from "../lib/corpus.ts";
import { contentDir, readCorpusFiles } from "../lib/content-files.ts";
import { articlePagesLast, startRendering } from "../lib/article-bodies.ts";
import { prepareArticles } from "../lib/prepared-articles.ts";
import { ContentError } from "../lib/problems.ts";
import { todayUtc } from "../lib/rules.ts";

/**
 * Validates the whole corpus before Astro loads it, so a broken corpus stops
 * the build once, listing every problem, and nothing half-valid is published.
 * What it read goes on: the front matter to the articles loader
 * (prepared-articles.ts), the bodies to be rendered while the build goes on
 * (article-bodies.ts; in worker processes for a large corpus, on `astro build` only),
 * and the article pages are rendered last, when most bodies are ready.
 */
export function validateContent(): AstroIntegration {
  return {
    name: "guarantee-tracker:validate-content",
    hooks: {
      "astro:config:setup": ({ config, command, logger }) => {
        const root = fileURLToPath(config.root);
        const files = readCorpusFiles(contentDir(root), root);
        const result = validateCorpus(files, { today: todayUtc() });
        if (!result.ok) throw new ContentError(result.problems);
        prepareArticles(result.corpus.articles);
        startRendering(result.corpus.articles, { render: command === "build" });
        logger.info(
          `content is valid: ${result.corpus.articles.length} articles, ${result.corpus.actors.length} actors, ${result.corpus.kinds.length} kinds`,
        );
      },
      "astro:build:start": ({ setPrerenderer }) => {
        setPrerenderer((prerenderer) => ({
          ...prerenderer,
          getStaticPaths: async () => articlePagesLast(await prerenderer.getStaticPaths()),
        }));
      },
    },
  };
}
