import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import { writeSync } from "node:fs";
import type { ServerResponse } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { validateCorpus, type CorpusResult } from "../lib/content/corpus.ts";
import { contentDir, readCorpusFiles } from "../lib/content/files.ts";
import { formatProblems } from "../lib/content/problems.ts";
import { todayUtc } from "../lib/content/rules.ts";
import { xmlEscape } from "../lib/text.ts";

/** Validates the corpus under a project root: every file against its schema and every rule across files. */
export function validateAt(root: string): CorpusResult {
  return validateCorpus(readCorpusFiles(contentDir(root), root), { today: todayUtc() });
}

/**
 * Checks the whole corpus wherever content is loaded, so a broken corpus is
 * one report — every file, field path, expectation and finding — and nothing
 * half-valid is published. `astro build`, `astro check` and `astro sync` stop
 * before loading anything, with the report alone (no hook wrapper, no stack).
 * `astro dev` checks again on every save under the content directory: while
 * the corpus is broken the report is in the terminal, in the browser's error
 * overlay and in place of every page; the next good save reloads the site.
 */
export function validateContent(): AstroIntegration {
  let root = process.cwd();
  let base = "/";
  let broken: string | null = null;
  const check = (logger: AstroIntegrationLogger): boolean => {
    const result = validateAt(root);
    broken = result.ok ? null : formatProblems(result.problems);
    if (result.ok) {
      const { articles, actors, kinds, proposals } = result.corpus;
      logger.info(
        `content is valid: ${articles.length} articles, ${proposals.length} proposals, ${actors.length} actors, ${kinds.length} kinds`,
      );
    }
    return result.ok;
  };
  return {
    name: "guarantee-tracker:validate-content",
    hooks: {
      "astro:config:setup": ({ config, command, logger, updateConfig }) => {
        root = fileURLToPath(config.root);
        // A build checks the rules again on what the loaders read (src/lib/query.ts); see src/build-constants.d.ts.
        updateConfig({ vite: { define: { __GT_CHECK_LOADED__: JSON.stringify(command === "build") } } });
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
        if (check(logger) || broken === null) return;
        if (command === "dev") {
          logger.error(broken);
          return;
        }
        // Written synchronously, then exit: the report is the whole message, and a pipe gets all of it.
        writeSync(2, `\n${broken}\n\n`);
        process.exit(1);
      },
      "astro:server:setup": ({ server, logger }) => {
        const dir = contentDir(root);
        let timer: NodeJS.Timeout | undefined;
        const recheck = () => {
          const wasBroken = broken !== null;
          if (!check(logger)) {
            logger.error(broken ?? "");
            server.hot.send({ type: "error", err: { message: broken ?? "", stack: "" } });
          } else if (wasBroken) server.hot.send({ type: "full-reload" });
        };
        server.watcher.add(dir);
        server.watcher.on("all", (_event, changed) => {
          if (path.relative(dir, changed).startsWith("..")) return;
          clearTimeout(timer);
          timer = setTimeout(recheck, 100);
        });
        // While the corpus is broken, every page is the report: a reload never shows half-valid content. The
        // report asks STATE whether the corpus is valid again, so it recovers even when it loaded after the
        // reload message was sent (a tab reloading while the fix was being checked).
        server.middlewares.use((req, res: ServerResponse, next) => {
          if ((req.url ?? "").split("?")[0] === `${base}${STATE}`) {
            res.setHeader("content-type", "text/plain; charset=utf-8");
            res.setHeader("cache-control", "no-store");
            res.end(broken === null ? "valid" : "broken");
            return;
          }
          if (broken === null || !(req.headers.accept ?? "").includes("text/html")) return next();
          res.statusCode = 500;
          res.setHeader("content-type", "text/html; charset=utf-8");
          res.end(reportPage(broken, base));
        });
      },
    },
  };
}

/** Where the dev server says whether the corpus is valid (`valid` or `broken`), under the site's base. */
const STATE = "__guarantee-tracker/content-state";

/**
 * The page served in place of every page while the corpus is broken: the dev client shows the overlay and
 * reloads on the next good save, and the page itself asks every half second whether the corpus is valid again
 * and then reloads, so it never stays on a report that no longer holds. Dev only: no build ships it.
 */
function reportPage(report: string, base: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Content problems</title>
<script type="module" src="${base}@vite/client"></script>
<script type="module">
const poll = async () => {
  try {
    const state = await (await fetch(${JSON.stringify(`${base}${STATE}`)}, { cache: "no-store" })).text();
    if (state === "valid") return location.reload();
  } catch {}
  setTimeout(poll, 500);
};
setTimeout(poll, 500);
</script></head>
<body><h1>The content has problems</h1><pre id="content-report">${xmlEscape(report)}</pre></body></html>`;
}
