/**
 * The URLs a full build wrote, for the benchmark's floor (scripts/bench/bare):
 * every page and file except the article pages (the floor renders those from
 * the same Markdown) and the assets, each with its title and the internal
 * links it lists.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface Route {
  path: string;
  title: string;
  links: string[];
}

/** What the floor does not write: assets, article pages, and images other than the social cards (…/card.png). */
const SKIP =
  /^(pagefind|_astro)\/|^articles\/[^/]+\/index\.html$|\.(css|js|svg|ico|webmanifest|txt)$|(?<!\/card)\.png$/;

/** Walks a built site and lists its routes. */
export function routesOf(dist: string): Route[] {
  const routes: Route[] = [];
  for (const rel of (readdirSync(dist, { recursive: true }) as string[]).sort()) {
    const posix = rel.split(path.sep).join("/");
    if (SKIP.test(posix) || !posix.includes(".")) continue;
    if (posix.endsWith(".png")) {
      routes.push({ path: posix, title: posix, links: [] });
      continue;
    }
    const text = readFileSync(path.join(dist, rel), "utf8");
    if (posix.endsWith(".html")) {
      const page = posix === "index.html" ? "" : posix.replace(/index\.html$/, "");
      // 404.html is written by Astro for any site; the floor writes its own.
      if (posix === "404.html") continue;
      const title = /<title>([^<]*)<\/title>/.exec(text)?.[1] ?? page;
      const links = [...new Set([...text.matchAll(/href="(\/[^"#?]*)/g)].map((m) => m[1] as string))];
      routes.push({ path: page, title, links });
    } else {
      const links = [...new Set([...text.matchAll(/https?:\/\/[^\s"<>]+?(\/[^\s"<>]*)/g)].map((m) => m[1] as string))];
      routes.push({ path: posix, title: posix, links });
    }
  }
  return routes;
}

/** Writes the routes of a built site as JSON, for GT_BARE_ROUTES. */
export function writeRoutes(dist: string, file: string): number {
  const routes = routesOf(dist);
  writeFileSync(file, JSON.stringify(routes));
  return routes.length;
}
