import { createHash } from "node:crypto";
import { z } from "astro/zod";
import { LIST_SEPARATOR } from "./csv.ts";
import {
  CODE_LICENSE,
  DATA_LICENSE,
  FOREIGN_KEYS,
  SITE_NAME,
  TABLES,
  tableCsv,
  type OpenData,
  type TableName,
} from "./tables.ts";
import { tableFile } from "./schemas.ts";
import { urls } from "../views/urls.ts";

/**
 * The files of /data/: each table as JSON and CSV, and datapackage.json, the
 * Frictionless Data Package (profile tabular-data-package) that describes
 * them. Each Table Schema is derived from the row's zod schema (through its
 * JSON Schema), so types and enumerations are the validator's.
 */

/** A Table Schema field (Frictionless v1). */
export interface TableField {
  name: string;
  type: "string" | "integer" | "boolean" | "date";
  format?: "uri";
  description?: string;
  constraints?: { required?: boolean; enum?: string[]; pattern?: string; minimum?: number };
  /** Set on list columns: the items are joined by this (see open-data-csv.ts). */
  "x-list-delimiter"?: string;
}

type JsonSchema = {
  type?: string | string[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  description?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
};

/** A Table Schema field from a column's JSON Schema. */
function fieldOf(name: string, column: JsonSchema): TableField {
  // zod writes a nullable column as anyOf [value, null], or for a plain type as type: [type, "null"].
  const branches = column.anyOf ?? [column];
  const isNull = (b: JsonSchema) => b.type === "null";
  const typeList = Array.isArray(column.type) ? column.type : [];
  const nullable = branches.some(isNull) || typeList.includes("null");
  const found = branches.find((b) => !isNull(b)) ?? {};
  const value = typeList.length > 0 ? { ...found, type: typeList.find((t) => t !== "null") } : found;
  const description = column.description ?? value.description;
  const field: TableField = { name, type: "string", ...(description ? { description } : {}) };
  const constraints: NonNullable<TableField["constraints"]> = {};
  if (value.type === "array") {
    field["x-list-delimiter"] = LIST_SEPARATOR;
    field.description =
      `${description ?? ""} A list: items joined by "${LIST_SEPARATOR}"; an item containing ";" is in double quotes.`.trim();
    return field;
  }
  if (value.type === "integer") field.type = "integer";
  if (value.type === "boolean") field.type = "boolean";
  if (value.format === "uri") field.format = "uri";
  // A day (ISO 8601 YYYY-MM-DD) is a Table Schema date, which readers parse as one.
  const isDay = value.format === "date";
  if (isDay) field.type = "date";
  if (!nullable) constraints.required = true;
  if (value.enum) constraints.enum = value.enum.map(String);
  if (value.const !== undefined) constraints.enum = [String(value.const)];
  if (value.pattern && !value.enum && !isDay) constraints.pattern = value.pattern;
  if (value.minimum !== undefined) constraints.minimum = value.minimum;
  if (Object.keys(constraints).length > 0) field.constraints = constraints;
  return field;
}

/** The Table Schema fields of a table, in its columns' order. */
export function tableFields(name: TableName): TableField[] {
  const table = TABLES.find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name}`);
  const schema = z.toJSONSchema(table.row, { io: "output" }) as JsonSchema;
  return Object.entries(schema.properties ?? {}).map(([column, s]) => fieldOf(column, s));
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** A table as JSON: its schema's address, the stamp and the rows. */
export function tableJson(data: OpenData, name: TableName): string {
  const table = TABLES.find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name}`);
  const file: z.output<ReturnType<typeof tableFile>> = {
    $schema: new URL(urls.schema("data", name), data.site).href,
    dataset: data.stamp,
    rows: data.tables[name],
  };
  return json(file);
}

const sha256 = (text: string) => `sha256:${createHash("sha256").update(text).digest("hex")}`;
const bytes = (text: string) => Buffer.byteLength(text, "utf8");

/** The Data Package descriptor of the files. */
export function dataPackage(data: OpenData, files: ReadonlyMap<string, string>): Record<string, unknown> {
  const { site, stamp } = data;
  const text = (file: string) => {
    const t = files.get(file);
    if (t === undefined) throw new Error(`no data file ${file}`);
    return t;
  };
  return {
    profile: "tabular-data-package",
    name: stamp.name,
    id: stamp.homepage,
    title: stamp.title,
    description:
      `Every proposal for security guarantees for Ukraine that ${SITE_NAME} tracks, source by source: ` +
      "the proposals and their state of play, each source's mention of each proposal, actors' positions, " +
      "the terms per source, quotes, the source articles, the actors and the kinds of guarantee. " +
      "In the CSV files, a text cell that starts with =, +, -, @, a tab, a carriage return or ' is written " +
      "after an apostrophe (') so that spreadsheets show it as text and never run it as a formula; " +
      "take that one apostrophe away to read the text as the JSON files hold it.",
    version: stamp.version,
    created: stamp.generated,
    homepage: stamp.homepage,
    keywords: ["Ukraine", "security guarantees", "ceasefire", "NATO"],
    licenses: [{ name: DATA_LICENSE.id, path: DATA_LICENSE.url, title: DATA_LICENSE.title }],
    sources: [{ title: SITE_NAME, path: new URL(urls.home(), site).href }],
    "x-code-license": { name: CODE_LICENSE.id, path: CODE_LICENSE.url, title: CODE_LICENSE.title },
    "x-digest": stamp.digest,
    resources: TABLES.map((table) => {
      const csv = text(`${table.name}.csv`);
      const jsonText = text(`${table.name}.json`);
      return {
        profile: "tabular-data-resource",
        name: table.name,
        path: `${table.name}.csv`,
        title: table.title,
        description: `One row per ${table.one.replace(/^an? /, "")}.`,
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        bytes: bytes(csv),
        hash: sha256(csv),
        dialect: { delimiter: ",", doubleQuote: true, quoteChar: '"', lineTerminator: "\r\n", header: true },
        schema: {
          fields: tableFields(table.name),
          missingValues: [""],
          primaryKey: [...table.primaryKey],
          ...(FOREIGN_KEYS[table.name]
            ? {
                foreignKeys: (FOREIGN_KEYS[table.name] ?? []).map((fk) => ({
                  fields: fk.fields,
                  reference: { resource: fk.table, fields: fk.key },
                })),
              }
            : {}),
        },
        // The same rows as JSON, under "rows", with the version stamp (a custom property: v1 has none for it).
        "x-json": {
          path: `${table.name}.json`,
          mediatype: "application/json",
          schema: new URL(urls.schema("data", table.name), site).href,
          bytes: bytes(jsonText),
          hash: sha256(jsonText),
        },
      };
    }),
  };
}

/** Every file of /data/ by name, with its text. */
export function dataFiles(data: OpenData): ReadonlyMap<string, string> {
  const files = new Map<string, string>();
  for (const table of TABLES) {
    files.set(`${table.name}.json`, tableJson(data, table.name));
    files.set(`${table.name}.csv`, tableCsv(data.tables, table.name));
  }
  files.set("datapackage.json", json(dataPackage(data, files)));
  return files;
}
