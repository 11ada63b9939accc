import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBuild } from "../support/builds.ts";
import { checkLinks, formatLinkProblems, readSite, type SiteFiles } from "../support/links.ts";
import { listFiles } from "../support/site.ts";

/** A project page on a static host: the site lives under a path of its origin. */
const SITE = "https://example.org/sub/";
const ORIGIN = "https://example.org";
const BASE = "/sub/";

const scratch = mkdtempSync(path.join(tmpdir(), "gt-base-path-"));
const out = path.join(scratch, "dist");
let site: SiteFiles;

beforeAll(async () => {
  const run = startBuild({
    outDir: out,
    cacheDir: path.join(scratch, "cache"),
    contentDir: "content",
    env: { GT_SITE: SITE },
  });
  const { code, output } = await run.done;
  if (code !== 0) throw new Error(`the build under ${SITE} failed:\n${output}`);
  site = readSite(out);
}, 300_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const read = (file: string) => readFileSync(path.join(out, file), "utf8");

/** Every absolute URL on the site's origin in a text file. */
const ownUrls = (text: string) => [...text.matchAll(/https?:\/\/example\.org[^\s"'<>)\\}]*/g)].map((m) => m[0]);

describe(`a build with GT_SITE=${SITE}`, () => {
  it("passes the link check with every internal link under the path", () => {
    const problems = checkLinks(site, ORIGIN, BASE);
    expect(problems.length, `${problems.length} broken links:\n${formatLinkProblems(problems)}\n`).toBe(0);
  });

  it("puts no root-relative href, src or action outside the path on any page", () => {
    const outside = Object.entries(site).flatMap(([file, html]) =>
      html === null
        ? []
        : [...html.matchAll(/\s(?:href|src|action)="(\/[^"]*)"/g)]
            .map((m) => m[1] as string)
            .filter((url) => !url.startsWith(BASE))
            .map((url) => `${file}: ${url}`),
    );
    expect(outside).toEqual([]);
  });

  it("feeds, sitemap, robots.txt, citations and data files name addresses under the path", () => {
    const files = listFiles(out).filter((f) =>
      /^(rss\.xml|robots\.txt|sitemap-.*\.xml|feeds\/.*\.xml|cite\/.*|data\/.*\.(json|csv)|proposals\/[^/]+\.json|schemas\/.*\.json)$/.test(
        f,
      ),
    );
    expect(files.length).toBeGreaterThan(20);
    const urls = files.flatMap((f) => ownUrls(read(f)).map((u) => `${f}: ${u}`));
    expect(urls.length).toBeGreaterThan(100);
    expect(urls.filter((u) => !u.includes(`${ORIGIN}${BASE}`))).toEqual([]);
    expect(read("robots.txt")).toContain(`Sitemap: ${SITE}sitemap-index.xml`);
  });

  it("loads the search index from under the path", () => {
    expect(site["pagefind/pagefind.js"]).toBe(null);
    // The search script is written into its page (astro.config.mjs, assetsInlineLimit).
    const scripts = [...read("search/index.html").matchAll(/<script type="module">([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    // The script's base, as the bundler wrote it in quotes of some kind; pagefind.js and results are under it.
    expect(scripts[0]?.[1]).toMatch(/[`"']\/sub\/[`"']/);
  });
});
