import type { APIContext, GetStaticPaths } from "astro";
import { itemFeed, type FeedScope } from "../../../lib/open-data/feeds.ts";
import { atomFeed } from "../../../lib/open-data/atom.ts";
import { requireSite } from "../../../lib/open-data/tables.ts";
import { getFeedEvents, getModel } from "../../../lib/query.ts";

/** /feeds/<proposals|actors|kinds>/<id>.xml: an Atom feed per proposal, actor and kind (src/lib/open-data/feeds.ts). */
export const getStaticPaths = (async () => {
  const { proposals, actors, kinds } = await getModel();
  const items: [FeedScope, string[]][] = [
    ["proposals", proposals.map((p) => p.id)],
    ["actors", actors.map((a) => a.id)],
    ["kinds", kinds.map((k) => k.id)],
  ];
  return items.flatMap(([scope, ids]) =>
    ids.map((id) => ({ params: { scope, file: `${id}.xml` }, props: { scope, id } })),
  );
}) satisfies GetStaticPaths;

export async function GET({ props, site }: APIContext<{ scope: FeedScope; id: string }>) {
  const [model, events] = await Promise.all([getModel(), getFeedEvents()]);
  const feed = itemFeed(model, props.scope, props.id, events);
  if (!feed) throw new Error(`no ${props.scope} ${props.id}`);
  const body = atomFeed(feed, model, requireSite(site), model.updated ?? "1970");
  return new Response(body, { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
}
