import { describe, expect, it } from "vitest";
import { contentAfterHtmlEnd, textRunsIntoLinks, validateHtml } from "../support/html.ts";
import { checkLinks, hasSafeRel, linkedPages, resolvePath } from "../support/links.ts";
import { cspOf, cspProblems, findUnsafeMarkup, scriptsOf } from "../support/security.ts";

/**
 * The site gates' own checks, fed deliberately broken HTML: each must report
 * what it exists to catch, and stay quiet on good markup.
 */

const CSP =
  "default-src 'none'; img-src 'self'; base-uri 'self'; form-action 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** A small, valid page in the site's own style. */
function page(body: string, { title = "A page", csp = CSP, head = "" } = {}): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><meta http-equiv="content-security-policy" content="${csp}">${head}</head><body><main id="main"><h1>${title}</h1>${body}</main></body></html>`;
}

describe("html-validate gate", () => {
  it("accepts a valid page", async () => {
    expect(await validateHtml(page('<p>Text with a <a href="/x/">link</a>.</p>'))).toEqual([]);
  });

  it("reports invalid HTML: misnested and unclosed elements, duplicate ids, a list with a <div> child", async () => {
    const problems = await validateHtml(
      page('<div><p>open</div><ul><div>not an item</div></ul><p id="a">1</p><p id="a">2</p><span>'),
      "broken.html",
    );
    const rules = new Set(problems.map((p) => p.rule));
    expect(rules).toContain("no-dup-id");
    expect(rules).toContain("element-permitted-content");
    expect(rules).toContain("close-order");
    expect(problems.every((p) => p.file === "broken.html" && p.line >= 1)).toBe(true);
  });

  it("reports an image without alt and a button without type", async () => {
    const problems = await validateHtml(page('<img src="/x.png"><button>Go</button>'));
    expect(problems.map((p) => p.rule).sort()).toEqual(["no-implicit-button-type", "wcag/h37"]);
  });

  it("lets a checkbox group share a name, but not two text inputs", async () => {
    const boxes = '<input type="checkbox" name="status" value="a"><input type="checkbox" name="status" value="b">';
    const texts = '<input type="text" name="q"><input type="text" name="q">';
    const form = (inner: string) => page(`<form action="/search/"><label>x ${inner}</label></form>`);
    expect((await validateHtml(form(boxes))).map((p) => p.rule)).not.toContain("form-dup-name");
    expect((await validateHtml(form(texts))).map((p) => p.rule)).toContain("form-dup-name");
  });

  it("reports words that run into a link, and not punctuation or spaced text", async () => {
    const bad = page('<p>see<a href="/c/">the comparison</a> and <a href="/r/">RSS</a> ·<a href="/s/">Sitemap</a></p>');
    expect(textRunsIntoLinks(bad).map((p) => p.message)).toEqual([
      'no space between text and link: "…see[the comparison]…"',
      'no space between text and link: "… ·[Sitemap]…"',
    ]);
    expect((await validateHtml(bad)).map((p) => p.rule)).toContain("text-runs-into-link");
    const good = page('<p>see <a href="/c/">the comparison</a>, (<a href="/x/">x</a>) and “<a href="/y/">y</a>”.</p>');
    expect(textRunsIntoLinks(good)).toEqual([]);
  });

  it("reports markup after </html>, which html-validate itself lets through", async () => {
    const html = `${page("<p>x</p>")}<script type="module" src="/a.js"></script>`;
    expect(contentAfterHtmlEnd(html).map((p) => p.rule)).toEqual(["content-after-html"]);
    expect((await validateHtml(html)).map((p) => p.rule)).toContain("content-after-html");
    expect(contentAfterHtmlEnd(`${page("<p>x</p>")}\n`)).toEqual([]);
  });
});

describe("link checker", () => {
  const good = {
    "index.html": page('<p><a href="/a/">A</a> <a href="/a/#part">part</a> <a href="#main">top</a></p>'),
    "a/index.html": page('<h2 id="part">Part</h2><img src="/img/x.svg" alt="x"><a href="../">home</a>'),
    "img/x.svg": null,
  };

  it("accepts a site whose links all resolve", () => {
    expect(checkLinks(good, "https://example.test")).toEqual([]);
  });

  it("reports a dangling href, with the page, the element and why", () => {
    const problems = checkLinks(
      { ...good, "index.html": page('<a href="/missing/">gone</a>') },
      "https://example.test",
    );
    expect(problems).toEqual([
      { page: "index.html", where: "a[href]", url: "/missing/", problem: "no missing/index.html in the built site" },
    ]);
  });

  it("reports a missing #fragment, on another page and on the same page", () => {
    const problems = checkLinks(
      { ...good, "index.html": page('<a href="/a/#nowhere">x</a><a href="#nothing">y</a>') },
      "https://example.test",
    );
    expect(problems.map((p) => p.problem)).toEqual([
      'no element with id="nowhere" in a/index.html',
      'no element with id="nothing" in index.html',
    ]);
  });

  it("reports a missing image, a directory URL without its slash, and a broken absolute link to the site", () => {
    const problems = checkLinks(
      {
        ...good,
        "index.html": page('<img src="/img/none.png" alt=""><a href="/a">a</a>', {
          head: '<link rel="canonical" href="https://example.test/404/">',
        }),
      },
      "https://example.test",
    );
    expect(problems.map((p) => `${p.where} ${p.url}`)).toEqual([
      "link[href] https://example.test/404/",
      "img[src] /img/none.png",
      "a[href] /a",
    ]);
  });

  it("reports an external link without rel=noopener noreferrer, and a javascript: URL", () => {
    const problems = checkLinks(
      {
        ...good,
        "index.html": page(
          '<a href="https://other.test/x">bare</a><a href="https://other.test/y" rel="noopener">half</a><a href="https://other.test/z" rel="external noreferrer noopener">ok</a><a href="JavaScript:alert(1)">js</a>',
        ),
      },
      "https://example.test",
    );
    expect(problems.map((p) => `${p.url}: ${p.problem}`)).toEqual([
      'https://other.test/x: an external link without rel="noopener noreferrer" (rel="")',
      'https://other.test/y: an external link without rel="noopener noreferrer" (rel="noopener")',
      "JavaScript:alert(1): a javascript: URL",
    ]);
    expect(hasSafeRel("noreferrer noopener")).toBe(true);
    expect(hasSafeRel("noopener")).toBe(false);
  });

  it("resolves directory URLs to index.html and refuses paths that leave the site", () => {
    expect(resolvePath("/a/", good)).toEqual({ file: "a/index.html" });
    expect(resolvePath("/img/x.svg", good)).toEqual({ file: "img/x.svg" });
    expect(resolvePath("/../etc/passwd", good).problem).toBeDefined();
  });

  it("finds the pages each page links to", () => {
    const linked = linkedPages(good, "https://example.test");
    expect([...(linked.get("index.html") ?? [])]).toEqual(["a/index.html"]);
    expect([...(linked.get("a/index.html") ?? [])]).toEqual(["index.html"]);
  });
});

describe("security checks", () => {
  it("accept a clean page", () => {
    expect(findUnsafeMarkup(page("<p>Hello</p>"))).toEqual([]);
    expect(cspProblems(page("<p>Hello</p>"))).toEqual([]);
  });

  it("report an inline onclick, an inline script, an iframe and a javascript: URL", () => {
    const problems = findUnsafeMarkup(
      page(
        '<button type="button" onclick="alert(1)">x</button><script>alert(1)</script><iframe src="https://x.test"></iframe><a href=" jav&#x09;ascript:alert(1)">x</a><svg><a href="javascript:alert(1)"><text>x</text></a></svg>',
      ),
    );
    expect(problems.map((p) => p.where)).toEqual([
      "button[onclick]",
      "script",
      "iframe",
      "a[href= jav\tascript:alert(1)]",
      "a[href=javascript:alert(1)]",
    ]);
  });

  it("allow only the scripts a page may load", () => {
    const html = page('<script type="module" src="/_astro/search.js"></script>');
    expect(findUnsafeMarkup(html).map((p) => p.problem)).toEqual(["a script that is not allowed on this page"]);
    expect(findUnsafeMarkup(html, { allowScript: () => true })).toEqual([]);
    expect(scriptsOf(html)).toEqual([{ src: "/_astro/search.js", type: "module" }]);
  });

  it("report a missing CSP, 'unsafe-inline' in script-src and a missing 'wasm-unsafe-eval'", () => {
    const noCsp = "<!doctype html><html lang=en><head><title>x</title></head><body></body></html>";
    expect(cspOf(noCsp)).toBeNull();
    expect(cspProblems(noCsp)).toEqual(["no <meta http-equiv=content-security-policy>"]);
    expect(cspProblems(page("", { csp: CSP.replace("'wasm-unsafe-eval'", "'unsafe-inline'") }))).toEqual([
      "script-src allows 'unsafe-inline'",
      "script-src lacks 'wasm-unsafe-eval' (Pagefind needs it)",
    ]);
    expect(cspProblems(page("", { csp: "script-src 'self' 'wasm-unsafe-eval'" }))).toEqual([
      "default-src is \"undefined\", not 'none'",
      "object-src is not 'none'",
      "base-uri is not restricted",
    ]);
  });
});
