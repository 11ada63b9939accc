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

/** A short, single-line rendering of a value found in the content. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
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
    lines.push("", file);
    for (const p of byFile.get(file) ?? []) {
      const where = p.path === "" ? "(file)" : p.path;
      lines.push(`  ${where}: expected ${p.expected}${p.found === undefined ? "" : `; found ${p.found}`}`);
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
