import { readFileSync } from "node:fs";

/**
 * Every URL the full site writes besides its article pages, each with the
 * internal links it lists (scripts/bench/routes.ts reads them off a full
 * build). The floor writes the same URLs with one plain template each.
 */
export interface Route {
  /** Relative to the site root: `timeline/status/floated/2/` (a page) or `data/proposals.json` (a file). */
  path: string;
  title: string;
  links: string[];
}

export function routes(): Route[] {
  const file = process.env.GT_BARE_ROUTES;
  return file ? (JSON.parse(readFileSync(file, "utf8")) as Route[]) : [];
}
