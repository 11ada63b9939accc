import type { Correction } from "../../schemas/article.ts";
import type { ArticleRef } from "../model/model.ts";

/** A correction with the article it corrects. */
export interface CorrectionEntry {
  article: ArticleRef;
  correction: Correction;
}

/** The corrections of some articles (each once), newest first, then by article slug. */
export function correctionsOf(articles: Iterable<ArticleRef>): CorrectionEntry[] {
  const seen = new Set<string>();
  const entries: CorrectionEntry[] = [];
  for (const article of articles) {
    if (seen.has(article.slug)) continue;
    seen.add(article.slug);
    for (const correction of article.corrections ?? []) entries.push({ article, correction });
  }
  return entries.sort(
    (a, b) =>
      (a.correction.date < b.correction.date ? 1 : a.correction.date > b.correction.date ? -1 : 0) ||
      (a.article.slug < b.article.slug ? -1 : a.article.slug > b.article.slug ? 1 : 0),
  );
}
