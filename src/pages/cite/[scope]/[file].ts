import type { APIContext, GetStaticPaths } from "astro";
import {
  actorCitable,
  articleCitable,
  CITE_FORMATS,
  citationFile,
  proposalCitable,
  type Citable,
  type CiteFormat,
} from "../../../lib/open-data/citation.ts";
import { requireSite } from "../../../lib/open-data/tables.ts";
import { getBuildDay, getModel } from "../../../lib/query.ts";
import { involving } from "../../../lib/views/page-views.ts";

/** /cite/<proposals|articles|actors>/<id>.<bib|ris|csl.json>: a page's citation to download (src/lib/open-data/citation.ts). */
export const getStaticPaths = (async () => {
  const model = await getModel();
  const citables: Citable[] = [
    ...model.proposals.map(proposalCitable),
    ...model.articles.map(articleCitable),
    ...model.actors.flatMap((a) => actorCitable(a, involving(model, a.id).sources) ?? []),
  ];
  return citables.flatMap((citable) =>
    CITE_FORMATS.map((format) => ({
      params: { scope: citable.scope, file: `${citable.id}.${format}` },
      props: { citable, format },
    })),
  );
}) satisfies GetStaticPaths;

export function GET({ props, site }: APIContext<{ citable: Citable; format: CiteFormat }>) {
  const { body, type } = citationFile(props.citable, props.format, requireSite(site), getBuildDay());
  return new Response(body, { headers: { "Content-Type": type } });
}
