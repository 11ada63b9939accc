import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { CorpusFiles } from "./corpus.ts";

/**
 * The content directory: `content/` at the project root, or the directory
 * named by GT_CONTENT_DIR (benchmarks and test fixtures point it elsewhere).
 */
export function contentDir(root = process.cwd()): string {
  return path.resolve(root, process.env.GT_CONTENT_DIR ?? "content");
}

/** Reads every file of a corpus from disk; paths in messages are relative to `root`. */
export function readCorpusFiles(dir: string, root = process.cwd()): CorpusFiles {
  const rel = (p: string) => path.relative(root, p).split(path.sep).join("/");
  const articlesDir = path.join(dir, "articles");
  const names = existsSync(articlesDir)
    ? readdirSync(articlesDir)
        .filter((n) => n.endsWith(".md"))
        .sort()
    : [];
  const read = (p: string) => (existsSync(p) ? { file: rel(p), text: readFileSync(p, "utf8") } : null);
  return {
    articles: names.map((n) => ({
      file: rel(path.join(articlesDir, n)),
      text: readFileSync(path.join(articlesDir, n), "utf8"),
    })),
    actors: read(path.join(dir, "actors.yaml")),
    kinds: read(path.join(dir, "kinds.yaml")),
    actorsPath: rel(path.join(dir, "actors.yaml")),
    kindsPath: rel(path.join(dir, "kinds.yaml")),
  };
}
