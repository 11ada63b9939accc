import type { APIContext } from "astro";
import { requireSite } from "../lib/open-data/tables.ts";
import { urls } from "../lib/views/urls.ts";

/** robots.txt: everything may be crawled; the sitemap (@astrojs/sitemap) at the configured address. */
export function GET({ site }: APIContext) {
  const sitemap = new URL(urls.file("sitemap-index.xml"), requireSite(site)).href;
  return new Response(`User-agent: *\nAllow: ${urls.home()}\n\nSitemap: ${sitemap}\n`, {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}
