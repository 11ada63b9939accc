import type { APIContext } from "astro";
import { changesFeed } from "../../lib/open-data/feeds.ts";
import { atomFeed } from "../../lib/open-data/atom.ts";
import { requireSite } from "../../lib/open-data/tables.ts";
import { getFeedEvents, getModel } from "../../lib/query.ts";

/** /feeds/changes.xml: what changed on the whole site, newest first (src/lib/open-data/feeds.ts). */
export async function GET({ site }: APIContext) {
  const [model, events] = await Promise.all([getModel(), getFeedEvents()]);
  const body = atomFeed(changesFeed(model, events), model, requireSite(site), model.updated ?? "1970");
  return new Response(body, { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
}
