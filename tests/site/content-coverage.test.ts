import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import yaml from "js-yaml";
import { slugOf } from "../../src/lib/content/corpus.ts";
import type { Model } from "../../src/lib/model/model.ts";
import { launchChromium } from "../support/browser.ts";
import { loadModel } from "../support/model.ts";
import { pagefindPages, type IndexedPage } from "../support/pagefind.ts";
import { serveStatic } from "../support/server.ts";
import { DIST, ROOT } from "../support/site.ts";

/**
 * "Nothing lost": every article, proposal, actor and kind of content/ has its
 * page in dist/, no page is left over from content that no longer exists, and
 * every article, proposal and actor page is in the Pagefind index.
 */

const CONTENT = path.join(ROOT, "content");
let model: Model;

/** The ids of a YAML list of content/, read directly from the file. */
function yamlIds(file: string): string[] {
  return (
    yaml.load(readFileSync(path.join(CONTENT, file), "utf8"), { schema: yaml.CORE_SCHEMA }) as { id: string }[]
  ).map((x) => x.id);
}

/** Every proposal id named in an article's front matter, read directly from the files. */
function proposalIdsInContent(): string[] {
  const ids = new Set<string>();
  for (const name of readdirSync(path.join(CONTENT, "articles")).filter((n) => n.endsWith(".md"))) {
    const text = readFileSync(path.join(CONTENT, "articles", name), "utf8");
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? "";
    const data = yaml.load(front, { schema: yaml.CORE_SCHEMA }) as { proposals: { id: string }[] };
    for (const p of data.proposals) ids.add(p.id);
  }
  return [...ids].sort();
}

/** The directories under dist/<section>/ that hold an index.html. */
function pageDirs(section: string): string[] {
  return readdirSync(path.join(DIST, section), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(DIST, section, d.name, "index.html")))
    .map((d) => d.name)
    .sort();
}

const missingPages = (section: string, ids: readonly string[]) =>
  ids.filter((id) => !existsSync(path.join(DIST, section, id, "index.html"))).map((id) => `/${section}/${id}/`);

beforeAll(() => {
  model = loadModel("content");
});

describe("every piece of content has its page", () => {
  it("every article file has /articles/<slug>/", () => {
    const files = readdirSync(path.join(CONTENT, "articles")).filter((n) => n.endsWith(".md"));
    const slugs = files.map(slugOf).sort();
    expect(slugs.length).toBeGreaterThan(0);
    expect(model.articles.map((a) => a.slug).sort()).toEqual(slugs);
    expect(missingPages("articles", slugs)).toEqual([]);
    expect(pageDirs("articles"), "article pages without an article file").toEqual(slugs);
  });

  it("every proposal id has /proposals/<id>/", () => {
    const ids = proposalIdsInContent();
    expect(ids.length).toBeGreaterThan(0);
    expect(model.proposals.map((p) => p.id).sort()).toEqual(ids);
    expect(missingPages("proposals", ids)).toEqual([]);
    expect(
      pageDirs("proposals").filter((d) => d !== "compare"),
      "proposal pages without a proposal",
    ).toEqual(ids);
  });

  it("every actor and every kind has its page", () => {
    const actors = yamlIds("actors.yaml").sort();
    const kinds = yamlIds("kinds.yaml").sort();
    expect(model.actors.map((a) => a.id).sort()).toEqual(actors);
    expect(model.kinds.map((k) => k.id).sort()).toEqual(kinds);
    expect(missingPages("actors", actors)).toEqual([]);
    expect(missingPages("kinds", kinds)).toEqual([]);
    expect(pageDirs("actors"), "actor pages without an actor").toEqual(actors);
    expect(pageDirs("kinds"), "kind pages without a kind").toEqual(kinds);
  });
});

describe("the Pagefind index holds every article, proposal and actor page", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  const indexed: Record<string, IndexedPage[]> = {};

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveStatic(DIST)]);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/search/`);
    for (const type of ["article", "proposal", "actor"]) indexed[type] = await pagefindPages(page, { type });
    await context.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const urlsOf = (type: string) => (indexed[type] ?? []).map((r) => r.url).sort();

  it("articles", () => {
    expect(urlsOf("article")).toEqual(model.articles.map((a) => `/articles/${a.slug}/`).sort());
  });

  it("proposals, with their status as a filter", () => {
    expect(urlsOf("proposal")).toEqual(model.proposals.map((p) => `/proposals/${p.id}/`).sort());
    for (const result of indexed.proposal ?? []) {
      const proposal = model.proposalById.get(result.url.split("/")[2] ?? "");
      expect(result.filters.status, result.url).toEqual([proposal?.status]);
      expect(result.title, result.url).toBe(proposal?.title);
    }
  });

  it("actors", () => {
    expect(urlsOf("actor")).toEqual(model.actors.map((a) => `/actors/${a.id}/`).sort());
  });
});
