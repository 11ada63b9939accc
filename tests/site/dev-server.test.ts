import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.ts";
import { ROOT, tempDir } from "../support/site.ts";

// astro dev over a copy of the seed corpus: a save that breaks the corpus shows the build's one report in the
// terminal, in the browser's error overlay and in place of the page; the next good save brings the site back.
const PORT = 4399 + Math.floor(Math.random() * 500);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const work = tempDir("dev");
const content = path.join(work, "content");
const ARTICLE = path.join(content, "articles/2025-08-16-us-proposes-non-nato-article-5-guarantee.md");
const PAGE = `${ORIGIN}/articles/us-proposes-non-nato-article-5-guarantee/`;
const original = readFileSync(path.join(ROOT, "content/articles", path.basename(ARTICLE)), "utf8");

let dev: ChildProcess;
let terminal = "";
let browser: Browser;

const until = async (what: string, check: () => Promise<boolean> | boolean, ms = 30_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (
      await Promise.resolve()
        .then(check)
        .catch(() => false)
    )
      return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}; terminal:\n${terminal.slice(-3000)}`);
};
const page = async () => {
  const response = await fetch(PAGE, { headers: { accept: "text/html" } });
  return { status: response.status, html: await response.text() };
};
/** Saves the article with one edit, the way an editor's save lands on disk. */
const save = (from: string, to: string) => {
  expect(original).toContain(from);
  writeFileSync(ARTICLE, original.replace(from, to));
};

beforeAll(async () => {
  cpSync(path.join(ROOT, "content"), content, { recursive: true });
  dev = spawn(
    path.join(ROOT, "node_modules/.bin/node"),
    [path.join(ROOT, "node_modules/astro/bin/astro.mjs"), "dev", "--port", String(PORT), "--host", "127.0.0.1"],
    {
      cwd: ROOT,
      // Without vitest's NODE_ENV=test and VITEST* variables, under which astro dev serves no pages.
      env: {
        ...Object.fromEntries(
          Object.entries(process.env).filter(([key]) => key !== "NODE_ENV" && !key.startsWith("VITEST")),
        ),
        NO_COLOR: "1",
        GT_CONTENT_DIR: content,
        GT_CACHE_DIR: path.join(work, "cache"),
      },
    },
  );
  dev.stdout?.on("data", (d: Buffer) => (terminal += d.toString()));
  dev.stderr?.on("data", (d: Buffer) => (terminal += d.toString()));
  await until("the dev server", async () => (await page()).status === 200, 120_000);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  dev?.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
});

describe("astro dev", () => {
  it("reports a save that breaks a rule across files (an unknown actor) everywhere, then recovers", async () => {
    const tab = await browser.newPage();
    await tab.goto(PAGE);
    expect(await tab.locator("h1").first().textContent()).toContain("Article 5");
    const expected = "proposals[0].proposers[0]: expected an actor id from";

    const before = terminal.length;
    save("proposers: [united-states]", "proposers: [narnia]");
    await until("the report in the terminal", () => terminal.slice(before).includes(expected));
    expect(terminal.slice(before)).toContain("2025-08-16-us-proposes-non-nato-article-5-guarantee.md");
    expect(terminal.slice(before)).toContain('found "narnia"');
    // The open tab shows the same report in Vite's error overlay.
    await until("the overlay", async () => (await tab.locator("vite-error-overlay").count()) > 0);
    expect(await tab.locator("vite-error-overlay").evaluate((el) => el.shadowRoot?.textContent ?? "")).toContain(
      expected,
    );
    // A reload shows the report, never the half-valid page.
    const broken = await page();
    expect(broken.status).toBe(500);
    expect(broken.html).toContain(expected);

    writeFileSync(ARTICLE, original);
    await until("the page to come back", async () => (await page()).status === 200);
    // Whenever the tab reloads (before or after the fix is checked), it must end on the article by itself.
    await until(
      "the tab to show the article again",
      async () =>
        (await tab.locator("vite-error-overlay").count()) === 0 &&
        ((await tab.locator("h1").first().textContent()) ?? "").includes("Article 5"),
    );
    await tab.close();
  }, 90_000);

  it("brings back a tab that loaded the report while the fix was being checked", async () => {
    save("proposers: [united-states]", "proposers: [narnia]");
    await until("the report", async () => (await page()).status === 500);
    const tab = await browser.newPage();
    // No dev client: as for a tab whose client connected after the reload message went out, none will come.
    await tab.route("**/@vite/client", (route) => route.abort());
    await tab.goto(PAGE);
    expect(await tab.locator("h1").first().textContent()).toContain("The content has problems");
    // The fix lands while the tab sits on the report, with no reload message of its own to wait for.
    writeFileSync(ARTICLE, original);
    await until("the report tab to recover by itself", async () =>
      ((await tab.locator("h1").first().textContent()) ?? "").includes("Article 5"),
    );
    await tab.close();
  }, 90_000);

  it("reports a bad value with its file and field path, and a YAML syntax error with its line", async () => {
    save("status: proposed", "status: maybe");
    await until("the bad enum", async () => (await page()).html.includes("proposals[0].status: expected one of"));
    save("title:", 'title: "unclosed');
    await until("the YAML error", async () => /valid YAML \(line \d+/.test((await page()).html));
    writeFileSync(ARTICLE, original);
    await until("recovery", async () => (await page()).status === 200);
  }, 90_000);
});
