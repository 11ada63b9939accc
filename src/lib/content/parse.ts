import yaml from "js-yaml";
import { parseFrontmatter } from "astro/markdown";
import type { z } from "astro/zod";
import { describeValue, formatPath, type Problem } from "./problems.ts";

/** A YAML document read from a file, or the reason it could not be read. */
export type Parsed =
  | {
      ok: true;
      data: unknown;
      /**
       * The same document with every scalar as written (YAML's failsafe schema), for echoing values in
       * reports: read only when a report needs it.
       */
      written: () => unknown;
    }
  | { ok: false; problem: Problem };

/** The document with every scalar kept as the text written (`0999` stays `0999`). */
function asWritten(text: string): unknown {
  try {
    return yaml.load(text, { schema: yaml.FAILSAFE_SCHEMA });
  } catch {
    return undefined;
  }
}

/** Bounds on what one file may hold once aliases are followed: an alias bomb is refused, not expanded. */
const MAX_NODES = 50_000;
const MAX_DEPTH = 32;

/** Where the structure of parsed YAML goes beyond the bounds, or null. Stops as soon as a bound is passed. */
export function beyondBounds(data: unknown): string | null {
  let nodes = 0;
  const visit = (value: unknown, depth: number): string | null => {
    if (++nodes > MAX_NODES) return `at most ${MAX_NODES} values once aliases are followed (an alias bomb?)`;
    if (depth > MAX_DEPTH) return `nesting at most ${MAX_DEPTH} levels deep`;
    if (value === null || typeof value !== "object" || value instanceof Date) return null;
    for (const child of Object.values(value)) {
      const found = visit(child, depth + 1);
      if (found) return found;
    }
    return null;
  };
  return visit(data, 0);
}

function yamlProblem(file: string, error: unknown, lineOffset: number): Problem {
  if (!(error instanceof yaml.YAMLException)) throw error;
  const line = error.mark.line + 1 + lineOffset;
  return { file, path: "", expected: `valid YAML (line ${line}: ${error.reason})` };
}

/**
 * Reads a YAML list file (actors.yaml, kinds.yaml, …) the way an editor
 * expects: YAML 1.2's core schema, so `no` stays a string and dates stay
 * strings (impossible ones can then be caught, where a Date would silently
 * roll over); duplicate keys are errors; aliases and nesting are bounded.
 * Validation and the collections' file() loaders both read through this.
 */
export function parseYaml(file: string, text: string): Parsed {
  let data: unknown;
  try {
    data = yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: file });
  } catch (error) {
    return { ok: false, problem: yamlProblem(file, error, 0) };
  }
  const beyond = beyondBounds(data);
  return beyond
    ? { ok: false, problem: { file, path: "", expected: beyond } }
    : { ok: true, data, written: () => asWritten(text) };
}

/** The file() loader's parser: the same reading as validation's, throwing the problem when there is one. */
export function yamlFileParser(file: string) {
  return (text: string): Record<string, Record<string, unknown>> | Record<string, unknown>[] => {
    const parsed = parseYaml(file, text);
    if (!parsed.ok) throw new Error(`${file}: expected ${parsed.problem.expected}`);
    return parsed.data as Record<string, unknown>[];
  };
}

/** Whether parsed YAML holds a Date anywhere. */
function hasDate(data: unknown): boolean {
  if (data instanceof Date) return true;
  return data !== null && typeof data === "object" && Object.values(data).some(hasDate);
}

/** The keys whose schema is a date: only there is a YAML timestamp handed on as written. */
const DATE_KEYS = new Set(["published", "date"]);

/** Sets a key as an own property, so `__proto__` stays a key (as the loader sees it) and never a prototype. */
function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The data with every YAML timestamp in a date field (a Date, which rolls
 * 2025-02-30 over to March) replaced by the text as written, read from the
 * same front matter with the core schema, so the date schema sees and reports
 * what the editor wrote. A timestamp anywhere else stays a Date, as the
 * loader hands it to the schema (which refuses it where text is expected).
 */
function datesAsWritten(data: unknown, written: unknown, key?: string): unknown {
  if (data instanceof Date) return typeof written === "string" && key !== undefined && DATE_KEYS.has(key) ? written : data;
  if (data === null || typeof data !== "object" || written === null || typeof written !== "object") return data;
  const array = Array.isArray(data);
  const out: Record<string, unknown> | unknown[] = array ? [] : {};
  for (const [k, value] of Object.entries(data)) {
    const w = Object.hasOwn(written, k) ? (written as Record<string, unknown>)[k] : undefined;
    setOwn(out, k, datesAsWritten(value, w, array ? key : k));
  }
  return out;
}

/**
 * Parses an article file's front matter with Astro's own parser (the one the
 * glob() loader uses), and checks what that parser lets through: the closing
 * fence must be a line of exactly `---`, the front matter a map, aliases and
 * nesting bounded; dates are handed on as written (see datesAsWritten).
 */
export function parseArticleFile(file: string, text: string): Parsed {
  let parsed: ReturnType<typeof parseFrontmatter>;
  try {
    parsed = parseFrontmatter(text, { frontmatter: "remove" });
  } catch (error) {
    return { ok: false, problem: yamlProblem(file, error, 0) };
  }
  if (parsed.rawFrontmatter === "") {
    const opened = /^\uFEFF?\s*---/.test(text);
    const expected = opened
      ? "a line of exactly --- closing the front matter"
      : "front matter between --- lines at the top of the file";
    return { ok: false, problem: { file, path: "", expected } };
  }
  // Astro closes the front matter at the first line that starts with ---: it must be that line and nothing more.
  // (Its raw front matter starts at the end of the opening line, so YAML line numbers are file lines less one.)
  const rest = parsed.content;
  if (!/^[ \t]*(?:\r?\n|$)/.test(rest)) {
    const line = text.slice(0, text.length - rest.length).split("\n").length;
    return {
      ok: false,
      problem: {
        file,
        path: "",
        expected: `front matter closed by a line of exactly --- (line ${line} starts with --- but goes on)`,
        found: describeValue(`---${rest.split(/\r?\n/)[0] ?? ""}`),
      },
    };
  }
  const data = parsed.frontmatter;
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return {
      ok: false,
      problem: { file, path: "", expected: "front matter that is a map of keys", found: describeValue(data) },
    };
  }
  const beyond = beyondBounds(data);
  if (beyond) return { ok: false, problem: { file, path: "", expected: beyond } };
  const raw = parsed.rawFrontmatter;
  // Only a timestamp YAML read as a Date needs the text as written (most files quote their dates).
  const dated = hasDate(data) ? datesAsWritten(data, yaml.load(raw, { schema: yaml.CORE_SCHEMA })) : data;
  return { ok: true, data: dated, written: () => asWritten(raw) };
}

const TYPE_NAMES: Record<string, string> = {
  object: "a map of keys",
  array: "a list",
  string: "text",
  boolean: "true or false",
  number: "a number",
};

/** What YAML read an unquoted scalar as, when it is not text: `2` is a number, which a report says. */
function readAs(value: unknown): string {
  if (typeof value === "number") return " (a number; quoted, it would be text)";
  if (typeof value === "boolean") return " (true or false; quoted, it would be text)";
  if (value instanceof Date) return " (a date; quoted, it would be text)";
  if (value === null) return " (nothing: YAML reads it as empty)";
  return "";
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Turns a schema's issues into problems that name the field, the expectation
 * and what was found: a number, boolean or date echoed as it was written.
 */
export function issuesToProblems(
  file: string,
  data: unknown,
  issues: readonly z.core.$ZodIssue[],
  written?: unknown,
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const found = valueAt(data, issue.path);
    const asTyped = valueAt(written, issue.path);
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
    const echo =
      found !== undefined && typeof found !== "string" && typeof asTyped === "string"
        ? `${describeValue(asTyped).replace(/^"(.*)"$/, "$1")}${readAs(found)}`
        : describeValue(found);
    problems.push({ file, path: formatPath(issue.path), expected, found: echo });
  }
  return problems;
}

/** Validates data against a schema, returning the output or the problems. */
export function check<S extends z.ZodType>(
  schema: S,
  file: string,
  data: unknown,
  pathPrefix: readonly PropertyKey[] = [],
  written: () => unknown = () => undefined,
): { ok: true; value: z.output<S> } | { ok: false; problems: Problem[] } {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.map((issue) => ({
    ...issue,
    path: [...pathPrefix, ...issue.path],
  }));
  const wrap = (value: unknown) =>
    pathPrefix.length === 0 ? value : Object.assign([], { [pathPrefix[0] as number]: value });
  return {
    ok: false,
    problems: issuesToProblems(file, wrap(data), issues as z.core.$ZodIssue[], wrap(written())),
  };
}
