import { readFile } from "node:fs/promises";
import { parseArticleFile } from "./parse.ts";
import { ContentError } from "./problems.ts";
import { processShared } from "./process-shared.ts";
import { POOL_THRESHOLD, renderInWorkers, workerCount } from "./render-bodies.ts";

/**
 * Article bodies as HTML, rendered off the build's critical path.
 *
 * Rendering Markdown through remark/rehype is the largest single cost of a
 * build. Validation (validate-content) holds every body as soon as the corpus
 * is valid, so for a large corpus it starts worker processes on them at once
 * (startRendering): they render while Astro starts up, loads the content,
 * bundles and renders the other pages on the main thread, and each article
 * page awaits only its own body (bodyHtml). A small corpus, and a file edited
 * in `astro dev`, is rendered in-process when its page asks for it.
 *
 * The integration, the articles loader and the pages share the registry
 * (process-shared.ts), keyed by the file's path relative to the project root
 * (an entry's `filePath`).
 */
interface Body {
  /** The whole file, to tell whether the file changed since. */
  text: string;
  /** The Markdown, until it is rendered. */
  markdown?: string;
  html?: Promise<string>;
}

const registry = () => processShared("article-bodies", () => new Map<string, Body>());

export interface ArticleBody {
  /** The file's path relative to the project root. */
  file: string;
  text: string;
  body: string;
}

/** The order in which Astro renders the article pages: by id (the slug). */
const bySlug = (a: { slug: string }, b: { slug: string }) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

/**
 * Registers the bodies of a validated corpus, replacing any earlier ones,
 * and when `render` is set and the corpus is large, starts rendering them in
 * worker processes, in the order the article pages will ask for them. One
 * CPU is left to the build's own thread, which goes on meanwhile (at 10,000
 * articles on 2 CPUs, one worker or two made no difference to the wall time;
 * one costs less memory).
 */
export function startRendering(
  corpus: readonly (ArticleBody & { slug: string })[],
  { render }: { render: boolean },
): void {
  const bodies = registry();
  bodies.clear();
  const articles = [...corpus].sort(bySlug);
  const workers = workerCount();
  const html =
    render && workers > 0 && articles.length >= POOL_THRESHOLD
      ? renderInWorkers(
          articles.map((article) => article.body),
          workers - 1,
        )
      : undefined;
  articles.forEach(({ file, text, body }, i) => {
    const rendered = html?.[i];
    // A failure surfaces where the page awaits it, not as an unhandled rejection before.
    rendered?.catch(() => undefined);
    bodies.set(file, rendered ? { text, html: rendered } : { text, markdown: body });
  });
}

/**
 * Notes an article file as the loader read it: a file whose text differs
 * from what was registered (edited in `astro dev`) gets the new body,
 * rendered when its page asks.
 */
export function noteBody({ file, text, body }: ArticleBody): void {
  const bodies = registry();
  if (bodies.get(file)?.text !== text) bodies.set(file, { text, markdown: body });
}

/**
 * The HTML of an article's body. A file nobody registered (its page rendered
 * in another process) is read and rendered here.
 */
export async function bodyHtml(file: string): Promise<string> {
  const body = registry().get(file) ?? (await readBody(file));
  if (!body.html) {
    const markdown = body.markdown ?? "";
    body.html = import("./markdown.ts").then(({ renderBody }) => renderBody(markdown));
    delete body.markdown;
  }
  return body.html;
}

/** The route of the article pages, whose bodies come from here. */
const ARTICLE_ROUTE = "/articles/[slug]";

/**
 * Puts the article pages after every other page, each group in its own
 * order: the other pages do not wait on any body, so the workers get that
 * much longer to render the bodies before the first article page asks.
 */
export function articlePagesLast<P extends { route: { route: string } }>(paths: readonly P[]): P[] {
  const isArticle = (path: P) => path.route.route === ARTICLE_ROUTE;
  return [...paths.filter((path) => !isArticle(path)), ...paths.filter(isArticle)];
}

async function readBody(file: string): Promise<Body> {
  const text = await readFile(file, "utf8");
  const parsed = parseArticleFile(file, text);
  if (!parsed.ok) throw new ContentError([parsed.problem]);
  const body: Body = { text, markdown: parsed.body ?? "" };
  registry().set(file, body);
  return body;
}
