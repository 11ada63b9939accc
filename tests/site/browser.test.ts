import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Model } from "../../src/lib/model/model.ts";
import { filterOptions } from "../../src/lib/views/timeline.ts";
import { TIMELINE_FIRST_PAGE } from "../../src/lib/views/page-sizes.ts";
import { launchChromium } from "../support/browser.ts";
import { loadModel, pageTypes, type PageType } from "../support/model.ts";
import { settledSearch } from "../support/search-page.ts";
import { serveStatic } from "../support/server.ts";
import { DIST } from "../support/site.ts";

/**
 * The built site in Chromium, as a visitor uses it: following links, the
 * timeline filters, search with its URL state, the 404 page, a phone
 * viewport, dark mode, and where JavaScript is (not) loaded.
 */

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
let model: Model;
let types: PageType[];
const contexts: BrowserContext[] = [];

async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
  contexts.push(context);
  return context.newPage();
}

const at = (page: Page) => new URL(page.url()).pathname + new URL(page.url()).search;
const h1 = (page: Page) => page.locator("h1").first().innerText();

beforeAll(async () => {
  model = loadModel("content");
  types = pageTypes(model);
  [browser, server] = await Promise.all([launchChromium(), serveStatic(DIST)]);
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("following links", () => {
  it("home → timeline → an article → a proposal → back to a source", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/`);
    expect(await h1(page)).toMatch(/security guarantees for ukraine/i);

    await page.locator("nav[aria-label=Main]").getByRole("link", { name: "Timeline" }).click();
    await page.waitForURL("**/timeline/");
    expect(await h1(page)).toMatch(/^Timeline/);

    const newest = model.articles[0];
    if (!newest) throw new Error("no article");
    await page.locator(`.timeline a[href="/articles/${newest.slug}/"]`).first().click();
    await page.waitForURL(`**/articles/${newest.slug}/`);
    expect(await h1(page)).toBe(newest.title);

    const mention = newest.mentions[0];
    if (!mention) throw new Error("no mention");
    const proposal = model.proposalById.get(mention.proposalId);
    await page.locator(`main a[href="/proposals/${mention.proposalId}/"]`).first().click();
    await page.waitForURL(`**/proposals/${mention.proposalId}/`);
    expect(await h1(page)).toBe(proposal?.title);

    // A source the page lists (it shows the newest few; the rest are on its sources page), other than the one we came from.
    const listed = await page
      .locator('.sources a[href^="/articles/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    const source =
      proposal?.mentions.find(
        (m) => m.article.slug !== newest.slug && listed.includes(`/articles/${m.article.slug}/`),
      ) ?? proposal?.mentions.find((m) => listed.includes(`/articles/${m.article.slug}/`));
    if (!source) throw new Error("no source listed on the proposal page");
    await page.locator(`.sources a[href="/articles/${source.article.slug}/"]`).first().click();
    await page.waitForURL(`**/articles/${source.article.slug}/`);
    expect(await h1(page)).toBe(source.article.title);
  });
});

describe("timeline filters", () => {
  it("a status chip leads to /timeline/status/<s>/, where every listed proposal has that status", async () => {
    const option = filterOptions(model).status[0];
    if (!option) throw new Error("no status option");
    const status = option.filter.value;
    const page = await newPage();
    await page.goto(`${server.url}/timeline/`);
    const chip = page.locator(`details.filters a[href="/timeline/status/${status}/"]`);
    await page.locator("details.filters > summary").click();
    await chip.click();
    await page.waitForURL(`**/timeline/status/${status}/`);
    expect(at(page)).toBe(`/timeline/status/${status}/`);
    expect(await h1(page)).toContain(option.label);

    const badges = page.locator(".timeline .entry-proposals .badge");
    const classes = await badges.evaluateAll((els) => els.map((el) => el.className));
    expect(classes.length).toBeGreaterThan(0);
    expect(classes.filter((c) => !c.split(/\s+/).includes(`status-${status}`))).toEqual([]);
    expect(await page.locator(".timeline .entry").count()).toBe(Math.min(option.entries.length, TIMELINE_FIRST_PAGE));
  });
});

describe("search", () => {
  it('typing "Article 5" finds the Article 5-like proposal, and its result leads there', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/search/`);
    await page.locator("#search-q").pressSequentially("Article 5", { delay: 20 });
    expect(await settledSearch(page, "Article 5")).toBeGreaterThan(0);
    await page.waitForURL("**/search/?q=Article+5");
    const result = page.locator('#search-results a[href="/proposals/article-5-like-guarantee/"]');
    await result.click();
    await page.waitForURL("**/proposals/article-5-like-guarantee/");
    expect(await h1(page)).toBe(model.proposalById.get("article-5-like-guarantee")?.title);
  });

  it("a status filter narrows the results to that status", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/search/?q=nato`);
    const before = await settledSearch(page, "nato");
    expect(before).toBeGreaterThan(1);

    // Facet counts arrive after the first results (a second Pagefind instance counts them).
    await page.waitForFunction(() =>
      [...document.querySelectorAll("input[name=status]")].some(
        (b) => Number(b.parentElement?.querySelector(".count")?.textContent) > 0,
      ),
    );
    // The status with the most results, but not all of them, so the filter has something to remove.
    const counts = await page
      .locator("input[name=status]")
      .evaluateAll((boxes) =>
        boxes.map((b) => [
          (b as HTMLInputElement).value,
          Number(b.parentElement?.querySelector(".count")?.textContent),
        ]),
      );
    const [status, expected] = (counts as [string, number][])
      .filter(([, n]) => n > 0)
      .sort((a, b) => (a[1] < before ? 0 : 1) - (b[1] < before ? 0 : 1) || b[1] - a[1])[0] ?? ["", 0];
    expect(status).not.toBe("");

    const filters = page.locator("#search-filters");
    if (!(await filters.evaluate((d) => (d as HTMLDetailsElement).open))) await filters.locator("summary").click();
    await page.locator(`input[name=status][value=${status}]`).check();
    await page.waitForURL(`**/search/?q=nato&status=${status}`);
    const after = await settledSearch(page, `${expected} result`);
    expect(after).toBeLessThanOrEqual(before);
    expect(after).toBe(expected);

    // Every shown result carries the status: proposals on their badge, sources in one of their proposals.
    const results = await page.locator("#search-results .result").evaluateAll((items) =>
      items.map((li) => ({
        type: li.querySelector(".result-type")?.textContent ?? "",
        href: li.querySelector("a")?.getAttribute("href") ?? "",
        badge: li.querySelector(".badge")?.className ?? "",
      })),
    );
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      if (r.type === "Proposal") {
        expect(r.badge.split(/\s+/), r.href).toContain(`status-${status}`);
      } else {
        const html = await (await page.request.get(`${server.url}${r.href}`)).text();
        expect(html, `${r.href} mentions a ${status} proposal`).toContain(`status-${status}`);
      }
    }
  });

  it("a shared URL restores the query box and the checked filter, and shows results", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/search/?q=nato&type=proposal`);
    expect(await settledSearch(page, "nato")).toBeGreaterThan(0);
    expect(await page.locator("#search-q").inputValue()).toBe("nato");
    expect(await page.locator("input[name=type][value=proposal]").isChecked()).toBe(true);
    expect(await page.locator("input[name=type][value=article]").isChecked()).toBe(false);
    const types = await page.locator("#search-results .result-type").allInnerTexts();
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types)).toEqual(new Set(["Proposal"]));
  });

  it("the back button restores the previous query and filters", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/search/?q=nato`);
    const nato = await settledSearch(page, "nato");

    // A submitted query is a new history entry; typing alone only replaces the current one, after
    // a 250 ms pause. The box is set without input events so that pause cannot race the Enter key.
    await page.locator("#search-q").evaluate((box) => ((box as HTMLInputElement).value = "ceasefire"));
    await page.locator("#search-q").press("Enter");
    await page.waitForURL("**/search/?q=ceasefire");
    await settledSearch(page, "ceasefire");

    await page.locator("#search-filters").evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await page.locator("input[name=type][value=proposal]").check();
    await page.waitForURL("**/search/?q=ceasefire&type=proposal");
    await settledSearch(page);

    await page.goBack();
    await page.waitForURL("**/search/?q=ceasefire");
    expect(await page.locator("input[name=type][value=proposal]").isChecked()).toBe(false);
    await settledSearch(page, "ceasefire");

    await page.goBack();
    await page.waitForURL("**/search/?q=nato");
    expect(await page.locator("#search-q").inputValue()).toBe("nato");
    expect(await settledSearch(page, "nato")).toBe(nato);
  });

  it("the header search form on the home page lands on results", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/`);
    await page.locator("header form[role=search] input[name=q]").fill("nato");
    await page.locator("header form[role=search] button[type=submit]").click();
    await page.waitForURL("**/search/?q=nato");
    expect(await settledSearch(page, "nato")).toBeGreaterThan(0);
    expect(await page.locator("#search-q").inputValue()).toBe("nato");
    expect(await page.locator("#search-results .result").count()).toBeGreaterThan(0);
  });
});

describe("the 404 page", () => {
  it("an unknown URL answers 404 with a heading and a search form", async () => {
    const page = await newPage();
    const response = await page.goto(`${server.url}/no-such-page/`);
    expect(response?.status()).toBe(404);
    expect(await h1(page)).toMatch(/not found/i);
    const form = page.locator('main form[role=search][action="/search/"]');
    expect(await form.count()).toBe(1);
    expect(await form.locator("input[name=q]").count()).toBe(1);
  });
});

describe("every page type", () => {
  it("has no horizontal scroll on a 390 px phone", async () => {
    const page = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const wide: string[] = [];
    for (const { name, url } of types) {
      await page.goto(`${server.url}${url}`);
      if (url.startsWith("/search/")) await settledSearch(page);
      const { scroll, client, culprits } = await page.evaluate(() => {
        const root = document.documentElement;
        const width = root.clientWidth;
        const over = [...document.querySelectorAll("body *")]
          .filter((el) => el.getBoundingClientRect().right > width + 1)
          .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= width + 1)
          .slice(0, 3)
          .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(" ")[0]}` : ""}`);
        return { scroll: root.scrollWidth, client: width, culprits: over };
      });
      if (scroll > client) wide.push(`${name} (${url}): scrollWidth ${scroll} > ${client}: ${culprits.join(", ")}`);
    }
    expect(wide).toEqual([]);
  });

  it("dark mode changes the body background", async () => {
    const light = await newPage({ colorScheme: "light" });
    const dark = await newPage({ colorScheme: "dark" });
    const background = async (page: Page, url: string) => {
      await page.goto(`${server.url}${url}`);
      return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    };
    for (const url of ["/", "/proposals/article-5-like-guarantee/"]) {
      const [l, d] = [await background(light, url), await background(dark, url)];
      expect(d, `${url}: light ${l}, dark ${d}`).not.toBe(l);
    }
  });

  it("only /search/ loads JavaScript, and no page logs an error", async () => {
    const page = await newPage();
    let scripts: string[] = [];
    let errors: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
    });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error" && !/status of 404/.test(m.text())) errors.push(m.text());
    });
    const loaded: Record<string, string[]> = {};
    const logged: Record<string, string[]> = {};
    for (const { name, url } of types) {
      scripts = [];
      errors = [];
      await page.goto(`${server.url}${url}`);
      // Scripts are requested while the page parses, before its load event; search also loads Pagefind.
      if (url.startsWith("/search/")) await settledSearch(page);
      loaded[name] = scripts;
      if (errors.length > 0) logged[name] = errors;
    }
    const { search, ...others } = loaded;
    expect(search?.length, "the search page loads its script").toBeGreaterThan(0);
    expect(search).toContain("/pagefind/pagefind.js");
    expect(Object.entries(others).filter(([, s]) => s.length > 0)).toEqual([]);
    expect(logged).toEqual({});
  });
});
