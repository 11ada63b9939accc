import type { APIContext, GetStaticPaths } from "astro";
import type { Actor } from "../../schemas/actor.ts";
import { getModel } from "../../lib/query.ts";
import { actorRecordOf, openData, requireSite } from "../../lib/open-data.ts";

/** /actors/<id>.json: the actor's page as data (src/lib/open-data.ts). */
export const getStaticPaths = (async () => {
  const { actors } = await getModel();
  return actors.map((actor) => ({ params: { id: actor.id }, props: { actor } }));
}) satisfies GetStaticPaths;

export async function GET({ props, site }: APIContext<{ actor: Actor }>) {
  const model = await getModel();
  const record = actorRecordOf(props.actor, model, openData(model, requireSite(site)));
  return new Response(`${JSON.stringify(record, null, 2)}\n`, { headers: { "Content-Type": "application/json" } });
}
