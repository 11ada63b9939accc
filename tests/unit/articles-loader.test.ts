import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { LoaderContext } from "astro/loaders";
import { describe, expect, it } from "vitest";
import { articlesLoader } from "../../src/lib/articles-loader.ts";
import { slugOf } from "../../src/lib/corpus.ts";
import { parseArticleFile } from "../../src/lib/parse.ts";
import { prepareArticles } from "../../src/lib/prepared-articles.ts";
import { articleSchema } from "../../src/schemas/article.ts";

const seeds = path.resolve(import.meta.dirname, "../../content/articles");
const [firstName = "", secondName = ""] = readdirSync(seeds).filter((n) => n.endsWith(".md"));

/** A project root with two seed articles in content/articles, both as validation handed them over. */
function project() {
  const root = mkdtempSync(path.join(tmpdir(), "gt-loader-"));
  const dir = path.join(root, "content/articles");
  mkdirSync(dir, { recursive: true });
  const articles = [firstName, secondName].map((name) => {
    const text = readFileSync(path.join(seeds, name), "utf8");
    writeFileSync(path.join(dir, name), text);
    const file = `content/articles/${name}`;
    const parsed = parseArticleFile(file, text);
    if (!parsed.ok) throw new Error(`seed ${name} should parse`);
    const data = articleSchema.parse(parsed.data);
    return { file, slug: slugOf(name), data, text, body: parsed.body ?? "" };
  });
  prepareArticles(articles);
  return { root, dir, articles };
}

/** Runs the loader's first sync with a store of our own, counting the schema checks it asks Astro for. */
async function firstSync(root: string, dir: string, { dev }: { dev: boolean }) {
  const stored = new Map<string, { id: string; data: Record<string, unknown>; digest?: string | number }>();
  let checks = 0;
  const context = {
    store: {
      get: (id: string) => stored.get(id),
      set: (entry: { id: string; data: Record<string, unknown>; digest?: string | number }) => {
        stored.set(entry.id, entry);
        return true;
      },
      keys: () => [...stored.keys()],
      delete: (id: string) => stored.delete(id),
    },
    parseData: async ({ data }: { data: Record<string, unknown> }) => {
      checks += 1;
      return articleSchema.parse(data);
    },
    generateDigest: (text: string) => text,
    config: { root: pathToFileURL(`${root}/`) },
    logger: { error: () => undefined },
    watcher: dev ? { add: () => undefined, on: () => undefined } : undefined,
  } as unknown as LoaderContext;
  await articlesLoader(dir).load(context);
  return { stored, checks: () => checks };
}

/** Edits a file on disk after validation read it: a new headline. */
function editTitle(dir: string, name: string, title: string) {
  const file = path.join(dir, name);
  writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, `title: "${title}"`));
}

describe("the articles loader's first sync", () => {
  it("stores what validation checked, without checking it again", async () => {
    const { root, dir, articles } = project();
    const { stored, checks } = await firstSync(root, dir, { dev: false });
    expect([...stored.keys()].sort()).toEqual(articles.map((a) => a.slug).sort());
    expect(stored.get(articles[0]?.slug ?? "")?.data).toBe(articles[0]?.data);
    expect(checks()).toBe(0);
  });

  it("in a build, publishes the text validation read even if the file changed since", async () => {
    const { root, dir, articles } = project();
    editTitle(dir, firstName, "Edited after validation");
    const { stored } = await firstSync(root, dir, { dev: false });
    expect(stored.get(articles[0]?.slug ?? "")?.data.title).toBe(articles[0]?.data.title);
  });

  it("in astro dev, reads the files again and checks one edited since validation", async () => {
    const { root, dir, articles } = project();
    editTitle(dir, firstName, "Edited after validation");
    const { stored, checks } = await firstSync(root, dir, { dev: true });
    expect(stored.get(articles[0]?.slug ?? "")?.data.title).toBe("Edited after validation");
    expect(stored.get(articles[1]?.slug ?? "")?.data).toBe(articles[1]?.data);
    expect(checks()).toBe(1);
  });
});
