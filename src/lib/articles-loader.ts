import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Loader, LoaderContext } from "astro/loaders";
import { articleSchema } from "../schemas/article.ts";
import { slugOf } from "./corpus.ts";
import { parseArticleFile } from "./parse.ts";
import { noteBody } from "./article-bodies.ts";
import { ContentError } from "./problems.ts";
import { takePrepared } from "./prepared-articles.ts";

interface ArticleFile {
  id: string;
  /** Relative to the project root, as Astro stores it. */
  filePath: string;
  text: string;
  /** The front matter as the article schema returned it, when validation checked the file already. */
  checked: Record<string, unknown> | undefined;
}

/**
 * The articles collection: every `*.md` file in `dir`, its id the file's
 * slug, its data the front matter checked by the article schema (the
 * loader's own, so validation and the collection cannot use two).
 * Unchanged files keep what the store holds from the last build (same
 * digest), as with Astro's glob loader. Bodies are not stored: the article
 * page gets its body's HTML from article-bodies.ts, where validation started
 * rendering them all; a file edited since is noted there with its new body.
 *
 * The integration validate-content has checked the whole corpus before this
 * runs and handed over what it read and checked (prepared-articles.ts): the
 * first sync stores exactly that, without reading, parsing or checking those
 * files again (in `astro dev` it reads them, to catch an edit made since).
 * Later syncs (an edit during `astro dev`) read the files and check them
 * with the same schema; a file that fails then is reported with its name and
 * nothing of it is stored.
 */
export function articlesLoader(dir: string): Loader {
  return {
    name: "guarantee-tracker:articles",
    schema: articleSchema,
    load: async (context) => {
      await syncAll(dir, context);
      context.watcher?.add(dir);
      context.watcher?.on("all", (event, changed) => {
        if (path.dirname(changed) === path.resolve(dir) && changed.endsWith(".md") && event !== "addDir") {
          syncAll(dir, context).catch((error: unknown) => context.logger.error(String(error)));
        }
      });
    },
  };
}

async function syncAll(dir: string, context: LoaderContext): Promise<void> {
  const { store, parseData, generateDigest, config, watcher } = context;
  const root = fileURLToPath(config.root);
  const prepared = takePrepared();
  // In `astro dev` (a watcher) a file may have been edited after validation read it and before the watcher was
  // attached: the files are read again and what validation handed over is used only for an unchanged text.
  // A build skips that second read.
  const reread = watcher !== undefined;
  const names = (await readdir(dir)).filter((name) => name.endsWith(".md")).sort();
  const files: ArticleFile[] = await Promise.all(
    names.map(async (name) => {
      const absolute = path.join(dir, name);
      const filePath = path.relative(root, absolute).split(path.sep).join("/");
      const handed = prepared.get(filePath);
      const text = handed && !reread ? handed.text : await readFile(absolute, "utf8");
      return { id: slugOf(name), filePath, text, checked: handed?.text === text ? handed.data : undefined };
    }),
  );

  const changed = files
    .map((file) => ({ file, digest: generateDigest(file.text) }))
    .filter(({ file, digest }) => store.get(file.id)?.digest !== digest);
  // Each changed file's entry: what validation checked, or the file parsed and checked now (then its body too).
  const read = await Promise.all(
    changed.map(async ({ file, digest }) => {
      const entry = { id: file.id, filePath: file.filePath, digest };
      if (file.checked) return { entry: { ...entry, data: file.checked } };
      const result = parseArticleFile(file.filePath, file.text);
      if (!result.ok) throw new ContentError([result.problem]);
      const data = await parseData({
        id: file.id,
        data: result.data as Record<string, unknown>,
        filePath: file.filePath,
      });
      return { entry: { ...entry, data }, body: { file: file.filePath, text: file.text, body: result.body ?? "" } };
    }),
  );
  // A body validation did not see (a file edited since) goes to article-bodies.ts, to be rendered when asked.
  for (const { body } of read) if (body) noteBody(body);

  // Only now, with every changed file read and checked, is the store touched.
  const ids = new Set(files.map((file) => file.id));
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
  for (const { entry } of read) store.set(entry);
}
