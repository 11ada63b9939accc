import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

/** The editors' commands, run as editors and scripts run them: no terminal, flags only. */

const ROOT = path.resolve(import.meta.dirname, "../..");
const NODE = path.join(ROOT, "node_modules/.bin/node");
const VALIDATE = path.join(ROOT, "scripts/validate.ts");
const NEW = path.join(ROOT, "scripts/new.ts");

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), "gt-desk-"));
  cpSync(path.join(ROOT, "tests/fixtures/tiny"), path.join(work, "content"), { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** Runs a script in the temporary project with stdin closed (no terminal). */
function run(script: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(NODE, [script, ...args], {
    cwd: work,
    env: { ...inherited, NO_COLOR: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The environment without a content folder of the caller's: each test's corpus is its own. */
const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== "GT_CONTENT_DIR"));

const article = (name: string) => path.join(work, "content/articles", name);

describe("npm run validate", { timeout: 30_000 }, () => {
  it("exits 0 on a valid corpus and says what it checked", () => {
    const { code, stdout } = run(VALIDATE, []);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^content is valid: 1 articles, 1 proposals, 2 actors, 1 kinds/);
  });

  it("exits 1 with the report naming file, field and expectation", () => {
    const file = article("2025-08-16-tiny.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("status: proposed", "status: maybe"));
    const { code, stderr } = run(VALIDATE, []);
    expect(code).toBe(1);
    expect(stderr).toContain("content/articles/2025-08-16-tiny.md");
    expect(stderr).toMatch(/proposals\[0\]\.status: expected one of floated \| proposed/);
  });

  it("prints the problems as JSON with --json", () => {
    const file = article("2025-08-16-tiny.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("[united-states]", "[narnia]"));
    const { code, stdout } = run(VALIDATE, ["--json"]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { ok: boolean; problems: { file: string; path: string; expected: string }[] };
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ file: "content/articles/2025-08-16-tiny.md", path: "proposals[0].proposers[0]" }),
    ]);
  });

  it("honours GT_CONTENT_DIR and refuses an unknown option with exit 2", () => {
    expect(run(VALIDATE, [], { GT_CONTENT_DIR: path.join(ROOT, "tests/fixtures/broken") }).code).toBe(1);
    expect(run(VALIDATE, ["--nonsense"]).code).toBe(2);
  });

  it("re-checks on every save with --watch and prints only what changed", async () => {
    const child = spawn(NODE, [VALIDATE, "--watch"], { cwd: work, env: inherited });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    const until = async (test: () => boolean, what: string) => {
      const end = Date.now() + 15_000;
      while (!test()) {
        if (Date.now() > end) throw new Error(`no ${what} in: ${out}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    try {
      await until(() => out.includes("watching"), "start");
      const file = article("2025-08-16-tiny.md");
      const good = readFileSync(file, "utf8");
      writeFileSync(file, good.replace("stance: supports", "stance: loves"));
      await until(
        () => /new\s+content\/articles\/2025-08-16-tiny\.md proposals\[0\]\.positions\[0\]\.stance/.test(out),
        "new problem",
      );
      writeFileSync(file, good);
      await until(
        () => /fixed content\/articles\/2025-08-16-tiny\.md proposals\[0\]\.positions\[0\]\.stance/.test(out),
        "fix",
      );
      expect(out.match(/expected one of supports/g)).toHaveLength(2); // once new, once fixed: nothing else repeated
    } finally {
      child.kill();
    }
  }, 30_000);
});

describe("npm run new", { timeout: 30_000 }, () => {
  const flags = ["--publisher", "Example Wire", "--published", "2025-09-02", "--title", "Allies talk guarantees again"];

  it("writes an article from flags alone, picking the registry entry by an alias and an actor despite a typo", () => {
    const registry = path.join(work, "content/proposals.yaml");
    writeFileSync(registry, `${readFileSync(registry, "utf8")}  aliases: [Article 5-style pledge]\n`);
    const { code, stdout } = run(NEW, [
      ...flags,
      "--url",
      "https://example.org/again",
      "--proposal",
      "article 5-STYLE pledge",
      "--status",
      "negotiating",
      "--proposer",
      "Unted States",
      "--position",
      "ukraine:undecided",
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain("Wrote content/articles/2025-09-02-allies-talk-guarantees-again.md");
    const text = readFileSync(article("2025-09-02-allies-talk-guarantees-again.md"), "utf8");
    expect(text).toContain("  - id: article-5-like-guarantee\n");
    expect(text).toContain("    proposers: [united-states]\n");
    expect(text).toContain("    status: negotiating\n");
    expect(text).toContain("      - actor: ukraine\n        stance: undecided\n");
    expect(text).toContain("  url: https://example.org/again\n");
  });

  it("leaves the gaps only an editor can fill, and validation names each of them", () => {
    expect(run(NEW, [...flags, "--proposal", "article-5-like-guarantee", "--status", "floated"]).code).toBe(0);
    const { code, stderr } = run(VALIDATE, []);
    expect(code).toBe(1);
    for (const where of [
      "summary",
      "proposals[0].title",
      "proposals[0].summary",
      "proposals[0].suggested_by",
      "body, line",
    ])
      expect(stderr).toContain(`  ${where}`);
    expect(stderr).toMatch(/expected the editor's text in place of the gap/);
  });

  it("never overwrites a file", () => {
    expect(run(NEW, [...flags, "--proposal", "article-5-like-guarantee", "--status", "floated"]).code).toBe(0);
    const file = article("2025-09-02-allies-talk-guarantees-again.md");
    writeFileSync(file, "edited by hand");
    const again = run(NEW, [...flags, "--proposal", "article-5-like-guarantee", "--status", "floated"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("exists already; nothing was written");
    expect(readFileSync(file, "utf8")).toBe("edited by hand");
  });

  it("refuses a name that matches no actor, or more than one, without guessing", () => {
    const none = run(NEW, [
      ...flags,
      "--proposal",
      "article-5-like-guarantee",
      "--status",
      "floated",
      "--proposer",
      "Narnia",
    ]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no actor matches "Narnia"');
    const two = run(NEW, [
      ...flags,
      "--proposal",
      "article-5-like-guarantee",
      "--status",
      "floated",
      "--proposer",
      "u",
    ]);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(
      /"u" is not one actor for certain; did you mean (united-states, ukraine|ukraine, united-states)/,
    );
    expect(none.stderr + two.stderr).not.toMatch(/\bat \w+ \(/); // a message, not a stack trace
  });

  it("without a terminal, names the missing answers instead of asking", () => {
    const { code, stderr } = run(NEW, ["--publisher", "Example Wire"]);
    expect(code).toBe(2);
    expect(stderr).toContain("without a terminal, give --published, --title");
  });

  it("adds a new registry entry only when given its kind and title", () => {
    const bare = run(NEW, [...flags, "--proposal", "donetsk-withdrawal", "--status", "proposed"]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain("is not in the registry");
    const full = run(NEW, [
      ...flags,
      ...["--proposal", "donetsk-withdrawal", "--status", "proposed"],
      ...["--kind", "collective-defense", "--registry-title", "Ukraine withdraws from Donetsk"],
    ]);
    expect(full.code).toBe(0);
    expect(readFileSync(path.join(work, "content/proposals.yaml"), "utf8")).toMatch(
      /- id: donetsk-withdrawal\n {2}title: Ukraine withdraws from Donetsk\n {2}kind: collective-defense\n$/,
    );
  });
});

describe("npm run validate -- --changes", { timeout: 30_000 }, () => {
  it("says what a new source changes in the state of play, against the last commit", () => {
    const git = (...args: string[]) => execFileSync("git", args, { cwd: work, stdio: "pipe" });
    git("init", "-q");
    git("-c", "user.email=e@example.org", "-c", "user.name=Editor", "add", ".");
    git("-c", "user.email=e@example.org", "-c", "user.name=Editor", "commit", "-qm", "corpus");
    writeFileSync(
      article("2025-09-10-talks-move-on.md"),
      [
        "---",
        "title: Talks move on the guarantee",
        "source:",
        "  publisher: Second Wire",
        '  published: "2025-09-10"',
        "summary: A later source in our own words.",
        "proposals:",
        "  - id: article-5-like-guarantee",
        "    title: Article 5-style pledge",
        "    proposers: [united-states]",
        "    status: negotiating",
        "    summary: Parties now negotiate its text.",
        "    positions:",
        "      - actor: united-states",
        "        stance: supports",
        "---",
        "",
        "Body in our own words.",
        "",
      ].join("\n"),
    );
    const { code, stdout } = run(VALIDATE, ["--changes"]);
    expect(code).toBe(0);
    expect(stdout).toContain("What publishing this changes, against HEAD:");
    expect(stdout).toContain("Article 5-like security guarantee outside NATO (article-5-like-guarantee)");
    expect(stdout).toContain(
      "• new source: Second Wire, 10 September 2025 (“Talks move on the guarantee”), reports it negotiating",
    );
    expect(stdout).toContain("• current status proposed → negotiating, per Second Wire, 10 September 2025");
    expect(stdout).toContain("• new stance: United States supports, per Second Wire, 10 September 2025");
    expect(stdout).not.toContain("Ukraine");
    expect(existsSync(path.join(work, ".git"))).toBe(true);
  });
});
