import { describe, expect, it } from "vitest";
import { unified } from "@astrojs/markdown-remark";
import { markdownOptions } from "../../src/lib/content/markdown.ts";

// The processor exactly as astro.config.mjs gives it to Astro (markdown.processor), rendering as Astro does.
const renderer = await unified(markdownOptions).createRenderer({});
const render = async (markdown: string) => (await renderer.render(markdown)).code;

describe("the article-body Markdown pipeline (Astro's unified processor)", () => {
  it("neutralises raw HTML: scripts, event handlers, iframes, javascript: links", async () => {
    const html = await render(
      '<script>alert(1)</script>\n\n<img src="x" onerror="alert(1)">\n\n<iframe src="https://evil.example"></iframe>\n\n[click](javascript:alert(1))\n',
    );
    expect(html).not.toMatch(/<script|onerror|<iframe|javascript:/i);
  });

  it("renders GFM tables", async () => {
    expect(await render("| a | b |\n| - | - |\n| 1 | 2 |\n")).toMatch(/<table>[\s\S]*<td>2<\/td>/);
  });

  it("gives headings a body- id and a self-link", async () => {
    expect(await render("## Berlin talks\n")).toBe(
      '<h3 id="body-berlin-talks"><a class="heading-link" href="#body-berlin-talks">Berlin talks</a></h3>',
    );
  });

  it("reports the headings to render(entry)", async () => {
    const { metadata } = await renderer.render("## Berlin talks\n");
    expect(metadata.headings).toEqual([{ depth: 3, slug: "body-berlin-talks", text: "Berlin talks" }]);
  });

  it("demotes headings so a body never adds a second h1", async () => {
    expect(await render("# Title\n\n###### Deep\n")).toMatch(/^<h2 id="body-title">.*<\/h2>\n<h6 id="body-deep">/);
  });

  it("marks external links noopener noreferrer", async () => {
    expect(await render("[AFP](https://www.afp.com/)")).toContain('rel="noopener noreferrer"');
  });

  it("links bare URLs and renders the rest of GFM", async () => {
    const html = await render("See https://www.osw.waw.pl/en and ~~old~~ text.\n\n- [x] done\n");
    expect(html).toContain('<a href="https://www.osw.waw.pl/en" rel="noopener noreferrer">');
    expect(html).toContain("<del>old</del>");
    expect(html).toContain('type="checkbox"');
  });

  it("keeps straight quotes as typed (no SmartyPants)", async () => {
    expect(await render('He said "no".\n')).toBe('<p>He said "no".</p>');
  });
});
