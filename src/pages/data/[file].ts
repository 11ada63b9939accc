import type { APIContext, GetStaticPaths } from "astro";
import { getDataDownloads, getDataFiles } from "../../lib/query.ts";
import { DOWNLOAD_TYPES } from "../../lib/open-data/downloads.ts";
import { requireSite, TABLES } from "../../lib/open-data/tables.ts";

/**
 * /data/<table>.json, /data/<table>.csv and /data/datapackage.json (src/lib/open-data/package.ts),
 * and the downloads built on them: the workbook, the archive and the codebook (downloads.ts).
 */
export const getStaticPaths = (() => [
  ...TABLES.flatMap((t) => [{ params: { file: `${t.name}.json` } }, { params: { file: `${t.name}.csv` } }]),
  { params: { file: "datapackage.json" } },
  ...Object.keys(DOWNLOAD_TYPES).map((file) => ({ params: { file } })),
]) satisfies GetStaticPaths;

export async function GET({ params, site }: APIContext) {
  const file = String(params.file);
  const download = DOWNLOAD_TYPES[file];
  if (download !== undefined) {
    const body = (await getDataDownloads(requireSite(site))).get(file);
    if (body === undefined) throw new Error(`no download ${file}`);
    // A copy on a plain ArrayBuffer: what Response takes as a body.
    return new Response(body.slice(), { headers: { "Content-Type": download } });
  }
  const body = (await getDataFiles(requireSite(site))).get(file);
  if (body === undefined) throw new Error(`no data file ${file}`);
  const type = file.endsWith(".csv") ? "text/csv; charset=utf-8; header=present" : "application/json";
  return new Response(body, { headers: { "Content-Type": type } });
}
