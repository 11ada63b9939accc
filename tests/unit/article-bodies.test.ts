import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { articlePagesLast, bodyHtml, noteBody, startRendering } from "../../src/lib/article-bodies.ts";
import { renderBody } from "../../src/lib/markdown.ts";

/** A corpus of `n` articles whose files sort by date, not by slug, as real ones do. */
function corpus(n: number) {
  return Array.from({ length: n }, (_, i) => {
    const slug = `article-${String(n - i).padStart(4, "0")}`;
    const body = `## Part ${slug}\n\nBody of **${slug}**, see https://example.org/${slug}.\n`;
    return { file: `content/articles/2024-01-${i}-${slug}.md`, slug, text: `---\ntitle: x\n---\n${body}`, body };
  });
}

describe("article bodies", () => {
  it("renders a large corpus in worker processes and gives each page its own body", async () => {
    const articles = corpus(450);
    startRendering(articles, { render: true });
    const html = await Promise.all(articles.map((a) => bodyHtml(a.file)));
    expect(html).toEqual(articles.map((a) => renderBody(a.body)));
    expect(html[0]).toContain('id="body-part-article-0450"');
  });

  it("renders a small corpus, or any corpus outside `astro build`, when a page asks", async () => {
    const articles = corpus(3);
    startRendering(articles, { render: false });
    const [, second] = articles;
    expect(await bodyHtml(second?.file ?? "")).toBe(renderBody(second?.body ?? "-"));
  });

  it("renders the new body of a file edited since validation, and keeps an unchanged one", async () => {
    const [first, second] = corpus(2) as [ReturnType<typeof corpus>[0], ReturnType<typeof corpus>[0]];
    startRendering([first, second], { render: false });
    noteBody({ ...first, text: `${first.text}\nMore.\n`, body: `${first.body}\nMore.\n` });
    noteBody(second);
    expect(await bodyHtml(first.file)).toContain("<p>More.</p>");
    expect(await bodyHtml(second.file)).toBe(renderBody(second.body));
  });

  it("reads and renders a file nobody registered", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gt-bodies-"));
    const file = path.join(dir, "2024-01-01-unregistered.md");
    writeFileSync(file, "---\ntitle: Unregistered\n---\n# Heading\n\nText.\n");
    startRendering([], { render: false });
    expect(await bodyHtml(file)).toBe(renderBody("# Heading\n\nText.\n"));
  });

  it("puts the article pages last, every group in its own order", () => {
    const page = (route: string, pathname: string) => ({ pathname, route: { route } });
    const paths = [
      page("/actors/[id]", "/actors/a/"),
      page("/articles/[slug]", "/articles/b/"),
      page("/articles/[slug]", "/articles/a/"),
      page("/timeline", "/timeline/"),
    ];
    expect(articlePagesLast(paths).map((p) => p.pathname)).toEqual([
      "/actors/a/",
      "/timeline/",
      "/articles/b/",
      "/articles/a/",
    ]);
    // The route it recognises is the article page's: were that page to move, the order would silently revert.
    expect(existsSync(path.resolve("src/pages/articles/[slug].astro"))).toBe(true);
  });
});
