import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Element } from "hast";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.ts";
import { checkLinks, readSite } from "../support/links.ts";
import { cspOf, cspProblems, findUnsafeMarkup, scriptsOf } from "../support/security.ts";
import { settledSearch } from "../support/search-page.ts";
import { serveStatic } from "../support/server.ts";
import { elements, htmlFiles, parseHtml, prop, sharedBuild, textOf } from "../support/site.ts";

/**
 * A hostile corpus (tests/fixtures/hostile/): markup in every front-matter
 * string and raw HTML, scripts, handlers and javascript: links in a body,
 * plus an article in Ukrainian. Built once into a temporary directory; the
 * pages must carry all of it as inert text.
 */

const FIXTURE = "tests/fixtures/hostile";
const HOSTILE = "articles/hostile-markup/index.html";
const CYRILLIC = "articles/ukrainian-voices/index.html";
const SCRIPT_TEXT = "<script>alert(2)</script>";
const HANDLER_TEXT = "<b onmouseover=alert(3)>x</b>";

let out: string;
let pages: string[];
const read = (file: string) => readFileSync(path.join(out, file), "utf8");

/**
 * The search page may run its own module, which the build writes into the page and the page's CSP allows by its
 * hash; nothing else may have a script.
 */
const searchModule = (file: string, html: string) => (el: Element) =>
  file === "search/index.html" &&
  prop(el, "type") === "module" &&
  prop(el, "src") === undefined &&
  (cspOf(html)?.get("script-src") ?? []).includes(
    `'sha256-${createHash("sha256").update(textOf(el)).digest("base64")}'`,
  );

/** The first element matching a predicate, or a failure naming what was looked for. */
function find(html: string, what: string, test: (el: Element) => boolean): Element {
  const el = elements(parseHtml(html)).find(test);
  if (!el) throw new Error(`no ${what} in the page`);
  return el;
}

beforeAll(async () => {
  out = await sharedBuild(FIXTURE);
  pages = htmlFiles(out);
}, 120_000);

describe("a hostile corpus builds into inert pages", () => {
  it("built the fixture's pages", () => {
    expect(pages).toContain(HOSTILE);
    expect(pages).toContain(CYRILLIC);
    expect(pages).toContain("proposals/hostile-guarantee/index.html");
    expect(pages).toContain("actors/mallory/index.html");
  });

  it("no page has a <script> other than the search page's module, an on*= handler, a javascript: URL or an iframe", () => {
    const problems = pages.flatMap((file) =>
      findUnsafeMarkup(read(file), { allowScript: searchModule(file, read(file)) }).map(
        (p) => `${file}: ${p.problem} (${p.where})`,
      ),
    );
    expect(problems, problems.join("\n")).toEqual([]);
    expect(scriptsOf(read("search/index.html"))).toHaveLength(1);
  });

  it("the fixture's article pages load no JavaScript at all", () => {
    for (const file of pages.filter((f) => f.startsWith("articles/"))) {
      expect(scriptsOf(read(file)), file).toEqual([]);
    }
  });

  it("front-matter markup appears escaped, as text", () => {
    const article = read(HOSTILE);
    expect(article).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
    expect(textOf(find(article, "h1", (el) => el.tagName === "h1"))).toBe(
      `Hostile title ${SCRIPT_TEXT} and ${HANDLER_TEXT}`,
    );
    const lede = find(article, "p.lede", (el) => el.tagName === "p" && (prop(el, "className") ?? "").includes("lede"));
    expect(textOf(lede)).toBe(`Hostile summary ${SCRIPT_TEXT} with ${HANDLER_TEXT} inside.`);
    expect(textOf(find(article, "<title>", (el) => el.tagName === "title"))).toContain(SCRIPT_TEXT);
    const description = find(article, "meta description", (el) => prop(el, "name") === "description");
    expect(prop(description, "content")).toContain(SCRIPT_TEXT);

    const proposal = read("proposals/hostile-guarantee/index.html");
    // The registry's title is the h1; the source's own title, as hostile, shows as "also reported as".
    expect(textOf(find(proposal, "h1", (el) => el.tagName === "h1"))).toBe(
      "Hostile <script>alert(4)</script> guarantee & <i>friends</i>",
    );
    expect(proposal).toContain("Also reported as “Hostile proposal &lt;script&gt;alert(2)&lt;/script&gt;");
    const quote = find(proposal, "blockquote", (el) => el.tagName === "blockquote");
    expect(textOf(quote).trim()).toBe(`Hostile quote ${SCRIPT_TEXT} and ${HANDLER_TEXT}`);

    const actor = read("actors/mallory/index.html");
    expect(textOf(find(actor, "h1", (el) => el.tagName === "h1"))).toBe("Mallory <script>alert(4)</script> Group");
    const kind = read("kinds/political/index.html");
    expect(textOf(find(kind, "h1 + p", (el) => el.tagName === "p" && textOf(el).startsWith("Political ")))).toBe(
      "Political <b onmouseover=alert(5)>x</b> commitments and integration.",
    );
  });

  it("the body keeps its Markdown (table, heading with id and self-link, external links with rel) and loses raw HTML", () => {
    const body = find(read(HOSTILE), "the body section", (el) => (prop(el, "className") ?? "").includes("prose"));
    const inBody = elements(body);
    expect(inBody.some((el) => el.tagName === "table")).toBe(true);
    for (const tag of ["script", "img", "iframe", "form", "input", "svg"]) {
      expect(
        inBody.filter((el) => el.tagName === tag),
        `<${tag}> in the body`,
      ).toEqual([]);
    }
    const heading = inBody.find((el) => /^h[2-6]$/.test(el.tagName) && textOf(el).trim() === "Heading");
    expect(heading, "the ## Heading").toBeDefined();
    const id = prop(heading as Element, "id");
    expect(id).toBeTruthy();
    const self = elements(heading as Element).find((el) => el.tagName === "a");
    expect(self && prop(self, "href")).toBe(`#${id}`);

    const external = inBody.find((el) => el.tagName === "a" && prop(el, "href") === "https://example.org/x");
    expect(external, "the external link").toBeDefined();
    expect(prop(external as Element, "rel")).toBe("noopener noreferrer");
    const neutralised = inBody.find((el) => el.tagName === "a" && textOf(el) === "link");
    expect(neutralised, "the [link](javascript:…)").toBeDefined();
    expect(prop(neutralised as Element, "href") ?? "").not.toMatch(/script/i);
  });

  it("links: no javascript: URL anywhere, every external link carries rel=noopener noreferrer", () => {
    const problems = checkLinks(readSite(out)).filter((p) => /javascript|external|URL/.test(p.problem));
    expect(problems.map((p) => `${p.page}: ${p.where}="${p.url}": ${p.problem}`)).toEqual([]);
  });

  it("ids stay unique: a body heading cannot clobber an id of the page (#main, section ids)", () => {
    const duplicates = pages.flatMap((file) => {
      const seen = new Map<string, number>();
      for (const el of elements(parseHtml(read(file)))) {
        const id = prop(el, "id");
        if (id !== undefined) seen.set(id, (seen.get(id) ?? 0) + 1);
      }
      return [...seen].filter(([, n]) => n > 1).map(([id, n]) => `${file}: id="${id}" ×${n}`);
    });
    expect(duplicates, duplicates.join("\n")).toEqual([]);
  });

  it("every page has the CSP meta tag: no 'unsafe-inline' in script-src, 'wasm-unsafe-eval' for Pagefind", () => {
    for (const file of pages) {
      const csp = cspOf(read(file));
      expect(csp, file).not.toBeNull();
      expect(csp?.get("script-src"), file).not.toContain("'unsafe-inline'");
      expect(csp?.get("script-src"), file).toContain("'wasm-unsafe-eval'");
      expect(cspProblems(read(file)), file).toEqual([]);
    }
  });

  it("styles come only from the site's own stylesheets: no inline <style>, no style attribute, style-src 'self'", () => {
    for (const file of pages) {
      const html = read(file);
      expect(cspOf(html)?.get("style-src"), file).toContain("'self'");
      expect(cspOf(html)?.get("style-src"), file).not.toContain("'unsafe-inline'");
      const inline = elements(parseHtml(html))
        .filter((el) => el.tagName === "style" || prop(el, "style") !== undefined)
        .map((el) => el.tagName);
      expect(inline, file).toEqual([]);
      const sheets = elements(parseHtml(html)).filter(
        (el) => el.tagName === "link" && prop(el, "rel") === "stylesheet",
      );
      expect(sheets.length, `${file}: its stylesheets`).toBeGreaterThan(0);
      for (const sheet of sheets) expect(prop(sheet, "href"), file).toMatch(/^\/_astro\/[\w.-]+\.css$/);
    }
  });

  it("the RSS feed carries front-matter markup as text (readers render <description> as HTML)", () => {
    const rss = read("rss.xml");
    const descriptions = [...rss.matchAll(/<description>([\s\S]*?)<\/description>/g)].map((m) =>
      (m[1] as string)
        .replace(/^<!\[CDATA\[([\s\S]*)\]\]>$/, "$1")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, "&"),
    );
    const hostile = descriptions.find((d) => d.includes("Hostile summary"));
    expect(hostile, "the hostile article's RSS item").toBeDefined();
    const tags = elements(parseHtml(hostile ?? ""))
      .map((el) => el.tagName)
      .filter((t) => !["html", "head", "body"].includes(t));
    expect(tags, `the description, as a feed reader's HTML: ${hostile}`).toEqual([]);
  });
});

describe("the hostile build in Chromium", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let context: BrowserContext;
  const dialogs: string[] = [];
  const violations: string[] = [];

  /** A page that records dialogs and CSP violations (console reports and securitypolicyviolation events). */
  async function newWatchedPage(): Promise<{ page: Page; visit: (url: string) => Promise<void> }> {
    const page = await context.newPage();
    let current = "";
    page.on("dialog", (dialog) => {
      dialogs.push(`${current}: ${dialog.type()} ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on("console", (msg) => {
      if (/content security policy/i.test(msg.text())) violations.push(`${current}: ${msg.text()}`);
    });
    page.on("pageerror", (error) => violations.push(`${current}: page error ${error.message}`));
    const visit = async (url: string) => {
      current = url;
      await page.goto(`${server.url}${url}`);
    };
    return { page, visit };
  }

  async function open(url: string): Promise<Page> {
    const { page, visit } = await newWatchedPage();
    await visit(url);
    return page;
  }

  async function searchResults(q: string): Promise<string[]> {
    const page = await open(`/search/?q=${encodeURIComponent(q)}`);
    await settledSearch(page, q);
    const hrefs = await page.locator("#search-results a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    const events = await page.evaluate("window.__cspViolations ?? []");
    violations.push(...(events as string[]).map((e) => `/search/?q=${q}: ${e}`));
    await page.close();
    return hrefs.filter((h): h is string => h !== null);
  }

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveStatic(out)]);
    context = await browser.newContext();
    await context.addInitScript(
      "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));",
    );
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it("opening the hostile pages fires no dialog and trips no CSP report", async () => {
    const { page, visit } = await newWatchedPage();
    const scripts: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(`${new URL(page.url()).pathname} loads ${r.url()}`);
    });
    for (const file of pages.filter((f) => f !== "404.html")) {
      await visit(`/${file.replace(/index\.html$/, "")}`);
      // Mouse and focus events on every element would fire any smuggled handler.
      await page.evaluate(
        "for (const el of document.querySelectorAll('body *')) for (const type of ['mouseover', 'click', 'focus', 'error']) el.dispatchEvent(new Event(type, { bubbles: false }))",
      );
      violations.push(...((await page.evaluate("window.__cspViolations")) as string[]).map((v) => `${file}: ${v}`));
    }
    await page.close();
    expect(dialogs).toEqual([]);
    expect(violations).toEqual([]);
    expect(scripts.filter((s) => !s.startsWith("/search/ "))).toEqual([]);
  });

  it("search results for the hostile content render as text and fire no dialog", async () => {
    const page = await open("/search/?q=hostile");
    expect(await settledSearch(page, "hostile")).toBeGreaterThan(0);
    const injected = page.locator("#search-results script, #search-results img, #search-results [onmouseover]");
    expect(await injected.count()).toBe(0);
    await expect(page.locator("#search-results").innerText()).resolves.toContain("<script>");
    await page.close();
    expect(dialogs).toEqual([]);
  });

  it("no CSP violation blocks Pagefind; searching Cyrillic finds the Ukrainian article, in either case", async () => {
    for (const q of ["Україна", "україна", "Київ"]) {
      const hrefs = await searchResults(q);
      expect(hrefs, `results for ${q}`).toContain("/articles/ukrainian-voices/");
    }
    expect(violations).toEqual([]);
  });
});
