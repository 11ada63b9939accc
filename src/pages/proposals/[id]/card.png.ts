import type { APIContext, GetStaticPaths } from "astro";
import { getModel } from "../../../lib/query.ts";
import { SITE_NAME } from "../../../lib/open-data/tables.ts";
import { cardSvg } from "../../../lib/views/card.ts";
import { cardPng } from "../../../lib/views/card-png.ts";

/** Each proposal's social card (og:image): its title, current status as of its source, kind and the site. */
export const getStaticPaths = (async () => {
  const model = await getModel();
  return model.proposals.map((p) => ({
    params: { id: p.id },
    props: {
      svg: cardSvg({
        title: p.title,
        status: p.status,
        asOf: p.asOf,
        kind: model.kindById.get(p.kind)?.name ?? p.kind,
        site: SITE_NAME,
      }),
    },
  }));
}) satisfies GetStaticPaths;

export function GET({ props }: APIContext<{ svg: string }>) {
  return new Response(new Uint8Array(cardPng(props.svg)), { headers: { "Content-Type": "image/png" } });
}
