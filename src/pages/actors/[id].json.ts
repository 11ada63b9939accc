import type { APIContext, GetStaticPaths } from "astro";
import type { Actor } from "../../schemas/actor.ts";
import { getModel, getOpenData } from "../../lib/query.ts";
import { actorRecordOf, requireSite } from "../../lib/open-data/tables.ts";

/** /actors/<id>.json: the actor's page as data (src/lib/open-data/tables.ts). */
export const getStaticPaths = (async () => {
  const { actors } = await getModel();
  return actors.map((actor) => ({ params: { id: actor.id }, props: { actor } }));
}) satisfies GetStaticPaths;

export async function GET({ props, site }: APIContext<{ actor: Actor }>) {
  const [model, data] = await Promise.all([getModel(), getOpenData(requireSite(site))]);
  const record = actorRecordOf(props.actor, model, data);
  return new Response(`${JSON.stringify(record, null, 2)}\n`, { headers: { "Content-Type": "application/json" } });
}
