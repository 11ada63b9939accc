import { z } from "astro/zod";
import { actorSchema, type Actor } from "../../schemas/actor.ts";
import { articleSchema } from "../../schemas/article.ts";
import { kindSchema, type Kind } from "../../schemas/kind.ts";
import { placeSchema, type Place } from "../../schemas/place.ts";
import { registryEntrySchema, type RegistryEntry } from "../../schemas/registry.ts";
import { LIST_FILES, type CorpusFiles, type SourceFile } from "./files.ts";
import { gapProblems } from "./gaps.ts";
import { check, parseArticleFile, parseYaml } from "./parse.ts";
import type { Problem } from "./problems.ts";
import { checkCrossFileRules, parseArticleFileName, type ValidArticle } from "./rules.ts";

export type { CorpusFiles } from "./files.ts";

/** A corpus in which every file and every rule across files holds. */
export interface ValidCorpus {
  articles: ValidArticle[];
  actors: Actor[];
  kinds: Kind[];
  proposals: RegistryEntry[];
  places: Place[];
}

export type CorpusResult = { ok: true; corpus: ValidCorpus } | { ok: false; problems: Problem[] };

/** Validates a whole corpus and reports every problem at once. */
export function validateCorpus(files: CorpusFiles, options: { today: string }): CorpusResult {
  const problems: Problem[] = [];

  // A list the reader already refused (not UTF-8, not a regular file) is reported once, by readCorpusFiles.
  const refused = new Set(files.strays.map((p) => p.file));
  const read = <S extends z.ZodType>(name: keyof CorpusFiles["lists"], schema: S) =>
    readList(files.lists[name], files.listPaths[name], schema, problems, refused.has(files.listPaths[name]));
  const actors = read("actors", actorSchema);
  const kinds = read("kinds", kindSchema);
  const registry = read("proposals", registryEntrySchema);
  // places.yaml is the project's own extension: a corpus without one has no places.
  const places =
    files.lists.places || refused.has(files.listPaths.places)
      ? read("places", placeSchema)
      : { items: [], ids: new Set<string>(), indexes: [], read: true };
  problems.push(...files.strays);

  // An article file that could not be read (not UTF-8, a pipe) is reported; what it may hold is not guessed at.
  const unreadArticles = (files.unreadArticles ?? []).length > 0;
  if (files.articles.length === 0 && !unreadArticles) {
    problems.push({
      file: files.articlesPath ?? "content/articles",
      path: "",
      expected: "at least one article file (*.md)",
    });
  }
  const articles: ValidArticle[] = [];
  const invalid: { file: string; data: unknown }[] = [];
  for (const { file, text } of files.articles) {
    const parsed = parseArticleFile(file, text);
    if (!parsed.ok) {
      problems.push(parsed.problem);
      invalid.push({ file, data: undefined });
      continue;
    }
    const result = check(articleSchema, file, parsed.data, [], parsed.written);
    if (!result.ok) {
      problems.push(...result.problems);
      invalid.push({ file, data: parsed.data });
      continue;
    }
    // A gap left by `npm run new` passes the schema, but is not publishable.
    const gaps = gapProblems(file, parsed.data, text);
    if (gaps.length > 0) {
      problems.push(...gaps);
      invalid.push({ file, data: parsed.data });
      continue;
    }
    const name = file.split("/").at(-1) ?? file;
    articles.push({ file, slug: slugOf(name), data: result.value });
  }

  problems.push(
    ...checkCrossFileRules({
      articles,
      invalid,
      actors: { file: files.listPaths.actors, ...actors },
      kinds: { file: files.listPaths.kinds, ...kinds },
      registry: { file: files.listPaths.proposals, ...registry },
      places: { file: files.listPaths.places, ...places },
      unreadArticles,
      today: options.today,
    }),
  );
  return problems.length > 0
    ? { ok: false, problems }
    : {
        ok: true,
        corpus: {
          articles,
          actors: actors.items,
          kinds: kinds.items,
          proposals: registry.items,
          places: places.items,
        },
      };
}

/** The URL slug of an article file: its name without the date prefix and `.md`. */
export function slugOf(fileName: string): string {
  return parseArticleFileName(fileName)?.slug ?? fileName.replace(/^\d{4}-\d{2}-\d{2}-/, "").replace(/\.md$/, "");
}

/** A YAML list as read: its valid items and each one's index in the file, every id written, whether it read. */
interface ReadList<T> {
  items: T[];
  /** The index in the file of each valid item, so a report names the entry as the editor counts them. */
  indexes: number[];
  /** Every id written, valid entry or not, so a broken entry does not also break every reference to it. */
  knownIds: Set<string>;
  /** False when the file is missing or does not parse: references to its ids are then not checked. */
  read: boolean;
}

/** Reads one YAML list (see ReadList); `refused` when readCorpusFiles already reported the file. */
function readList<S extends z.ZodType>(
  source: SourceFile | null,
  path: string,
  schema: S,
  problems: Problem[],
  refused = false,
): ReadList<z.output<S>> & { ids: Set<string> } {
  const items: z.output<S>[] = [];
  const indexes: number[] = [];
  const ids = new Set<string>();
  const unread = { items, indexes, ids, knownIds: ids, read: false };
  if (source === null) {
    if (!refused)
      problems.push({
        file: path,
        path: "",
        expected: "this file to exist (a YAML list; references to its ids are checked once it does)",
      });
    return unread;
  }
  const parsed = parseYaml(source.file, source.text);
  if (!parsed.ok) {
    problems.push({
      ...parsed.problem,
      expected: `${parsed.problem.expected}; references to its ids are checked once it reads`,
    });
    return unread;
  }
  if (!Array.isArray(parsed.data) || parsed.data.length === 0) {
    problems.push({
      file: source.file,
      path: "",
      expected: "a non-empty YAML list",
    });
    return unread;
  }
  parsed.data.forEach((item: unknown, i) => {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id === "string") ids.add(id);
    const written = () => {
      const all = parsed.written();
      return Array.isArray(all) ? (all as unknown[])[i] : undefined;
    };
    const result = check(schema, source.file, item, [i], written);
    if (result.ok) {
      items.push(result.value);
      indexes.push(i);
    } else problems.push(...result.problems);
  });
  return { items, indexes, ids, knownIds: ids, read: true };
}

/** The collections as Astro's loaders read them (each entry already through its schema), for checkLoaded. */
export interface LoadedCorpus {
  articles: readonly { file: string; slug: string; data: ValidArticle["data"] }[];
  actors: readonly Actor[];
  kinds: readonly Kind[];
  proposals: readonly RegistryEntry[];
  places: readonly Place[];
}

/**
 * The rules across files, run again on exactly what the loaders read: validation reads the files before the
 * loaders do, and a file saved in between (an unknown actor, a second kind) would otherwise be published. The
 * schemas need no second run, the loaders apply them. Returns every problem found.
 */
export function checkLoaded(loaded: LoadedCorpus, options: { today: string; dir: string }): Problem[] {
  const list = <T extends { id: string }>(name: keyof typeof LIST_FILES, items: readonly T[]) => ({
    file: `${options.dir}/${LIST_FILES[name]}`,
    items,
  });
  return checkCrossFileRules({
    articles: loaded.articles,
    actors: list("actors", loaded.actors),
    kinds: list("kinds", loaded.kinds),
    registry: list("proposals", loaded.proposals),
    places: list("places", loaded.places),
    today: options.today,
  });
}
