import type { ArticleData } from "../schemas/article.ts";
import type { CorpusArticle } from "./corpus.ts";
import { processShared } from "./process-shared.ts";

/**
 * An article file as validation read it: its text and its front matter as
 * the article schema returned it. Its body went to article-bodies.ts, where
 * validation registered it.
 */
export interface PreparedArticle {
  text: string;
  data: ArticleData;
}

/** From validate-content to the articles loader, which Astro loads apart (process-shared.ts). */
const store = () => processShared("prepared-articles", () => new Map<string, PreparedArticle>());

/**
 * Hands the articles of a validated corpus to the loader, so no file is read,
 * parsed or checked twice, and the build publishes exactly what validation
 * checked.
 */
export function prepareArticles(articles: readonly CorpusArticle[]): void {
  const prepared = store();
  prepared.clear();
  for (const { file, text, data } of articles) prepared.set(file, { text, data });
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
