import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import { writeSync } from "node:fs";
import type { ServerResponse } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { validateCorpus, type CorpusResult } from "../lib/content/corpus.ts";
import { contentDir, readCorpusFiles } from "../lib/content/files.ts";
import { formatProblems } from "../lib/content/problems.ts";
import { todayUtc } from "../lib/content/rules.ts";

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
      "astro:config:setup": ({ config, command, logger }) => {
        root = fileURLToPath(config.root);
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
        // While the corpus is broken, every page is the report: a reload never shows half-valid content.
        server.middlewares.use((req, res: ServerResponse, next) => {
          if (broken === null || !(req.headers.accept ?? "").includes("text/html")) return next();
          res.statusCode = 500;
          res.setHeader("content-type", "text/html; charset=utf-8");
          res.end(reportPage(broken));
        });
      },
    },
  };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);

/** The page served in place of every page while the corpus is broken; the dev client reloads it when fixed. */
function reportPage(report: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Content problems</title>
<script type="module" src="/@vite/client"></script></head>
<body><h1>The content has problems</h1><pre id="content-report">${escapeHtml(report)}</pre></body></html>`;
}
