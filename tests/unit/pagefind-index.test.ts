import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { indexSite, pagefindTimeoutMs, searchablePages, type PagefindApi } from "../../src/integrations/pagefind.ts";

/**
 * The Pagefind step against a fake Node API: every error it reports, a call it never answers and an index that
 * holds another number of pages than the site's searchable pages must fail, and the service must be closed.
 */

let site: string;

beforeEach(() => {
  site = mkdtempSync(path.join(tmpdir(), "gt-pagefind-unit-"));
  const page = (file: string, html: string) => {
    mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
    writeFileSync(path.join(site, file), html);
  };
  page("articles/a/index.html", "<html><body><div data-pagefind-body><h1>A</h1></div></body></html>");
  page("proposals/p/index.html", '<html><body><p class="lede" data-pagefind-body="">P</p></body></html>');
  page("actors/x/index.html", "<html><body>\n<div\n  data-pagefind-body\n>X</div></body></html>");
  // Text that names the attribute is not an element carrying it.
  page("about/index.html", "<html><body><p>Pages opt in with &lt;div data-pagefind-body&gt;.</p></body></html>");
  page("timeline/index.html", "<html><body><div data-pagefind-bodyguard>no</div></body></html>");
});

afterEach(() => {
  rmSync(site, { recursive: true, force: true });
});

interface Fake {
  api: PagefindApi;
  closed: () => number;
}

/** A fake Pagefind that writes an entry file holding `pageCount` pages; `override` replaces any step. */
function fakePagefind(
  pageCount: number,
  override: {
    createIndex?: () => Promise<unknown>;
    addDirectory?: () => Promise<unknown>;
    writeFiles?: () => Promise<unknown>;
  } = {},
): Fake {
  let closed = 0;
  const index = {
    addDirectory: override.addDirectory ?? (async () => ({ errors: [], page_count: pageCount })),
    writeFiles:
      override.writeFiles ??
      (async ({ outputPath }: { outputPath: string }) => {
        mkdirSync(outputPath, { recursive: true });
        const entry = { version: "1.6.0", languages: { en: { hash: "en_1", wasm: "en", page_count: pageCount } } };
        writeFileSync(path.join(outputPath, "pagefind-entry.json"), JSON.stringify(entry));
        return { errors: [], outputPath };
      }),
  };
  const api = {
    createIndex: override.createIndex ?? (async () => ({ errors: [], index })),
    close: async () => {
      closed++;
      return null;
    },
  } as unknown as PagefindApi;
  return { api, closed: () => closed };
}

const never = () => new Promise<never>(() => undefined);

describe("searchablePages", () => {
  it("finds the pages with an element carrying data-pagefind-body, not those that only name it", async () => {
    expect(await searchablePages(site)).toEqual([
      "actors/x/index.html",
      "articles/a/index.html",
      "proposals/p/index.html",
    ]);
  });
});

describe("searchablePages on long pages", () => {
  it("finds the attribute after the first 8 KB and across the 8 KB mark", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gt-pagefind-long-"));
    try {
      const filler = (n: number) => `<html><body><p>${"é".repeat(n)}</p>`;
      writeFileSync(path.join(dir, "late.html"), `${filler(6000)}<div data-pagefind-body>x</div></body></html>`);
      const straddle = filler(4080);
      const at = Buffer.byteLength(straddle);
      expect(at).toBeLessThan(8192);
      writeFileSync(
        path.join(dir, "straddle.html"),
        `${straddle}${" ".repeat(8192 - at - 10)}<div data-pagefind-body>x</div>`,
      );
      writeFileSync(path.join(dir, "none.html"), `${filler(6000)}<div data-pagefind-ignore>x</div></body></html>`);
      expect(await searchablePages(dir)).toEqual(["late.html", "straddle.html"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("indexSite", () => {
  it("indexes, checks the count and closes the service", async () => {
    const fake = fakePagefind(3);
    expect(await indexSite(site, { timeoutMs: 1000, api: fake.api })).toEqual({ pages: 3 });
    expect(fake.closed()).toBe(1);
  });

  it("fails when the index holds fewer pages than carry data-pagefind-body", async () => {
    const fake = fakePagefind(2);
    await expect(indexSite(site, { timeoutMs: 1000, api: fake.api })).rejects.toThrow(
      "Pagefind indexed 2 pages, but 3 pages carry data-pagefind-body",
    );
    expect(fake.closed()).toBe(1);
  });

  it("fails when it holds more", async () => {
    const fake = fakePagefind(4);
    await expect(indexSite(site, { timeoutMs: 1000, api: fake.api })).rejects.toThrow(
      "Pagefind indexed 4 pages, but 3 pages carry data-pagefind-body",
    );
  });

  it.each([
    ["createIndex", "Pagefind could not start: no such option"],
    ["addDirectory", "Pagefind could not read the pages: cannot parse articles/a/index.html"],
    ["writeFiles", "Pagefind could not write the index: Is a directory (os error 21)"],
  ] as const)("fails with the errors %s reports, and closes the service", async (step, message) => {
    const errors = [message.slice(message.indexOf(": ") + 2)];
    const fake = fakePagefind(3, { [step]: async () => ({ errors }) });
    await expect(indexSite(site, { timeoutMs: 1000, api: fake.api })).rejects.toThrow(message);
    expect(fake.closed()).toBe(1);
  });

  it("fails when Pagefind rejects, even with a bare string", async () => {
    const fake = fakePagefind(3, { addDirectory: () => Promise.reject("Pagefind backend closed") });
    await expect(indexSite(site, { timeoutMs: 1000, api: fake.api })).rejects.toThrow(
      "Pagefind failed while reading the pages: Pagefind backend closed",
    );
    expect(fake.closed()).toBe(1);
  });

  it.each([
    ["createIndex", "starting"],
    ["addDirectory", "reading the pages"],
    ["writeFiles", "writing the index"],
  ] as const)("fails within the bound when %s never answers", async (step, doing) => {
    const fake = fakePagefind(3, { [step]: never });
    const started = performance.now();
    await expect(indexSite(site, { timeoutMs: 50, api: fake.api })).rejects.toThrow(
      `Pagefind did not answer within 0.05 s while ${doing}: its service died, panicked or hangs`,
    );
    expect(performance.now() - started).toBeLessThan(2000);
    expect(fake.closed()).toBe(1);
  });

  it("fails when the index has no entry file", async () => {
    const fake = fakePagefind(3, { writeFiles: async () => ({ errors: [] }) });
    await expect(indexSite(site, { timeoutMs: 1000, api: fake.api })).rejects.toThrow(
      /^Pagefind wrote no readable .*pagefind-entry\.json/,
    );
  });
});

describe("pagefindTimeoutMs", () => {
  it("is a minute plus 10 ms per page, or GT_PAGEFIND_TIMEOUT seconds", () => {
    expect(pagefindTimeoutMs(0, {})).toBe(60_000);
    expect(pagefindTimeoutMs(10_000, {})).toBe(160_000);
    expect(pagefindTimeoutMs(10_000, { GT_PAGEFIND_TIMEOUT: "5" })).toBe(5_000);
    expect(pagefindTimeoutMs(100, { GT_PAGEFIND_TIMEOUT: "soon" })).toBe(61_000);
  });
});
