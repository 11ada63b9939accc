import { z } from "astro/zod";
import { actorSchema } from "../../schemas/actor.ts";
import { articleSchema } from "../../schemas/article.ts";
import { httpUrl, text } from "../../schemas/common.ts";
import { day, partialDate } from "../../schemas/date.ts";
import { TERM_FORMS } from "../../schemas/proposal.ts";
import { kindSchema } from "../../schemas/kind.ts";
import { placeSchema } from "../../schemas/place.ts";
import { proposalId, registryEntrySchema, RESERVED_PROPOSAL_IDS } from "../../schemas/registry.ts";
import { TABLES } from "./tables.ts";
import { actorRecord, PARTIAL_DATE_PATTERN, proposalRecord, tableFile } from "./schemas.ts";
import { urls } from "../views/urls.ts";

/**
 * JSON Schemas (draft 2020-12) generated from the zod schemas with zod's
 * toJSONSchema: the content files' (as an editor writes them: `io: "input"`,
 * so defaults are optional) and the data outputs'. What a refinement checks in
 * code and JSON Schema can say is added here; the rest stays in validation.
 */

type Group = "content" | "data";

/** One published schema: where it lives and what it describes. */
export interface SchemaEntry {
  group: Group;
  name: string;
  title: string;
  /** The file or URL pattern it describes. */
  describes: string;
  zod: z.ZodType;
  io: "input" | "output";
}

export const SCHEMAS: readonly SchemaEntry[] = [
  {
    group: "content",
    name: "article",
    title: "An article's front matter",
    describes: "content/articles/YYYY-MM-DD-slug.md (the YAML between the --- lines)",
    zod: articleSchema,
    io: "input",
  },
  {
    group: "content",
    name: "actors",
    title: "content/actors.yaml",
    describes: "content/actors.yaml",
    zod: z.array(actorSchema),
    io: "input",
  },
  {
    group: "content",
    name: "kinds",
    title: "content/kinds.yaml",
    describes: "content/kinds.yaml",
    zod: z.array(kindSchema),
    io: "input",
  },
  {
    group: "content",
    name: "proposals",
    title: "content/proposals.yaml",
    describes: "content/proposals.yaml",
    zod: z.array(registryEntrySchema),
    io: "input",
  },
  {
    group: "content",
    name: "places",
    title: "content/places.yaml",
    describes: "content/places.yaml",
    zod: z.array(placeSchema),
    io: "input",
  },
  ...TABLES.map((t) => ({
    group: "data" as const,
    name: t.name,
    title: `${t.title} (/data/${t.name}.json)`,
    describes: urls.dataFile(`${t.name}.json`),
    zod: tableFile(t.row),
    io: "output" as const,
  })),
  {
    group: "data",
    name: "proposal",
    title: "A proposal as data (/proposals/<id>.json)",
    describes: urls.proposalData("<id>"),
    zod: proposalRecord,
    io: "output",
  },
  {
    group: "data",
    name: "actor",
    title: "An actor as data (/actors/<id>.json)",
    describes: urls.actorData("<id>"),
    zod: actorRecord,
    io: "output",
  },
];

/** What the code checks and JSON Schema can say too, keyed by the zod schema that checks it. */
function refinements(): Map<z.ZodType, Record<string, unknown>> {
  const dateString = { type: "string", pattern: PARTIAL_DATE_PATTERN };
  return new Map<z.ZodType, Record<string, unknown>>([
    [
      partialDate,
      {
        description:
          "A date as the text supports it (EDTF): YYYY-MM-DD, YYYY-MM or YYYY, optionally ending in ~ (approximate) " +
          "or ? (uncertain), or a range start/end of two such dates (a year may be written unquoted).",
        anyOf: [dateString, { type: "integer", minimum: 1900, maximum: 9999 }],
      },
    ],
    [day, { description: "A day as YYYY-MM-DD.", anyOf: [{ type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" }] }],
    [text, { type: "string", pattern: "\\S", description: "Text with at least one non-blank character." }],
    [httpUrl, { type: "string", format: "uri", pattern: "^https?://" }],
    [proposalId, { not: { enum: RESERVED_PROPOSAL_IDS } }],
  ]);
}

/** Generates a JSON Schema from a zod schema, with what `refinements` adds. */
function toJsonSchema(schema: z.ZodType, io: "input" | "output", extra: ReturnType<typeof refinements>) {
  return z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    // A transform (the partial date, a term) has no JSON Schema of its own: `refinements` gives it one.
    unrepresentable: "any",
    override: (ctx) => {
      const zod = ctx.zodSchema as unknown as z.ZodType;
      // A term is checked in code by its written form; JSON Schema gives the two forms as a choice.
      const forms = TERM_FORMS.get(zod);
      const more = forms ? toJsonSchema(forms, "input", extra) : extra.get(zod);
      if (!more) return;
      if (forms || "anyOf" in more)
        for (const key of Object.keys(ctx.jsonSchema)) Reflect.deleteProperty(ctx.jsonSchema, key);
      Object.assign(ctx.jsonSchema, more);
      Reflect.deleteProperty(ctx.jsonSchema, "$schema");
    },
  }) as Record<string, unknown>;
}

/** The JSON Schema of one entry, with its $id on the site. */
export function jsonSchemaOf(entry: SchemaEntry, site: URL): Record<string, unknown> {
  const generated = toJsonSchema(entry.zod, entry.io, refinements());
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: new URL(urls.schema(entry.group, entry.name), site).href,
    title: entry.title,
    description: `Describes ${entry.describes}. Generated from the zod schemas of Guarantee Tracker.`,
    ...rest,
  };
}
