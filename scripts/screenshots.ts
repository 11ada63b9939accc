/**
 * Screenshots of every page type, desktop and phone, light and dark, into
 * screenshots/: for looking at the site as a reader would.
 * Usage: npm run screenshots [-- /path/ ...]
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { launchChromium } from "../tests/support/browser.ts";
import { serveStatic } from "../tests/support/server.ts";

const DEFAULT_PAGES = [
  "/",
  "/timeline/",
  "/proposals/",
  "/proposals/article-5-like-guarantee/",
  "/proposals/status/proposed/",
  "/proposals/compare/",
  "/actors/",
  "/actors/united-states/",
  "/actors/giorgia-meloni/",
  "/actors/coalition-of-the-willing/",
  "/kinds/",
  "/about/",
  "/data/",
  "/search/?q=article+5",
  "/404-missing/",
];

const pages = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT_PAGES;
const out = path.resolve("screenshots");
mkdirSync(out, { recursive: true });
const server = await serveStatic(path.resolve("dist"));
const browser = await launchChromium();
try {
  for (const [device, width] of [
    ["desktop", 1280],
    ["phone", 390],
  ] as const) {
    for (const scheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      const page = await context.newPage();
      for (const p of pages) {
        await page.goto(server.url + p, { waitUntil: "networkidle" });
        const name = `${p.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home"}-${device}-${scheme}.png`;
        await page.screenshot({ path: path.join(out, name), fullPage: true });
        console.log(name);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
