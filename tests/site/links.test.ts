import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  checkLinks,
  formatLinkProblems,
  linkedPages,
  readSite,
  resolvePath,
  type SiteFiles,
} from "../support/links.ts";
import { DIST, SITE_ORIGIN } from "../support/site.ts";

let site: SiteFiles;
beforeAll(() => {
  site = readSite(DIST);
});

/** The URLs listed in an XML file of the site (sitemap <loc>, RSS <link>). */
function xmlUrls(file: string, tag: string): string[] {
  const xml = readFileSync(path.join(DIST, file), "utf8");
  return [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, "g"))].map((m) => (m[1] as string).trim());
}

/** Which of these absolute URLs do not lead to a file of the site, and why. */
function unresolved(urls: readonly string[]): string[] {
  return urls.flatMap((u) => {
    const url = new URL(u);
    if (url.origin !== SITE_ORIGIN) return [`${u}: not on ${SITE_ORIGIN}`];
    const target = resolvePath(url.pathname, site);
    return target.problem === undefined ? [] : [`${u}: ${target.problem}`];
  });
}

describe("links of the built site", () => {
  it("every internal href and src resolves, #fragments included; external links carry rel=noopener noreferrer", () => {
    const pages = Object.keys(site).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(10);
    const problems = checkLinks(site);
    expect(problems.length, `${problems.length} broken links:\n${formatLinkProblems(problems)}\n`).toBe(0);
  });

  it("every page but 404 is linked from another page (or reached by a form)", () => {
    const linked = new Set([...linkedPages(site).values()].flatMap((targets) => [...targets]));
    const orphans = Object.keys(site).filter((f) => f.endsWith(".html") && f !== "404.html" && !linked.has(f));
    expect(orphans, `pages nothing links to:\n  ${orphans.join("\n  ")}`).toEqual([]);
  });

  it("every sitemap entry and every RSS item leads to a page", () => {
    const sitemaps = Object.keys(site).filter((f) => /^sitemap-\d+\.xml$/.test(f));
    expect(sitemaps.length).toBeGreaterThan(0);
    const locs = sitemaps.flatMap((f) => xmlUrls(f, "loc"));
    expect(locs.length).toBeGreaterThan(10);
    const rss = xmlUrls("rss.xml", "link");
    expect(rss.length).toBeGreaterThan(1);
    const problems = unresolved([...locs, ...rss]);
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("the sitemap lists every page except 404", () => {
    const locs = new Set(
      Object.keys(site)
        .filter((f) => /^sitemap-\d+\.xml$/.test(f))
        .flatMap((f) => xmlUrls(f, "loc"))
        .map((u) => resolvePath(new URL(u).pathname, site).file),
    );
    const missing = Object.keys(site).filter((f) => f.endsWith(".html") && f !== "404.html" && !locs.has(f));
    expect(missing, `pages missing from the sitemap:\n  ${missing.join("\n  ")}`).toEqual([]);
  });
});
