import { z } from "astro/zod";
import { actorSchema, type Actor } from "../schemas/actor.ts";
import { articleSchema } from "../schemas/article.ts";
import { kindSchema, type Kind } from "../schemas/kind.ts";
import { check, parseArticleFile, parseYaml } from "./parse.ts";
import type { Problem } from "./problems.ts";
import { checkCrossFileRules, parseArticleFileName, type ValidArticle } from "./rules.ts";

/** A file of the corpus as read from disk: its path relative to the project root, and its text. */
export interface SourceFile {
  file: string;
  text: string;
}

/** The raw corpus: every article file, and the two YAML lists (null when missing). */
export interface CorpusFiles {
  articles: readonly SourceFile[];
  actors: SourceFile | null;
  kinds: SourceFile | null;
  /** Where the YAML lists are expected, for messages when they are missing. */
  actorsPath: string;
  kindsPath: string;
}

/** A valid article with what its file held: the text and the body. */
export interface CorpusArticle extends ValidArticle {
  text: string;
  body: string;
}

/** A corpus in which every file and every rule across files holds. */
export interface ValidCorpus {
  articles: CorpusArticle[];
  actors: Actor[];
  kinds: Kind[];
}

export type CorpusResult = { ok: true; corpus: ValidCorpus } | { ok: false; problems: Problem[] };

/** Validates a whole corpus and reports every problem at once. */
export function validateCorpus(files: CorpusFiles, options: { today: string }): CorpusResult {
  const problems: Problem[] = [];

  const actors = readList(files.actors, files.actorsPath, actorSchema, problems);
  const kinds = readList(files.kinds, files.kindsPath, kindSchema, problems);

  if (files.articles.length === 0) {
    problems.push({
      file: "content/articles",
      path: "",
      expected: "at least one article file (*.md)",
    });
  }
  const articles: CorpusArticle[] = [];
  const invalid: { file: string; data: unknown }[] = [];
  for (const { file, text } of files.articles) {
    const parsed = parseArticleFile(file, text);
    if (!parsed.ok) {
      problems.push(parsed.problem);
      invalid.push({ file, data: undefined });
      continue;
    }
    const result = check(articleSchema, file, parsed.data);
    if (!result.ok) {
      problems.push(...result.problems);
      invalid.push({ file, data: parsed.data });
      continue;
    }
    const name = file.split("/").at(-1) ?? file;
    articles.push({
      file,
      slug: slugOf(name),
      data: result.value,
      text,
      body: parsed.body ?? "",
    });
  }

  problems.push(
    ...checkCrossFileRules({
      articles,
      invalid,
      actors: {
        file: files.actorsPath,
        items: actors.items,
        knownIds: actors.ids,
      },
      kinds: { file: files.kindsPath, items: kinds.items, knownIds: kinds.ids },
      today: options.today,
    }),
  );
  return problems.length > 0
    ? { ok: false, problems }
    : {
        ok: true,
        corpus: { articles, actors: actors.items, kinds: kinds.items },
      };
}

/** The URL slug of an article file: its name without the date prefix and `.md`. */
export function slugOf(fileName: string): string {
  return parseArticleFileName(fileName)?.slug ?? fileName.replace(/^\d{4}-\d{2}-\d{2}-/, "").replace(/\.md$/, "");
}

/**
 * Reads one YAML list. Returns the valid items, and the ids of every item that
 * has one, valid or not, so a broken entry does not also break every
 * reference to it.
 */
function readList<S extends z.ZodType>(
  source: SourceFile | null,
  path: string,
  schema: S,
  problems: Problem[],
): { items: z.output<S>[]; ids: Set<string> } {
  const items: z.output<S>[] = [];
  const ids = new Set<string>();
  if (source === null) {
    problems.push({
      file: path,
      path: "",
      expected: "this file to exist (a YAML list)",
    });
    return { items, ids };
  }
  const parsed = parseYaml(source.file, source.text);
  if (!parsed.ok) {
    problems.push(parsed.problem);
    return { items, ids };
  }
  if (!Array.isArray(parsed.data) || parsed.data.length === 0) {
    problems.push({
      file: source.file,
      path: "",
      expected: "a non-empty YAML list",
    });
    return { items, ids };
  }
  parsed.data.forEach((item: unknown, i) => {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id === "string") ids.add(id);
    const result = check(schema, source.file, item, [i]);
    if (result.ok) items.push(result.value);
    else problems.push(...result.problems);
  });
  return { items, ids };
}
