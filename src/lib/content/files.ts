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

/** The raw corpus: every article file, each YAML list (null when missing or unreadable), and what could not be read. */
export interface CorpusFiles {
  articles: readonly SourceFile[];
  lists: Record<ListName, SourceFile | null>;
  /** Where each list is expected, relative to the root, for messages. */
  listPaths: Record<ListName, string>;
  /** Where the articles are, relative to the root, for messages. */
  articlesPath?: string;
  /** Entries of the articles folder that are not article files, and files that are not UTF-8 text, each named. */
  strays: readonly Problem[];
  /** Article files (`*.md`) that exist but could not be read (not UTF-8, not a regular file). */
  unreadArticles?: readonly string[];
}

/**
 * The content directory, relative to the project root: `content/`, or GT_CONTENT_DIR (benchmarks, fixtures);
 * an empty GT_CONTENT_DIR means the default.
 */
export const CONTENT_DIR = process.env.GT_CONTENT_DIR || "content";

/**
 * What editors leave beside the files they edit, ignored without a word: dotfiles (vim's `.x.md.swp`, emacs's
 * `.#x.md` lock, macOS's `.DS_Store`), backups ending in `~` and emacs's `#x.md#` autosaves.
 */
export function isEditorLitter(name: string): boolean {
  return name.startsWith(".") || name.endsWith("~") || /^#.*#$/.test(name);
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A file's bytes as text: strict UTF-8, a leading byte-order mark dropped; or, when the bytes are not UTF-8,
 * what a report says instead (naming the first line that is not UTF-8).
 */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; expected: string } {
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const loose = new TextDecoder("utf-8").decode(bytes);
    const line = loose.slice(0, loose.indexOf("\uFFFD")).split("\n").length;
    return {
      ok: false,
      expected: `text encoded as UTF-8 (line ${line} is not: save the file as UTF-8, not Latin-1 or Windows-1252)`,
    };
  }
}

/** What a directory entry that is neither a folder nor a regular file is, for a report. */
function specialKind(stats: import("node:fs").Stats): string {
  if (stats.isFIFO()) return "a named pipe (FIFO)";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  return "not a regular file";
}

/** The content directory under a project root. */
export function contentDir(root: string): string {
  return path.resolve(root, CONTENT_DIR);
}

/**
 * Reads every file of a corpus from disk; paths in messages are relative to
 * `root`. Everything in `articles/` but editor litter (isEditorLitter) is an
 * article (`*.md`, a regular file or a link to one inside the content
 * directory) or reported: other extensions, folders, pipes and other special
 * files, links pointing outside the content directory or nowhere. Every file
 * is read as strict UTF-8 (see decodeUtf8).
 */
export function readCorpusFiles(dir: string, root: string): CorpusFiles {
  const rel = (p: string) => path.relative(root, p).split(path.sep).join("/");
  const articlesDir = path.join(dir, "articles");
  const articles: SourceFile[] = [];
  const strays: Problem[] = [];
  const unreadArticles: string[] = [];
  const names = existsSync(articlesDir) ? readdirSync(articlesDir).sort() : [];
  for (const name of names) {
    if (isEditorLitter(name)) continue;
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
    const stats = statSync(full);
    if (stats.isDirectory()) {
      stray("an article file (*.md); folders inside articles/ are not read, so move its files up");
      continue;
    }
    // Checked before anything reads it: reading a named pipe waits for a writer for ever.
    if (!stats.isFile()) {
      stray(`a regular file (this is ${specialKind(stats)})`);
      if (name.endsWith(".md")) unreadArticles.push(rel(full));
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
    const decoded = decodeUtf8(readFileSync(full));
    if (decoded.ok) articles.push({ file: rel(full), text: decoded.text });
    else {
      stray(decoded.expected);
      unreadArticles.push(rel(full));
    }
  }
  const read = (p: string): SourceFile | null => {
    if (!existsSync(p)) return null;
    const stats = statSync(p);
    if (!stats.isFile()) {
      strays.push({ file: rel(p), path: "", expected: `a regular file (this is ${stats.isDirectory() ? "a folder" : specialKind(stats)})` });
      return null;
    }
    const decoded = decodeUtf8(readFileSync(p));
    if (decoded.ok) return { file: rel(p), text: decoded.text };
    strays.push({ file: rel(p), path: "", expected: decoded.expected });
    return null;
  };
  const entries = Object.entries(LIST_FILES) as [ListName, string][];
  return {
    articles,
    lists: Object.fromEntries(entries.map(([key, name]) => [key, read(path.join(dir, name))])) as CorpusFiles["lists"],
    listPaths: Object.fromEntries(
      entries.map(([key, name]) => [key, rel(path.join(dir, name))]),
    ) as CorpusFiles["listPaths"],
    articlesPath: rel(articlesDir),
    strays,
    unreadArticles,
  };
}
