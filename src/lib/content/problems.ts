/** One thing wrong with the corpus: where, and what was expected instead. */
export interface Problem {
  /** The file, relative to the project root (`content/articles/2025-08-16-x.md`). */
  file: string;
  /** The field path inside the file (`proposals[1].status`); empty for the whole file. */
  path: string;
  /** What the content format expects there. */
  expected: string;
  /** What was found, when it helps (`"maybe"`, `nothing`). */
  found?: string;
}

/** `["proposals", 1, "status"]` → `proposals[1].status`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * Characters a reader cannot see or that change what is around them: controls (C0 and C1), format characters
 * (zero-width spaces and joiners, the word joiner, the byte-order mark, soft hyphens, direction marks and the
 * bidirectional embeddings, overrides and isolates) and the line and paragraph separators.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** How many characters of a value a report shows before it cuts the rest. */
const MAX_SHOWN = 80;

/** `"\u200b"` → `U+200B`. */
export function codePointLabel(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Shows each invisible or control character of `text` as `<U+200B>`, so a report shows what is there. */
export function showInvisible(text: string): string {
  return Array.from(text, (char) => (INVISIBLE.test(char) ? `<${codePointLabel(char)}>` : char)).join("");
}

/** One character of a quoted string as a report shows it. */
function shownChar(char: string): string {
  if (char === '"' || char === "\\") return `\\${char}`;
  if (char === "\n") return "\\n";
  if (char === "\t") return "\\t";
  return showInvisible(char);
}

/** A value as pieces a cut may fall between: a character of a string, a key, a bracket, a number. */
function pieces(value: unknown): string[] {
  if (typeof value === "string") return ['"', ...Array.from(value, shownChar), '"'];
  if (Array.isArray(value)) {
    return ["[", ...value.flatMap((item, i) => [...(i > 0 ? [","] : []), ...pieces(item ?? null)]), "]"];
  }
  if (value instanceof Date) return [value.toISOString().slice(0, 10)];
  if (value !== null && typeof value === "object") {
    const defined = Object.entries(value).filter(([, item]) => item !== undefined);
    const entries = defined.flatMap(([key, item], i) => [
      ...(i > 0 ? [","] : []),
      ...pieces(key),
      ":",
      ...pieces(item),
    ]);
    return ["{", ...entries, "}"];
  }
  return [String(value)];
}

/**
 * A short, single-line rendering of a value found in the content. Invisible and control characters are shown as
 * `<U+200B>` (newline and tab as `\\n` and `\\t`); a value longer than `MAX_SHOWN` characters is cut, and the
 * cut is marked with the whole value's length.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  const all = pieces(value);
  const width = (piece: string) => Array.from(piece).length;
  const length = all.reduce((sum, piece) => sum + width(piece), 0);
  if (length <= MAX_SHOWN) return all.join("");
  let shown = "";
  let shownWidth = 0;
  for (const piece of all) {
    if (shownWidth + width(piece) > MAX_SHOWN - 1) break;
    shown += piece;
    shownWidth += width(piece);
  }
  if (typeof value === "string") return `${shown}…" (cut; the text has ${Array.from(value).length} characters)`;
  return `${shown}… (cut; ${length} characters in all)`;
}

/** The report printed when the corpus is broken: every problem, grouped by file. */
export function formatProblems(problems: readonly Problem[]): string {
  const byFile = new Map<string, Problem[]>();
  for (const problem of problems) {
    const list = byFile.get(problem.file) ?? [];
    list.push(problem);
    byFile.set(problem.file, list);
  }
  const lines = [
    `The content has ${problems.length} problem${problems.length === 1 ? "" : "s"} in ${byFile.size} file${byFile.size === 1 ? "" : "s"}; nothing was published.`,
  ];
  for (const file of [...byFile.keys()].sort()) {
    lines.push("", showInvisible(file));
    for (const p of byFile.get(file) ?? []) {
      const where = p.path === "" ? "(file)" : p.path;
      const found = p.found === undefined ? "" : `; found ${p.found}`;
      lines.push(showInvisible(`  ${where}: expected ${p.expected}${found}`));
    }
  }
  return lines.join("\n");
}

/** Thrown by the build when the corpus is broken; its message is the full report. */
export class ContentError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(formatProblems(problems));
    this.name = "ContentError";
    this.problems = problems;
  }
}
