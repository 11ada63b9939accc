import type { APIContext, GetStaticPaths } from "astro";
import { requireSite } from "../../../lib/open-data/tables.ts";
import { jsonSchemaOf, SCHEMAS } from "../../../lib/open-data/json-schema.ts";

/** /schemas/content/<name>.schema.json and /schemas/data/<name>.schema.json, generated from the zod schemas. */
export const getStaticPaths = (() =>
  SCHEMAS.map((entry) => ({
    params: { group: entry.group, file: `${entry.name}.schema.json` },
    props: { entry },
  }))) satisfies GetStaticPaths;

export function GET({ props, site }: APIContext<{ entry: (typeof SCHEMAS)[number] }>) {
  const body = `${JSON.stringify(jsonSchemaOf(props.entry, requireSite(site)), null, 2)}\n`;
  return new Response(body, { headers: { "Content-Type": "application/schema+json" } });
}
