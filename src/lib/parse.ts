import yaml from "js-yaml";
import type { z } from "astro/zod";
import { describeValue, formatPath, type Problem } from "./problems.ts";

/** A YAML document read from a file, or the reason it could not be read. */
export type Parsed = { ok: true; data: unknown } | { ok: false; problem: Problem };

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n?---\s*(?:\r?\n|$)/;

/** Splits a Markdown file into its front matter text and body. */
export function splitFrontMatter(text: string): { frontMatter: string; body: string; offset: number } | null {
  const match = FRONT_MATTER.exec(text);
  if (!match) return null;
  return {
    frontMatter: match[1] ?? "",
    body: text.slice(match[0].length),
    offset: 1,
  };
}

/**
 * Parses YAML the way an editor expects: YAML 1.2's core schema, so `no`
 * stays a string and dates stay strings (impossible ones can then be caught,
 * where a Date would silently roll over); duplicate keys are errors. Reports
 * the syntax error with its line in the file.
 */
export function parseYaml(file: string, text: string, lineOffset = 0): Parsed {
  try {
    return { ok: true, data: yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: file }) };
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    const line = error.mark.line + 1 + lineOffset;
    return { ok: false, problem: { file, path: "", expected: `valid YAML (line ${line}: ${error.reason})` } };
  }
}

/** Parses the front matter of an article file. */
export function parseArticleFile(file: string, text: string): Parsed & { body?: string } {
  const parts = splitFrontMatter(text);
  if (!parts) {
    return {
      ok: false,
      problem: {
        file,
        path: "",
        expected: "front matter between --- lines at the top of the file",
      },
    };
  }
  const parsed = parseYaml(file, parts.frontMatter, parts.offset);
  if (parsed.ok && (parsed.data === null || typeof parsed.data !== "object" || Array.isArray(parsed.data))) {
    return {
      ok: false,
      problem: {
        file,
        path: "",
        expected: "front matter that is a map of keys",
        found: describeValue(parsed.data),
      },
    };
  }
  return { ...parsed, body: parts.body };
}

const TYPE_NAMES: Record<string, string> = {
  object: "a map of keys",
  array: "a list",
  string: "text",
  boolean: "true or false",
  number: "a number",
};

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Turns a schema's issues into problems that name the field, the expectation and what was found. */
export function issuesToProblems(file: string, data: unknown, issues: readonly z.core.$ZodIssue[]): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const found = valueAt(data, issue.path);
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        problems.push({
          file,
          path: formatPath([...issue.path, key]),
          expected: "no such key (it is not in the content format; check its spelling)",
        });
      }
      continue;
    }
    let expected = issue.message;
    if (issue.code === "invalid_value") {
      expected = `one of ${issue.values.map((v) => String(v)).join(" | ")}`;
    } else if (issue.code === "invalid_type" && !expected.startsWith("expected")) {
      expected = TYPE_NAMES[issue.expected] ?? issue.expected;
    }
    expected = expected.replace(/^expected /, "");
    if (found === undefined) expected += " (the field is required)";
    problems.push({
      file,
      path: formatPath(issue.path),
      expected,
      found: describeValue(found),
    });
  }
  return problems;
}

/** Validates data against a schema, returning the output or the problems. */
export function check<S extends z.ZodType>(
  schema: S,
  file: string,
  data: unknown,
  pathPrefix: readonly PropertyKey[] = [],
): { ok: true; value: z.output<S> } | { ok: false; problems: Problem[] } {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.map((issue) => ({
    ...issue,
    path: [...pathPrefix, ...issue.path],
  }));
  const root = pathPrefix.length === 0 ? data : Object.assign([], { [pathPrefix[0] as number]: data });
  return {
    ok: false,
    problems: issuesToProblems(file, root, issues as z.core.$ZodIssue[]),
  };
}
