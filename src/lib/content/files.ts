import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { Problem } from "./problems.ts";

/** A file of the corpus as read from disk: its path relative to the project root, and its text. */
export interface SourceFile {
  file: string;
  text: string;
}

/** The YAML lists of a corpus: required ones, and places.yaml, which may be left out. */
export const LIST_FILES = {
  actors: "actors.yaml",
  kinds: "kinds.yaml",
  proposals: "proposals.yaml",
  places: "places.yaml",
} as const;
export type ListName = keyof typeof LIST_FILES;

/** The raw corpus: every article file, each YAML list (null when missing), and what could not be read. */
export interface CorpusFiles {
  articles: readonly SourceFile[];
  lists: Record<ListName, SourceFile | null>;
  /** Where each list is expected, relative to the root, for messages. */
  listPaths: Record<ListName, string>;
  /** Entries of content/articles/ that are not article files, each named. */
  strays: readonly Problem[];
}

/** The content directory, relative to the project root: `content/`, or GT_CONTENT_DIR (benchmarks, fixtures). */
export const CONTENT_DIR = process.env.GT_CONTENT_DIR ?? "content";

/** The content directory under a project root. */
export function contentDir(root: string): string {
  return path.resolve(root, CONTENT_DIR);
}

/**
 * Reads every file of a corpus from disk; paths in messages are relative to
 * `root`. Everything in `articles/` is an article (`*.md`, a regular file or
 * a link to one inside the content directory) or reported: other extensions,
 * folders, links pointing outside the content directory or nowhere.
 */
export function readCorpusFiles(dir: string, root: string): CorpusFiles {
  const rel = (p: string) => path.relative(root, p).split(path.sep).join("/");
  const articlesDir = path.join(dir, "articles");
  const articles: SourceFile[] = [];
  const strays: Problem[] = [];
  const names = existsSync(articlesDir) ? readdirSync(articlesDir).sort() : [];
  for (const name of names) {
    const full = path.join(articlesDir, name);
    const stray = (expected: string) => strays.push({ file: rel(full), path: "", expected });
    const link = lstatSync(full).isSymbolicLink();
    if (link) {
      if (!existsSync(full)) {
        stray("a file (this is a link to nothing)");
        continue;
      }
      const target = realpathSync(full);
      if (path.relative(realpathSync(dir), target).startsWith("..")) {
        stray("a file inside the content directory (this link points outside it)");
        continue;
      }
    }
    if (statSync(full).isDirectory()) {
      stray("an article file (*.md); folders inside articles/ are not read, so move its files up");
      continue;
    }
    if (!name.endsWith(".md")) {
      stray(
        /\.(md|markdown|mdown|mkd)$/i.test(name)
          ? "the extension .md, lowercase (other spellings are not read as articles)"
          : "an article file (*.md); nothing else belongs in articles/",
      );
      continue;
    }
    articles.push({ file: rel(full), text: readFileSync(full, "utf8") });
  }
  const read = (p: string) =>
    existsSync(p) && statSync(p).isFile() ? { file: rel(p), text: readFileSync(p, "utf8") } : null;
  const entries = Object.entries(LIST_FILES) as [ListName, string][];
  return {
    articles,
    lists: Object.fromEntries(entries.map(([key, name]) => [key, read(path.join(dir, name))])) as CorpusFiles["lists"],
    listPaths: Object.fromEntries(
      entries.map(([key, name]) => [key, rel(path.join(dir, name))]),
    ) as CorpusFiles["listPaths"],
    strays,
  };
}
