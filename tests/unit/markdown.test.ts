import { describe, expect, it } from "vitest";
import { renderBody } from "../../src/lib/markdown.ts";
import { renderInWorkers } from "../../src/lib/render-bodies.ts";

const render = renderBody;

describe("the Markdown pipeline", () => {
  it("neutralises raw HTML: scripts, event handlers, iframes, javascript: links", () => {
    const html = render(
      '<script>alert(1)</script>\n\n<img src="x" onerror="alert(1)">\n\n<iframe src="https://evil.example"></iframe>\n\n[click](javascript:alert(1))\n',
    );
    expect(html).not.toMatch(/<script|onerror|<iframe|javascript:/i);
  });

  it("renders GFM tables", () => {
    expect(render("| a | b |\n| - | - |\n| 1 | 2 |\n")).toContain("<table>");
  });

  it("gives headings an id and a self-link", () => {
    expect(render("## Berlin talks\n")).toBe(
      '<h3 id="body-berlin-talks"><a class="heading-link" href="#body-berlin-talks">Berlin talks</a></h3>',
    );
  });

  it("demotes headings so a body never adds a second h1", () => {
    expect(render("# Title\n\n###### Deep\n")).toMatch(/^<h2 id="body-title">.*<\/h2>\n<h6 id="body-deep">/);
  });

  it("marks external links noopener noreferrer", () => {
    expect(render("[AFP](https://www.afp.com/)")).toContain('rel="noopener noreferrer"');
  });

  it("links bare URLs and renders the rest of GFM", () => {
    const html = render("See https://www.osw.waw.pl/en and ~~old~~ text.\n");
    expect(html).toContain('<a href="https://www.osw.waw.pl/en" rel="noopener noreferrer">');
    expect(html).toContain("<del>old</del>");
  });
});

describe("renderInWorkers", () => {
  it("renders a large corpus in worker processes, in order, exactly as renderBody does", async () => {
    const bodies = Array.from(
      { length: 450 },
      (_, i) => `## Part ${i}\n\nBody **${i}** [link](https://example.org/${i}).\n`,
    );
    const html = await Promise.all(renderInWorkers(bodies));
    expect(html).toHaveLength(450);
    expect(html).toEqual(bodies.map(renderBody));
    expect(html[449]).toContain('id="body-part-449"');
  });
});
