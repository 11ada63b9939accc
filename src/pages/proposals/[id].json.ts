import type { APIContext, GetStaticPaths } from "astro";
import type { Proposal } from "../../lib/model/model.ts";
import { getModel, getOpenData } from "../../lib/query.ts";
import { proposalRecordOf, requireSite } from "../../lib/open-data/tables.ts";

/** /proposals/<id>.json: the proposal's page as data (src/lib/open-data/tables.ts). */
export const getStaticPaths = (async () => {
  const { proposals } = await getModel();
  return proposals.map((proposal) => ({ params: { id: proposal.id }, props: { proposal } }));
}) satisfies GetStaticPaths;

export async function GET({ props, site }: APIContext<{ proposal: Proposal }>) {
  const data = await getOpenData(requireSite(site));
  return new Response(`${JSON.stringify(proposalRecordOf(props.proposal, data), null, 2)}\n`, {
    headers: { "Content-Type": "application/json" },
  });
}
