import type { APIContext, GetStaticPaths } from "astro";
import { getDataFiles } from "../../lib/query.ts";
import { requireSite, TABLES } from "../../lib/open-data/tables.ts";

/** /data/<table>.json, /data/<table>.csv and /data/datapackage.json (src/lib/open-data/package.ts). */
export const getStaticPaths = (() => [
  ...TABLES.flatMap((t) => [{ params: { file: `${t.name}.json` } }, { params: { file: `${t.name}.csv` } }]),
  { params: { file: "datapackage.json" } },
]) satisfies GetStaticPaths;

export async function GET({ params, site }: APIContext) {
  const file = String(params.file);
  const body = (await getDataFiles(requireSite(site))).get(file);
  if (body === undefined) throw new Error(`no data file ${file}`);
  const type = file.endsWith(".csv") ? "text/csv; charset=utf-8; header=present" : "application/json";
  return new Response(body, { headers: { "Content-Type": type } });
}
