import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sortKey } from "../../src/lib/model/dates.ts";
import type { Model } from "../../src/lib/model/model.ts";
import { launchChromium } from "../support/browser.ts";
import { loadModel, readCorpusText } from "../support/model.ts";
import { pagefindPages } from "../support/pagefind.ts";
import {
  layoutShifts,
  recordLayoutShifts,
  RESULTS_PER_PAGE,
  searchThroughForm,
  settledSearch,
} from "../support/search-page.ts";
import { serveStatic } from "../support/server.ts";
import { DIST } from "../support/site.ts";

/**
 * The search page as a reader uses it, in Chromium: browsing by filters alone,
 * and the defects of issue #18 — a hidden button shown, layout shifts, a title
 * that does not name the query, excerpts showing what a page never shows,
 * results far behind the filters for the keyboard, filters that crowd a phone,
 * and a page that says nothing useful without JavaScript.
 */

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
let model: Model;
const contexts: BrowserContext[] = [];

async function newPage(options: Parameters<Browser["newContext"]>[0] = {}): Promise<Page> {
  const context = await browser.newContext(options);
  contexts.push(context);
  return context.newPage();
}

const resultUrls = (page: Page) =>
  page.locator("#search-results .result-title a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));

/** Every two names next to each other in a page's hidden name lists ("Odesa · Odessa"), as the page's HTML has them. */
async function hiddenNamePairs(url: string): Promise<string[]> {
  const html = await (await fetch(`${server.url}${url}`)).text();
  const blocks = [...html.matchAll(/<p hidden id="search-[a-z]+"[^>]*>([^<]*)<\/p>/g)].map((m) => m[1] ?? "");
  const decode = (s: string) =>
    s
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&");
  return blocks.flatMap((text) =>
    decode(text)
      .split(" ¦ ")
      .flatMap((group) => group.split(" · ").flatMap((name, i, names) => (i > 0 ? [`${names[i - 1]} · ${name}`] : []))),
  );
}

beforeAll(async () => {
  model = loadModel("content");
  [browser, server] = await Promise.all([launchChromium(), serveStatic(DIST)]);
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

describe("browsing without typing", () => {
  it("a kind alone lists every page of that kind, newest first", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/search/?kind=foreign-forces`);
    const total = await settledSearch(page, "newest first");
    const indexed = await pagefindPages(page, { kind: "foreign-forces" });
    expect(total).toBe(indexed.length);
    expect(total).toBe(
      model.proposals.filter((p) => p.kind === "foreign-forces").length +
        model.articles.filter((a) => a.mentions.some((m) => m.kind === "foreign-forces")).length,
    );
    // Newest first by the date each page is indexed with: a proposal's latest mention, a source's publication.
    const dateOf = (url: string | null) => {
      const [, section = "", id = ""] = url?.split("/") ?? [];
      if (section === "proposals") return sortKey(model.proposalById.get(id)?.latest.date ?? "");
      return sortKey(model.articleBySlug.get(id)?.source.published ?? "");
    };
    const dates = (await resultUrls(page)).map(dateOf);
    expect(dates.length).toBeGreaterThan(1);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("an actor alone lists its proposals and sources, and its own page", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/search/?actor=united-kingdom`);
    const total = await settledSearch(page, "newest first");
    const involvement = model.involvement.get("united-kingdom");
    expect(total).toBe((involvement?.proposals.size ?? 0) + (involvement?.articles.size ?? 0) + 1);
    if (total <= RESULTS_PER_PAGE) expect(await resultUrls(page)).toContain("/actors/united-kingdom/");
  });

  it("filters combine, across facets and within one, and the URL keeps them", async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/search/`);
    await page.locator("input[name=type][value=proposal]").check();
    await page.waitForURL("**/search/?type=proposal");
    expect(await settledSearch(page)).toBe(model.proposals.length);

    await page.locator("input[name=status][value=floated]").check();
    await page.waitForURL("**/search/?type=proposal&status=floated");
    const floated = model.proposals.filter((p) => p.status === "floated").length;
    expect(await settledSearch(page)).toBe(floated);

    await page.locator("input[name=status][value=proposed]").check();
    await page.waitForURL("**/search/?type=proposal&status=floated&status=proposed");
    const either = model.proposals.filter((p) => p.status === "floated" || p.status === "proposed").length;
    expect(await settledSearch(page)).toBe(either);

    const year = model.proposals[0]?.latest.date.slice(0, 4) ?? "";
    await page.goto(`${server.url}/search/?type=proposal&year=${year}`);
    expect(await settledSearch(page)).toBe(model.proposals.filter((p) => p.latest.date.startsWith(year)).length);
    expect(await page.locator(`input[name=year][value="${year}"]`).isChecked()).toBe(true);
  });
});

describe("the results page", () => {
  it("keeps the hidden “More results” button hidden, and shows it only while there are more", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/search/?q=Black+Sea`);
    const few = await settledSearch(page, "Black Sea");
    expect(few).toBeLessThanOrEqual(RESULTS_PER_PAGE);
    expect(await page.locator("#search-more").isVisible()).toBe(false);

    await page.goto(`${server.url}/search/?type=proposal`);
    const many = await settledSearch(page);
    expect(many).toBeGreaterThan(RESULTS_PER_PAGE);
    await page.locator("#search-more").click();
    await expect.poll(() => page.locator("#search-results .result").count()).toBe(Math.min(many, 2 * RESULTS_PER_PAGE));
    if (many <= 2 * RESULTS_PER_PAGE) expect(await page.locator("#search-more").isVisible()).toBe(false);
  });

  it.each([
    { width: 1280, height: 800, url: "/search/?q=nato" },
    { width: 390, height: 844, url: "/search/?q=nato" },
    { width: 1280, height: 800, url: "/search/?kind=foreign-forces&status=floated" },
  ])("does not shift as results arrive ($width px, $url)", async ({ width, height, url }) => {
    const page = await newPage({ viewport: { width, height } });
    await recordLayoutShifts(page);
    await page.goto(`${server.url}${url}`);
    await settledSearch(page);
    // Counts, the status line and the results all arrive within a frame or two of each other; wait for a few more.
    await page.waitForTimeout(300);
    const shifts = await layoutShifts(page);
    expect(shifts, JSON.stringify(shifts)).toEqual([]);
  });

  it("names the query, or the filters, in the document title", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/search/?q=Black+Sea`);
    await settledSearch(page, "Black Sea");
    expect(await page.title()).toBe("“Black Sea” — Search — Guarantee Tracker");

    await searchThroughForm(page, "reassurance force");
    expect(await page.title()).toBe("“reassurance force” — Search — Guarantee Tracker");
    await page.goBack();
    await page.waitForURL("**/search/?q=Black+Sea");
    await expect.poll(() => page.title()).toBe("“Black Sea” — Search — Guarantee Tracker");

    await page.goto(`${server.url}/search/?type=proposal&kind=monitoring`);
    await settledSearch(page);
    const kind = model.kindById.get("monitoring")?.name ?? "";
    expect(await page.title()).toBe(`Proposals, ${kind} — Search — Guarantee Tracker`);
  });

  it("gives every result a type, a title, separated labels and an excerpt of what its page shows", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/search/`);
    const types = new Set<string>();
    // Queries whose results hold every type, and matches in hidden names of every kind.
    for (const q of ["France", "United Kingdom", "Odessa", "peacekeepers", "Zelensky", "Kiev", "UK"]) {
      await searchThroughForm(page, q);
      const results = await page.locator("#search-results .result").evaluateAll((items) =>
        items.map((li) => ({
          meta: li.querySelector(".result-meta")?.textContent ?? "",
          labels: [...(li.querySelector(".result-meta")?.children ?? [])].map((c) => c.textContent ?? ""),
          title: li.querySelector(".result-title a")?.textContent ?? "",
          href: li.querySelector(".result-title a")?.getAttribute("href") ?? "",
          excerpt: li.querySelector(".result-excerpt")?.textContent ?? "",
          notes: [...li.querySelectorAll(".result-note")].map((n) => n.textContent ?? ""),
        })),
      );
      for (const r of results) {
        const where = `“${q}”: ${r.title}`;
        types.add(r.labels[0] ?? "");
        expect(["Proposal", "Source", "Actor"], where).toContain(r.labels[0]);
        // Labels are separate items joined by a separator, never run together.
        expect(r.meta, where).toBe(r.labels.join(" · "));
        expect(r.title.trim(), where).not.toBe("");
        expect(r.excerpt.trim(), where).not.toBe("");
        // No word glued to the next ("FranceProposalKindProposed by"), nothing of the hidden name lists.
        expect(r.excerpt, where).not.toMatch(/\p{Ll}\p{Lu}/u);
        for (const pair of await hiddenNamePairs(r.href)) expect(r.excerpt, where).not.toContain(pair);
        for (const note of r.notes) expect(note, where).toMatch(/^(Also known as|Kind:|Mentions) /);
      }
    }
    expect([...types].sort()).toEqual(["Actor", "Proposal", "Source"]);
  });

  it("explains a match on a name the page does not show, and highlights the page's own name for it", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/search/?q=Odessa`);
    await settledSearch(page);
    const first = page.locator("#search-results .result").first();
    expect(await first.locator(".result-note").innerText()).toBe("Mentions Odesa, also written Odessa");
    expect(await first.locator(".result-note mark").innerText()).toBe("Odessa");
    expect(await first.locator(".result-excerpt mark").allInnerTexts()).toContain("Odesa");
  });

  it("lets the keyboard reach the first result in a few keys from the search box, past the filters", async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/search/?q=nato`);
    await settledSearch(page, "nato");
    await page.locator("#search-q").focus();
    const firstResult = (await resultUrls(page))[0];
    let keys = 0;
    for (; keys < 8; keys++) {
      const focused = await page.evaluate(() => ({
        href: document.activeElement?.getAttribute("href"),
        inResults: Boolean(document.activeElement?.closest("#search-results")),
      }));
      if (focused.inResults) break;
      if (focused.href === "#search-results-area") await page.keyboard.press("Enter");
      else await page.keyboard.press("Tab");
    }
    expect(keys).toBeLessThanOrEqual(5);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe(firstResult);
    // The skip link is seen when it has focus.
    await page.locator("#search-q").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.locator(".search-skip").evaluate((a) => a === document.activeElement)).toBe(true);
    expect(await page.locator(".search-skip").isVisible()).toBe(true);
    const box = await page.locator(".search-skip").boundingBox();
    expect(box && box.x >= 0 && box.y >= 0).toBe(true);
  });

  it("on a phone, folds the filters away and never scrolls inside them", async () => {
    const page = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${server.url}/search/?q=nato`);
    await settledSearch(page, "nato");
    const filters = page.locator("#search-filters");
    expect(await filters.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await filters.locator("summary").isVisible()).toBe(true);
    expect(await page.locator("input[name=actor]").first().isVisible()).toBe(false);
    // The first result is on the first screen, not below the filters.
    const first = await page.locator("#search-results .result").first().boundingBox();
    expect(first && first.y < 844).toBe(true);

    await filters.locator("summary").click();
    expect(await page.locator("input[name=actor]").first().isVisible()).toBe(true);
    const scrollers = await filters.evaluate((d) =>
      [...d.querySelectorAll("*")]
        .filter((e) => e.scrollHeight > e.clientHeight + 1 && getComputedStyle(e).overflowY !== "visible")
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
    );
    expect(scrollers).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // A chosen filter is said on the folded summary.
    await page.locator("input[name=type][value=proposal]").check();
    await page.waitForURL("**/search/?q=nato&type=proposal");
    await expect.poll(() => filters.locator("summary").innerText()).toBe("Filters · 1 chosen");
  });

  it("without JavaScript, says so and links to the timeline, which filters without it", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/search/?q=nato`);
    const message = page.locator("main p", { hasText: "JavaScript" });
    expect(await message.isVisible()).toBe(true);
    expect(await message.innerText()).toMatch(/filters/);
    const link = message.locator('a[href="/timeline/"]');
    expect(await link.innerText()).toBe("timeline");
    expect(await page.locator("#search-more").isVisible()).toBe(false);
  });
});

/** The words of every highlight in each result shown: what the page says each result matched. */
const resultMarks = (page: Page) =>
  page
    .locator("#search-results .result")
    .evaluateAll((items) => items.map((li) => [...li.querySelectorAll("mark")].map((m) => m.textContent ?? "")));

describe("search never guesses (#27)", () => {
  it("“Tomahawk”: no count of results on a fragment; “No exact match”, and Pagefind's matches as suggestions", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/search/?q=Tomahawk`);
    await settledSearch(page, "Tomahawk");
    if (readCorpusText().toLowerCase().includes("tomahawk")) {
      // Once the corpus holds the word, every result must show it.
      for (const marks of await resultMarks(page)) expect(marks.some((m) => /^tomahawk/i.test(m))).toBe(true);
      return;
    }
    expect(await page.locator("#search-status").innerText()).toBe("No exact match for “Tomahawk”.");
    expect(await page.locator("#search-results .result").count()).toBe(0);
    expect(await page.locator("#search-more").isVisible()).toBe(false);
    // Pagefind fell back to "to": the page offers what it found apart, as suggestions, saying by which word.
    const suggestions = page.locator("#search-suggestions-area");
    expect(await suggestions.isVisible()).toBe(true);
    expect(await page.locator("#search-suggestions-title").innerText()).toMatch(
      /^Nothing says “Tomahawk”\. Nearest in the index/,
    );
    expect(await suggestions.locator(".result").count()).toBeGreaterThan(0);
    expect(await suggestions.locator(".result").count()).toBeLessThanOrEqual(5);
  });

  it("“Crimea”, and “Crim” typed without Enter, show only results that highlight a word starting so", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/search/?q=Crimea`);
    await settledSearch(page, "Crimea");
    const crimea = await resultMarks(page);
    expect(crimea.length).toBeGreaterThan(0);
    for (const marks of crimea)
      expect(
        marks.some((m) => /^crimea/i.test(m)),
        marks.join(", "),
      ).toBe(true);

    await page.locator("#search-q").fill("");
    await page.locator("#search-q").pressSequentially("Crim", { delay: 30 });
    await settledSearch(page, "“Crim”");
    const crim = await resultMarks(page);
    expect(crim.length).toBeGreaterThan(0);
    for (const marks of crim)
      expect(
        marks.some((m) => /^crim/i.test(m)),
        marks.join(", "),
      ).toBe(true);
  });

  it("keeps dates and other chrome out of the index: no page's indexed text has “c.” or the page's labels", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/search/`);
    const contents = (await page.evaluate(`(async () => {
      const pf = await import("/pagefind/pagefind.js");
      await pf.init();
      const found = await pf.search(null, {});
      return Promise.all(found.results.map(async (r) => { const d = await r.data(); return [d.url, d.content]; }));
    })()`)) as [string, string][];
    expect(contents.length).toBe(model.proposals.length + model.articles.length + model.actors.length);
    const chrome = [/(^|[\s(])c\.(\s|$)/, /Status in this source/, /Not reported/, /Newest first, each with/];
    const leaks = contents.flatMap(([url, text]) => chrome.filter((re) => re.test(text)).map((re) => `${url}: ${re}`));
    expect(leaks).toEqual([]);
  });

  it("a misspelt name finds its page, and the status says which name it searched", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/search/`);
    expect((await searchThroughForm(page, "reasurance force"))[0]).toBe("/proposals/european-reassurance-force/");
    expect(await page.locator("#search-status").innerText()).toMatch(
      /^\d+ results? for “reassurance force”, the nearest name to “reasurance force”\.$/,
    );
    // Two letters swapped: no alias will ever spell it so.
    expect((await searchThroughForm(page, "Zelenksy"))[0]).toBe("/actors/volodymyr-zelenskyy/");
    expect(await page.locator("#search-status").innerText()).toMatch(
      /for “zelenskyy?”, the nearest name to “Zelenksy”/,
    );
  });

  it("the page a reader names comes first, though Pagefind ranks a longer name's prefix as high", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/search/`);
    // Pagefind's own order puts a page named "… Ukraine Compact" first for "UK" (a prefix of "Ukraine").
    expect((await searchThroughForm(page, "UK"))[0]).toBe("/actors/united-kingdom/");
    // A page named with the word comes before the pages that only mention it.
    const donbass = await searchThroughForm(page, "Донбасс");
    const named = ["/proposals/ukraine-withdraws-from-donetsk/", "/proposals/territorial-referendum-in-ukraine/"];
    expect(donbass.slice(0, 2).sort()).toEqual(named.sort());
  });
});

describe("what a search loads, and when (#27)", () => {
  const pagefindRequests = (page: Page) => {
    const urls: string[] = [];
    // The context sees Pagefind's worker's requests too.
    page.context().on("request", (r) => {
      const { pathname } = new URL(r.url());
      if (pathname.startsWith("/pagefind/")) urls.push(pathname);
    });
    return urls;
  };

  it("loads Pagefind once the search box is focused, not before, and at once when the page opens with a query", async () => {
    const page = await newPage();
    const fetched = pagefindRequests(page);
    await page.goto(`${server.url}/search/`);
    await page.waitForLoadState("networkidle");
    // Only the entry module, preloaded with the page: no worker, WebAssembly, metadata or index yet.
    expect(fetched).toEqual(["/pagefind/pagefind.js"]);
    await page.locator("#search-q").focus();
    await expect.poll(() => fetched.includes("/pagefind/pagefind-entry.json")).toBe(true);

    const withQuery = await newPage();
    const atOnce = pagefindRequests(withQuery);
    await withQuery.goto(`${server.url}/search/?q=NATO`);
    await settledSearch(withQuery, "NATO");
    expect(atOnce).toContain("/pagefind/pagefind-entry.json");
  });

  it("on a phone, fetches the filter index only when the filters are opened, and then counts every facet", async () => {
    const page = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const fetched = pagefindRequests(page);
    await page.goto(`${server.url}/search/?q=NATO`);
    await settledSearch(page, "NATO");
    await page.waitForLoadState("networkidle");
    expect(fetched.filter((u) => u.startsWith("/pagefind/filter/"))).toEqual([]);
    await page.locator("#search-filters summary").click();
    await expect.poll(() => fetched.some((u) => u.startsWith("/pagefind/filter/"))).toBe(true);
    const proposals = page.locator("input[name=type][value=proposal]").locator("xpath=..").locator(".count");
    await expect.poll(() => proposals.innerText()).toMatch(/^[1-9]\d*$/);
  });

  it("on a wide screen, where the filters are open, counts them after the first results", async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/search/?q=NATO`);
    await settledSearch(page, "NATO");
    const proposals = page.locator("input[name=type][value=proposal]").locator("xpath=..").locator(".count");
    await expect.poll(() => proposals.innerText()).toMatch(/^[1-9]\d*$/);
  });
});
