import type { CorpusArticle } from "./corpus.ts";
import { processShared } from "./process-shared.ts";

/**
 * An article file as validation read it: its text and its front matter as
 * parsed (before the schema). Its body went to article-bodies.ts, where
 * validation registered it.
 */
export interface PreparedArticle {
  text: string;
  frontMatter: Record<string, unknown>;
}

/** From validate-content to the articles loader, which Astro loads apart (process-shared.ts). */
const store = () => processShared("prepared-articles", () => new Map<string, PreparedArticle>());

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
