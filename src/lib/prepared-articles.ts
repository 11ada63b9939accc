import type { CorpusArticle } from "./corpus.ts";

/**
 * An article file's front matter as validation parsed it (before the
 * schema). Its body went to article-bodies.ts, where validation registered it.
 */
export interface PreparedArticle {
  frontMatter: Record<string, unknown>;
}

/**
 * The integration validate-content and the articles loader run in one
 * process but load their modules apart (Astro loads the content config
 * through Vite), so what one hands the other lives on globalThis.
 */
const KEY = Symbol.for("guarantee-tracker:prepared-articles");
type Store = Map<string, PreparedArticle & { text: string }>;
const store = (): Store => {
  const holder = globalThis as typeof globalThis & { [KEY]?: Store };
  holder[KEY] ??= new Map();
  return holder[KEY];
};

/** Hands the articles of a validated corpus to the loader, so no file's front matter is parsed twice. */
export function prepareArticles(articles: readonly CorpusArticle[]): void {
  const prepared = store();
  prepared.clear();
  for (const { file, text, frontMatter } of articles) prepared.set(file, { text, frontMatter });
}

/**
 * Takes everything validation handed over, leaving nothing behind (a later
 * sync, after an edit in `astro dev`, reads its files afresh). The lookup
 * answers for a file (its path relative to the project root) only if the
 * file still holds the text validation read.
 */
export function takePrepared(): (file: string, text: string) => PreparedArticle | undefined {
  const prepared = new Map(store());
  store().clear();
  return (file, text) => {
    const entry = prepared.get(file);
    return entry?.text === text ? { frontMatter: entry.frontMatter } : undefined;
  };
}
