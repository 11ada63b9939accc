import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runBuild, tempDir } from "../support/site.ts";

/**
 * The real build over tests/fixtures/broken (every kind of breakage the unit
 * test lists): it must stop once, print one report naming every broken file
 * and field, and publish nothing.
 */

const FIXTURE = "tests/fixtures/broken";
const BROKEN_FILES = [
  "actors.yaml",
  "kinds.yaml",
  "articles/2025-02-30-impossible-date.md",
  "articles/2025-08-13-control-characters.md",
  "articles/2025-08-16-missing-summary.md",
  "articles/2025-08-17-unknown-references.md",
  "articles/2025-08-18-bad-ids-and-lists.md",
  "articles/2025-08-19-yaml-error.md",
  "articles/2025-08-20-no-front-matter.md",
  "articles/2025-08-21-kind-conflict.md",
  "articles/2025-08-23-duplicate-slug.md",
  "articles/2025-08-24-wrong-shapes.md",
  "articles/2025-08-25-empty-strings.md",
  "articles/2025-08-26-file-date-mismatch.md",
  "articles/2099-01-01-from-the-future.md",
  "articles/notes.md",
  // Version 2 and the files that are not articles, or not whole.
  "proposals.yaml",
  "articles/2025-08-27-v2-rules.md",
  "articles/2025-08-28-fence-with-text.md",
  "articles/2025-08-29-alias-bomb.md",
  "articles/2025-08-30-long.markdown",
  "articles/2025-08-30-upper.MD",
  "articles/2025-08-31-dangling.md",
  "articles/2025-08-31-outside.md",
  "articles/2025-09-01-folder.md",
  "articles/archive",
  // Version 3: ranges, dated stances, scoped terms, corrections.
  "articles/2025-09-02-v3-shapes.md",
  "articles/2025-09-03-v3-rules.md",
];

let out: string;
let cache: string;
let result: { code: number | null; output: string };

beforeAll(async () => {
  out = tempDir("broken-out");
  cache = tempDir("broken-cache");
  rmSync(out, { recursive: true, force: true });
  result = await runBuild({ outDir: out, cacheDir: cache, contentDir: FIXTURE });
}, 120_000);

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

describe("a build over a broken corpus", () => {
  it("fails", () => {
    expect(result.code, result.output).not.toBe(0);
  });

  it("prints one report with every problem, file by file", () => {
    expect(result.output).toContain("The content has 58 problems in 28 files; nothing was published.");
    for (const file of BROKEN_FILES) expect(result.output).toContain(`${FIXTURE}/${file}`);
    expect(result.output).toContain("proposals[0].status");
    expect(result.output).toContain("corrections[1].date: expected a date no later than today");
    expect(result.output).toContain("proposals[0].terms.foreign_troops.of[0]");
    expect(result.output).toContain(
      "one of floated | proposed | negotiating | agreed | implemented | rejected | withdrawn",
    );
  });

  it("prints the report alone: no hook wrapper, no stack trace", () => {
    expect(result.output).not.toContain("An unhandled error occurred");
    expect(result.output).not.toMatch(/^\s+at /m);
  });

  it("writes no page", () => {
    const html = existsSync(out)
      ? readdirSync(out, { recursive: true, encoding: "utf8" }).filter((f) => path.extname(f) === ".html")
      : [];
    expect(html).toEqual([]);
  });
});

describe("npm run validate over the same corpus", () => {
  it("reports exactly the problems the build reports, and exits 1", () => {
    const run = spawnSync(path.join(ROOT, "node_modules/.bin/node"), ["scripts/validate.ts"], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: "1", GT_CONTENT_DIR: FIXTURE },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    const report = (text: string) =>
      text
        .slice(text.indexOf("The content has"))
        .split("\n")
        .filter((l) => /^\S|^ {2}\S/.test(l));
    const fromBuild = report(result.output).filter((l) => !l.startsWith("("));
    const fromValidate = report(run.stderr).filter((l) => !l.startsWith("("));
    expect(fromBuild.length).toBeGreaterThan(50);
    expect(fromValidate).toEqual(fromBuild);
  });
});
