import type { CorpusArticle } from "./corpus.ts";

/**
 * An article file as validation read it: its text and its front matter as
 * parsed (before the schema). Its body went to article-bodies.ts, where
 * validation registered it.
 */
export interface PreparedArticle {
  text: string;
  frontMatter: Record<string, unknown>;
}

/**
 * The integration validate-content and the articles loader run in one
 * process but load their modules apart (Astro loads the content config
 * through Vite), so what one hands the other lives on globalThis.
 */
const KEY = Symbol.for("guarantee-tracker:prepared-articles");
type Store = Map<string, PreparedArticle>;
const store = (): Store => {
  const holder = globalThis as typeof globalThis & { [KEY]?: Store };
  holder[KEY] ??= new Map();
  return holder[KEY];
};

/**
 * Hands the articles of a validated corpus to the loader, so no file is read
 * or parsed twice, and the build publishes exactly the text validation checked.
 */
export function prepareArticles(articles: readonly CorpusArticle[]): void {
  const prepared = store();
  prepared.clear();
  for (const { file, text, frontMatter } of articles) prepared.set(file, { text, frontMatter });
}

/**
 * Takes everything validation handed over, by file (its path relative to the
 * project root), leaving nothing behind: a later sync, after an edit in
 * `astro dev`, reads its files afresh.
 */
export function takePrepared(): ReadonlyMap<string, PreparedArticle> {
  const prepared = new Map(store());
  store().clear();
  return prepared;
}
