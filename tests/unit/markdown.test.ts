import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bodyProcessor, gfmPiecesIn, renderBody } from "../../src/lib/markdown.ts";
import { parseArticleFile } from "../../src/lib/parse.ts";
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

describe("GFM pieces chosen per body", () => {
  const allOfGfm = bodyProcessor();
  const samples = [
    "| a | b |\n| - | - |\n| 1 | 2 |\n",
    "a | b\n--|--\n1 | 2\n",
    "Not a table\n---\n\nNor - this - one.\n",
    "~~gone~~ and ~also~ and ~~~\ncode\n~~~\n",
    "A claim.[^1]\n\n[^1]: The source.\n",
    "- [ ] open\n- [x] done\n- [X] done too\n- [\t] tab\n",
    "See WWW.Example.COM, HTTPS://example.org/a_(b) and mail press@example.org or mailto:desk@example.org.\n",
    "[a link](https://example.org) and <https://example.org/auto> and [ref][r]\n\n[r]: https://example.org/r\n",
    "Plain prose with *emphasis*, `code` and a [bracket] but nothing of GFM.\n",
    "> quote | with pipe\n\n1. one\n2. two ~ tilde\n",
  ];
  const contentDir = path.resolve("content/articles");
  const seedBodies = readdirSync(contentDir)
    .filter((name) => name.endsWith(".md"))
    .map((name) => {
      const file = path.join(contentDir, name);
      const parsed = parseArticleFile(file, readFileSync(file, "utf8"));
      return parsed.ok ? (parsed.body ?? "") : "";
    });

  it("renders every sample and every seed body exactly as remark with all of GFM does", () => {
    expect(seedBodies.length).toBeGreaterThanOrEqual(5);
    for (const markdown of [...samples, ...seedBodies]) {
      expect(renderBody(markdown)).toBe(String(allOfGfm.processSync(markdown)));
    }
  });

  it("takes a piece only when the text has what it cannot do without", () => {
    expect(gfmPiecesIn("Plain prose with *emphasis* and a [bracket].")).toEqual([]);
    expect(gfmPiecesIn(samples[0] ?? "")).toEqual(["table"]);
    expect(gfmPiecesIn(samples[3] ?? "")).toEqual(["strikethrough"]);
    expect(gfmPiecesIn(samples[4] ?? "")).toEqual(["footnote"]);
    expect(gfmPiecesIn(samples[5] ?? "")).toEqual(["taskList"]);
    expect(gfmPiecesIn("www.example.org")).toEqual(["autolink"]);
    expect(gfmPiecesIn("HTTP://EXAMPLE.ORG")).toEqual(["autolink"]);
    expect(gfmPiecesIn("desk@example.org")).toEqual(["autolink"]);
  });

  it("still renders each piece where the text has it", () => {
    expect(renderBody(samples[0] ?? "")).toContain("<table>");
    expect(renderBody(samples[3] ?? "")).toContain("<del>gone</del>");
    expect(renderBody(samples[4] ?? "")).toContain("data-footnote-ref");
    expect(renderBody(samples[5] ?? "")).toContain('type="checkbox"');
    expect(renderBody(samples[6] ?? "")).toContain('href="mailto:press@example.org"');
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
