import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv-draft-04";
import { parse } from "csv-parse/sync";

/**
 * A Frictionless v1 data package checker for the tests, independent of the
 * site's code: the descriptor against the official profiles (JSON Schema
 * draft-04, kept verbatim in ./frictionless/), then every CSV resource read by
 * its Table Schema (header, types, constraints, primary key) and every foreign
 * key resolved against the referenced table.
 */

const PROFILES = path.join(import.meta.dirname, "frictionless");
const profile = (name: string): object => JSON.parse(readFileSync(path.join(PROFILES, `${name}.json`), "utf8"));

// The profiles use annotation keywords (propertyOrder, context, examples) that strict mode would refuse.
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const validatePackage = ajv.compile(profile("tabular-data-package"));
const validateTableSchema = ajv.compile(profile("table-schema"));

interface Field {
  name: string;
  type: string;
  format?: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: unknown[]; pattern?: string; minimum?: number };
}
interface ForeignKey {
  fields: string | string[];
  reference: { resource: string; fields: string | string[] };
}
interface TableSchema {
  fields: Field[];
  missingValues?: string[];
  primaryKey?: string | string[];
  foreignKeys?: ForeignKey[];
}
interface Resource {
  name: string;
  path: string;
  schema: TableSchema;
  dialect?: { delimiter?: string; header?: boolean };
}

const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** A cell cast to its field's type (Table Schema v1 defaults), or an error message. */
function cast(field: Field, cell: string): { value: unknown } | { error: string } {
  switch (field.type) {
    case "string":
      if (field.format === "uri" && !URL.canParse(cell)) return { error: `not a URI: ${cell}` };
      return { value: cell };
    case "integer":
      return /^[+-]?\d+$/.test(cell) ? { value: Number(cell) } : { error: `not an integer: ${cell}` };
    case "number":
      return cell.trim() !== "" && Number.isFinite(Number(cell))
        ? { value: Number(cell) }
        : { error: `not a number: ${cell}` };
    case "date": {
      // The default format: ISO 8601 YYYY-MM-DD, a day that exists.
      const day = /^\d{4}-\d{2}-\d{2}$/.test(cell) ? new Date(`${cell}T00:00:00Z`) : undefined;
      return day && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(cell)
        ? { value: cell }
        : { error: `not a date: ${cell}` };
    }
    case "boolean":
      if (["true", "True", "TRUE", "1"].includes(cell)) return { value: true };
      if (["false", "False", "FALSE", "0"].includes(cell)) return { value: false };
      return { error: `not a boolean: ${cell}` };
    default:
      return { error: `type ${field.type} is not checked here` };
  }
}

/** The rows of one resource, cast, with every type, constraint and primary-key error. */
function readResource(dir: string, resource: Resource): { rows: Record<string, unknown>[]; errors: string[] } {
  const { schema } = resource;
  const errors: string[] = [];
  const at = (row: number, text: string) => errors.push(`${resource.name}: row ${row}: ${text}`);
  const records: string[][] = parse(readFileSync(path.join(dir, resource.path), "utf8"), {
    delimiter: resource.dialect?.delimiter ?? ",",
    relax_column_count: true,
  });
  const [header = [], ...body] = records;
  const names = schema.fields.map((f) => f.name);
  if (header.join(",") !== names.join(",")) errors.push(`${resource.name}: header ${header} is not ${names}`);
  const missing = new Set(schema.missingValues ?? [""]);
  const rows = body.map((record, i) => {
    const row: Record<string, unknown> = {};
    if (record.length !== names.length) at(i + 2, `${record.length} cells for ${names.length} fields`);
    for (const [j, field] of schema.fields.entries()) {
      const cell = record[j] ?? "";
      const c = field.constraints ?? {};
      if (missing.has(cell)) {
        row[field.name] = null;
        if (c.required) at(i + 2, `${field.name} is required`);
        continue;
      }
      const result = cast(field, cell);
      if ("error" in result) {
        at(i + 2, `${field.name}: ${result.error}`);
        continue;
      }
      const value = result.value;
      row[field.name] = value;
      if (c.enum && !c.enum.includes(value)) at(i + 2, `${field.name}: ${cell} is outside the enum`);
      // A Table Schema pattern matches the whole value (XML Schema regular expressions).
      if (c.pattern && !new RegExp(`^(?:${c.pattern})$`).test(cell))
        at(i + 2, `${field.name}: ${cell} !~ ${c.pattern}`);
      if (c.minimum !== undefined && (value as number) < c.minimum) at(i + 2, `${field.name}: ${cell} < ${c.minimum}`);
    }
    return row;
  });
  const keyed = (fields: string[]) => {
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      const key = JSON.stringify(fields.map((f) => row[f]));
      if (seen.has(key)) at(i + 2, `duplicate key ${fields.join("+")} ${key}`);
      seen.add(key);
    });
  };
  if (schema.primaryKey) keyed(list(schema.primaryKey));
  for (const field of schema.fields) if (field.constraints?.unique) keyed([field.name]);
  return { rows, errors };
}

/**
 * Every error Frictionless v1 would report for the package at `descriptor`:
 * descriptor errors prefixed "descriptor:", row errors by resource name, and
 * foreign keys that point at no row ("<resource>: foreign key ...").
 */
export function frictionlessErrors(descriptor: string): string[] {
  const pkg = JSON.parse(readFileSync(descriptor, "utf8")) as { resources?: Resource[] };
  const errors: string[] = [];
  if (!validatePackage(pkg)) errors.push(`descriptor: ${ajv.errorsText(validatePackage.errors)}`);
  const resources = pkg.resources ?? [];
  for (const r of resources) {
    if (!validateTableSchema(r.schema))
      errors.push(`descriptor: ${r.name}: ${ajv.errorsText(validateTableSchema.errors)}`);
  }
  if (errors.length > 0) return errors;
  const dir = path.dirname(descriptor);
  const tables = new Map<string, Record<string, unknown>[]>();
  for (const r of resources) {
    const read = readResource(dir, r);
    tables.set(r.name, read.rows);
    errors.push(...read.errors);
  }
  for (const r of resources) {
    for (const fk of r.schema.foreignKeys ?? []) {
      const fields = list(fk.fields);
      const target = fk.reference.resource === "" ? r.name : fk.reference.resource;
      const referenced = tables.get(target);
      if (!referenced) {
        errors.push(`${r.name}: foreign key to a missing resource ${target}`);
        continue;
      }
      const keyOf = (row: Record<string, unknown>, names: string[]) => JSON.stringify(names.map((n) => row[n]));
      const keys = new Set(referenced.map((row) => keyOf(row, list(fk.reference.fields))));
      (tables.get(r.name) ?? []).forEach((row, i) => {
        // A foreign key with a missing value refers to nothing and is allowed.
        if (fields.some((f) => row[f] === null)) return;
        const key = keyOf(row, fields);
        if (!keys.has(key)) errors.push(`${r.name}: row ${i + 2}: foreign key ${fields} ${key} is not in ${target}`);
      });
    }
  }
  return errors;
}

/** The number of data rows of each resource of the package at `descriptor`. */
export function rowCounts(descriptor: string): Map<string, number> {
  const pkg = JSON.parse(readFileSync(descriptor, "utf8")) as { resources: Resource[] };
  const dir = path.dirname(descriptor);
  return new Map(pkg.resources.map((r) => [r.name, readResource(dir, r).rows.length]));
}
