/**
 * npm run validate: every check the build makes (the same code path), without building.
 *   --json         the problems as JSON, for editors' tools and CI
 *   --watch        check again on every save under the content folder; print only what changed
 *   --changes      also print what publishing the working tree changes against the last commit
 *   --against REV  compare with another revision than HEAD (implies --changes)
 * Exit 0 when the corpus is valid, 1 when it has problems, 2 on a usage error.
 */
import { watch } from "node:fs";
import { parseArgs } from "node:util";
import { validateAt } from "../src/integrations/validate-content.ts";
import { contentDir } from "../src/lib/content/files.ts";
import { formatProblems, type Problem } from "../src/lib/content/problems.ts";
import { todayUtc } from "../src/lib/content/rules.ts";
import { modelOf, validateAtRevision } from "../src/lib/desk/corpus-at.ts";
import { formatPreview, previewChanges } from "../src/lib/desk/preview.ts";

const root = process.cwd();
let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      json: { type: "boolean", default: false },
      watch: { type: "boolean", default: false },
      changes: { type: "boolean", default: false },
      against: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  }).values;
}
try {
  args = parse();
} catch (error) {
  console.error(
    `${(error as Error).message}\nUsage: npm run validate -- [--json] [--watch] [--changes] [--against REV]`,
  );
  process.exit(2);
}
if (args.help) {
  console.log("Usage: npm run validate -- [--json] [--watch] [--changes] [--against REV]");
  process.exit(0);
}

const dir = contentDir(root);
const key = (p: Problem) => `${p.file}\u0000${p.path}\u0000${p.expected}\u0000${p.found ?? ""}`;

/** One check: the report (or JSON) and, if asked, the preview of what publishing changes. */
function run(): { ok: boolean; problems: Problem[] } {
  const started = performance.now();
  const result = validateAt(root);
  const seconds = Number(((performance.now() - started) / 1000).toFixed(2));
  const problems = result.ok ? [] : result.problems;
  const counts = result.ok
    ? {
        articles: result.corpus.articles.length,
        proposals: result.corpus.proposals.length,
        actors: result.corpus.actors.length,
        kinds: result.corpus.kinds.length,
      }
    : undefined;
  const wantChanges = args.changes || args.against !== undefined;
  const preview = result.ok && wantChanges ? changesSince(result) : undefined;
  if (args.json) {
    console.log(
      JSON.stringify({ ok: result.ok, contentDir: dir, seconds, counts, problems, changes: preview }, null, 2),
    );
  } else if (result.ok) {
    const c = counts as NonNullable<typeof counts>;
    console.log(
      `content is valid: ${c.articles} articles, ${c.proposals} proposals, ${c.actors} actors, ${c.kinds} kinds (${dir}, ${seconds} s)`,
    );
    if (preview) console.log(`\nWhat publishing this changes, against ${args.against ?? "HEAD"}:\n${preview.text}`);
  } else {
    console.error(`${formatProblems(problems)}\n(${dir}, ${seconds} s)`);
  }
  return { ok: result.ok, problems };
}

function changesSince(result: Parameters<typeof modelOf>[0]) {
  const revision = args.against ?? "HEAD";
  let before;
  try {
    before = validateAtRevision(root, dir, todayUtc(), revision);
  } catch (error) {
    return { text: `(no comparison: ${(error as Error).message.split("\n")[0]})`, proposals: [] };
  }
  const after = modelOf(result);
  if (before === null) return { text: `(${revision} has no content folder: everything is new)`, proposals: [] };
  if (!before.ok)
    return { text: `(${revision}'s content does not validate, so there is nothing to compare with)`, proposals: [] };
  const old = modelOf(before);
  const preview = previewChanges(old, after);
  return { ...preview, text: formatPreview(preview, old, after) };
}

const first = run();
if (!args.watch) process.exit(first.ok ? 0 : 1);

let previous = new Map(first.problems.map((p) => [key(p), p]));
let timer: NodeJS.Timeout | undefined;
console.log(`watching ${dir} (Ctrl-C to stop)`);
watch(dir, { recursive: true }, () => {
  clearTimeout(timer);
  timer = setTimeout(recheck, 150);
});

/** Prints only what changed since the last check: problems fixed, problems new. */
function recheck() {
  const result = validateAt(root);
  const now = new Map((result.ok ? [] : result.problems).map((p) => [key(p), p]));
  const time = new Date().toTimeString().slice(0, 8);
  const fixed = [...previous.keys()].filter((k) => !now.has(k)).map((k) => previous.get(k) as Problem);
  const added = [...now.keys()].filter((k) => !previous.has(k)).map((k) => now.get(k) as Problem);
  previous = now;
  if (args.json) {
    console.log(JSON.stringify({ time, ok: result.ok, fixed, added, problems: [...now.values()] }));
    return;
  }
  const line = (mark: string, p: Problem) =>
    `  ${mark} ${p.file} ${p.path || "(file)"}: expected ${p.expected}${p.found === undefined ? "" : `; found ${p.found}`}`;
  if (fixed.length === 0 && added.length === 0) {
    console.log(`[${time}] no change: ${result.ok ? "content is valid" : `${now.size} problems`}`);
    return;
  }
  console.log(`[${time}] ${result.ok ? "content is valid" : `${now.size} problem${now.size === 1 ? "" : "s"}`}`);
  for (const p of fixed) console.log(line("fixed", p));
  for (const p of added) console.log(line("new  ", p));
}
