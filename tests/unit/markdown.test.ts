import { createMarkdownProcessor } from "@astrojs/markdown-remark";
import { describe, expect, it } from "vitest";
import { rehypePlugins } from "../../src/lib/markdown.ts";

const processor = await createMarkdownProcessor({
  rehypePlugins,
  syntaxHighlight: false,
  gfm: true,
  remarkRehype: { allowDangerousHtml: false },
});
const render = async (md: string) => (await processor.render(md)).code;

describe("the Markdown pipeline", () => {
  it("neutralises raw HTML: scripts, event handlers, iframes, javascript: links", async () => {
    const html = await render(
      '<script>alert(1)</script>\n\n<img src="x" onerror="alert(1)">\n\n<iframe src="https://evil.example"></iframe>\n\n[click](javascript:alert(1))\n',
    );
    expect(html).not.toMatch(/<script|onerror|<iframe|javascript:/i);
  });

  it("renders GFM tables", async () => {
    expect(await render("| a | b |\n| - | - |\n| 1 | 2 |\n")).toContain("<table>");
  });

  it("gives headings an id and a self-link", async () => {
    expect(await render("## Berlin talks\n")).toBe(
      '<h3 id="body-berlin-talks"><a class="heading-link" href="#body-berlin-talks">Berlin talks</a></h3>',
    );
  });

  it("demotes headings so a body never adds a second h1", async () => {
    expect(await render("# Title\n\n###### Deep\n")).toMatch(/^<h2 id="body-title">.*<\/h2>\n<h6 id="body-deep">/);
  });

  it("marks external links noopener noreferrer", async () => {
    expect(await render("[AFP](https://www.afp.com/)")).toContain('rel="noopener noreferrer"');
  });
});
