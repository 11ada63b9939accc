// Constants the build defines (Vite `define`): not `import.meta.env`, which in Astro's server code a same-named
// environment variable overrides (vitest, for one, sets BASE_URL and DEV).

/** The path the site is served under (`/` or `/sub/`), from GT_SITE (astro.config.mjs). */
declare const __GT_BASE__: string | undefined;

/**
 * True in `astro build` (src/integrations/validate-content.ts): the rules across files are checked again on
 * what the loaders read (src/lib/query.ts). Under `astro dev` the integration's watcher is the gate instead.
 */
declare const __GT_CHECK_LOADED__: boolean | undefined;
