/**
 * Where search's files are in the built site, in one place: Pagefind's
 * bundle (written by src/integrations/pagefind.ts) and the vocabulary of
 * names (src/pages/search/words.json.ts). The search page asks for them under
 * the site's base path.
 */
export const PAGEFIND_DIR = "pagefind";
export const SEARCH_ASSETS = {
  pagefind: `${PAGEFIND_DIR}/pagefind.js`,
  words: "search/words.json",
} as const;

/** Pagefind's directory under `base`: the bundle path a second Pagefind instance is created with. */
export function pagefindBasePath(base: string): string {
  return `${base.endsWith("/") ? base : `${base}/`}${PAGEFIND_DIR}/`;
}

/** The address of one of search's files under `base` (Astro's `import.meta.env.BASE_URL`, "/" by default). */
export function searchAssetUrl(base: string, file: keyof typeof SEARCH_ASSETS): string {
  return `${base.endsWith("/") ? base : `${base}/`}${SEARCH_ASSETS[file]}`;
}
