import { z } from "astro/zod";
import { actorSchema, type Actor } from "../../schemas/actor.ts";
import { articleSchema } from "../../schemas/article.ts";
import { kindSchema, type Kind } from "../../schemas/kind.ts";
import { placeSchema, type Place } from "../../schemas/place.ts";
import { registryEntrySchema, type RegistryEntry } from "../../schemas/registry.ts";
import type { CorpusFiles, SourceFile } from "./files.ts";
import { gapProblems } from "./gaps.ts";
import { check, parseArticleFile, parseYaml } from "./parse.ts";
import type { Problem } from "./problems.ts";
import { checkCrossFileRules, parseArticleFileName, type ValidArticle } from "./rules.ts";

export type { CorpusFiles, SourceFile } from "./files.ts";

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

  const actors = readList(files.lists.actors, files.listPaths.actors, actorSchema, problems);
  const kinds = readList(files.lists.kinds, files.listPaths.kinds, kindSchema, problems);
  const registry = readList(files.lists.proposals, files.listPaths.proposals, registryEntrySchema, problems);
  // places.yaml is the project's own extension: a corpus without one has no places.
  const places = files.lists.places
    ? readList(files.lists.places, files.listPaths.places, placeSchema, problems)
    : { items: [], ids: new Set<string>() };
  problems.push(...files.strays);

  if (files.articles.length === 0) {
    problems.push({
      file: "content/articles",
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
      actors: { file: files.listPaths.actors, items: actors.items, knownIds: actors.ids },
      kinds: { file: files.listPaths.kinds, items: kinds.items, knownIds: kinds.ids },
      registry: { file: files.listPaths.proposals, items: registry.items, knownIds: registry.ids },
      places: { file: files.listPaths.places, items: places.items },
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
    const written = () => {
      const all = parsed.written();
      return Array.isArray(all) ? (all as unknown[])[i] : undefined;
    };
    const result = check(schema, source.file, item, [i], written);
    if (result.ok) items.push(result.value);
    else problems.push(...result.problems);
  });
  return { items, ids };
}
