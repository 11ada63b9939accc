import { stringify } from "csv-stringify/sync";
import { getModel } from "../../lib/query.ts";
import { matrixRows, positionsMatrix } from "../../lib/views/positions.ts";

/** The positions matrix as CSV: one row per recorded latest stance (actor × proposal). */
export async function GET() {
  const rows = matrixRows(positionsMatrix(await getModel(), "actor"));
  const columns = [
    "kind",
    "proposal_id",
    "proposal_title",
    "actor_id",
    "actor_name",
    "stance",
    "note",
    "date",
    "reported",
    "source_article",
    "source_publisher",
    "source_url",
  ];
  const body = stringify(rows, { header: true, columns, record_delimiter: "\r\n" });
  return new Response(body, { headers: { "Content-Type": "text/csv; charset=utf-8; header=present" } });
}
