/**
 * The path the site is served under (`/` or `/sub/`), defined by astro.config.mjs from GT_SITE. Not
 * `import.meta.env.BASE_URL`: in server code Astro lets a BASE_URL environment variable override that.
 */
declare const __GT_BASE__: string | undefined;
