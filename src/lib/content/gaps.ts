import type { Problem } from "./problems.ts";
import { formatPath } from "./problems.ts";

/** The marker `npm run new` leaves where only an editor can write: validation names each until it is filled. */
export const GAP = "TODO(editor)";

/** Every gap left in an article: front-matter values that still hold the marker, and body lines that do. */
export function gapProblems(file: string, data: unknown, text: string): Problem[] {
  const problems: Problem[] = [];
  const walk = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === "string" && value.includes(GAP)) {
      problems.push({ file, path: formatPath(path), expected: `the editor's text in place of the gap (${gapHint(value)})` });
    } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (value !== null && typeof value === "object")
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(data, []);
  const lines = text.split(/\r?\n/);
  const bodyStart = bodyLine(lines);
  lines.forEach((line, i) => {
    if (i >= bodyStart && line.includes(GAP))
      problems.push({ file, path: `body, line ${i + 1}`, expected: `the editor's text in place of the gap (${gapHint(line)})` });
  });
  return problems;
}

/** What the gap asks for: the words after the marker. */
function gapHint(text: string): string {
  return text.slice(text.indexOf(GAP) + GAP.length).replace(/^[\s:]+/, "").trim() || "write it";
}

/** The index of the first body line: after the closing front-matter fence. */
function bodyLine(lines: readonly string[]): number {
  if (!/^\uFEFF?---\s*$/.test(lines[0] ?? "")) return 0;
  const close = lines.findIndex((line, i) => i > 0 && /^---\s*$/.test(line));
  return close === -1 ? lines.length : close + 1;
}
