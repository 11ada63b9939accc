import { existsSync, readFileSync, rmSync, statSync, unlinkSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faultyPagefind, faultyWrites, fingerprint, startBuild, waitFor, type BuildRun } from "../support/builds.ts";
import { ROOT, tempDir } from "../support/site.ts";

/**
 * Real builds of the tiny fixture into one output, one after the other: a good build publishes; a build that
 * fails while rendering, one whose Pagefind step fails, one interrupted (SIGINT) and one killed (SIGKILL) in
 * the middle leave the previous output byte for byte; the build after a killed one takes over its lock and
 * removes what it left; and while one build runs, a second in the same checkout is refused.
 */

const FIXTURE = "tests/fixtures/tiny";
/** A page rendered late enough that, when its write is held, the staging directory holds part of the site. */
const PAGE = "/proposals/article-5-like-guarantee/";
const LOCK = path.join(ROOT, ".astro", "build.lock");

let work: string;
let cache: string;
let output: string;
let staging: string;
let previous: string;
let published: Record<string, string>;
const running: BuildRun[] = [];

beforeAll(() => {
  work = tempDir("publish");
  cache = tempDir("publish-cache");
  output = path.join(work, "site");
  staging = path.join(work, ".site.staging");
  previous = path.join(work, ".site.previous");
});

afterAll(() => {
  for (const run of running)
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill("SIGKILL");
  for (const run of running) if (lockHolder() === run.child.pid) rmSync(LOCK, { force: true });
  rmSync(work, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

function build(env: NodeJS.ProcessEnv = {}): BuildRun {
  const run = startBuild({ outDir: output, cacheDir: cache, contentDir: FIXTURE, env });
  running.push(run);
  return run;
}

/** The pid in the checkout's build lock, if there is one. */
function lockHolder(): number | null {
  try {
    return (JSON.parse(readFileSync(LOCK, "utf8")) as { pid: number }).pid;
  } catch {
    return null;
  }
}

/** Starts a build whose write of PAGE is held until `release` is called; resolves once the build is there. */
async function stalledBuild(name: string): Promise<{ run: BuildRun; release: () => void }> {
  const marker = path.join(work, `${name}.stalled`);
  const run = build(faultyWrites(work, { fault: "stall", match: PAGE, marker }));
  await waitFor(() => existsSync(marker) || run.child.exitCode !== null, 90_000, `the build to reach ${PAGE}`);
  expect(existsSync(marker), run.output()).toBe(true);
  return { run, release: () => unlinkSync(marker) };
}

function expectNothingLeftBehind(pid: number | undefined) {
  expect(existsSync(staging)).toBe(false);
  expect(existsSync(previous)).toBe(false);
  expect(lockHolder()).not.toBe(pid);
}

describe("publishing a build", () => {
  it(
    "a good build publishes the whole site, pages, feeds, sitemap and index, into the output",
    { timeout: 120_000 },
    async () => {
      const run = build();
      const result = await run.done;
      expect(result.code, result.output).toBe(0);
      published = fingerprint(output);
      for (const file of ["index.html", "rss.xml", "sitemap-index.xml", "pagefind/pagefind-entry.json"]) {
        expect(existsSync(path.join(output, file)), file).toBe(true);
      }
      expect(result.output).toContain(`published to ${output}`);
      expectNothingLeftBehind(run.child.pid);
    },
  );

  it(
    "a build that fails while rendering pages leaves the previous output as it was",
    { timeout: 120_000 },
    async () => {
      const run = build(faultyWrites(work, { fault: "fail", match: PAGE }));
      const result = await run.done;
      expect(result.code, result.output).not.toBe(0);
      expect(result.output).toContain("ENOSPC: no space left on device");
      expect(fingerprint(output)).toEqual(published);
      expectNothingLeftBehind(run.child.pid);
    },
  );

  it("a build whose Pagefind step fails leaves the previous output as it was", { timeout: 120_000 }, async () => {
    const run = build({ ...faultyPagefind(work, "panics"), GT_PAGEFIND_TIMEOUT: "5" });
    const result = await run.done;
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toMatch(/Pagefind (did not answer|failed)/);
    expect(fingerprint(output)).toEqual(published);
    expectNothingLeftBehind(run.child.pid);
  });

  it(
    "a build interrupted (SIGINT) while rendering leaves the previous output, and cleans up",
    { timeout: 120_000 },
    async () => {
      const { run } = await stalledBuild("interrupted");
      const written = Object.keys(fingerprint(staging));
      run.child.kill("SIGINT");
      expect(written.length, "part of the new site is written").toBeGreaterThan(0);
      const result = await run.done;
      expect(result.code === 0, result.output).toBe(false);
      expect(fingerprint(output)).toEqual(published);
      expectNothingLeftBehind(run.child.pid);
    },
  );

  it("a build killed (SIGKILL) while rendering leaves the previous output", { timeout: 120_000 }, async () => {
    const { run } = await stalledBuild("killed");
    run.child.kill("SIGKILL");
    const result = await run.done;
    expect(result.signal).toBe("SIGKILL");
    expect(fingerprint(output)).toEqual(published);
    // Nothing could clean up: the next build must.
    expect(existsSync(staging)).toBe(true);
    expect(lockHolder()).toBe(run.child.pid);
  });

  it(
    "the next build takes over the dead build's lock, removes what it left and publishes",
    { timeout: 120_000 },
    async () => {
      const dead = lockHolder();
      const before = statSync(output).ino;
      const run = build();
      const result = await run.done;
      expect(result.code, result.output).toBe(0);
      expect(result.output).toContain(`took over the build lock of pid ${dead}, which is no longer running`);
      expect(result.output).toContain(`removed ${staging}, left by an interrupted build`);
      expect(statSync(output).ino, "the output was replaced").not.toBe(before);
      expect(fingerprint(output)).toEqual(published);
      expectNothingLeftBehind(run.child.pid);
    },
  );

  it(
    "while one build runs, a second in the same checkout is refused and the first publishes",
    { timeout: 180_000 },
    async () => {
      const first = await stalledBuild("first");
      const before = statSync(output).ino;
      const second = build();
      const refused = await second.done;
      expect(refused.code, refused.output).not.toBe(0);
      expect(refused.output).toContain(
        `Another build is running in this checkout (pid ${first.run.child.pid}, started `,
      );
      expect(refused.output).toContain(`If no build is running, delete ${LOCK}.`);
      // The refused build touched neither the first build's lock and staging directory nor the output.
      expect(lockHolder()).toBe(first.run.child.pid);
      expect(existsSync(staging)).toBe(true);
      expect(statSync(output).ino).toBe(before);
      first.release();
      const result = await first.run.done;
      expect(result.code, result.output).toBe(0);
      expect(statSync(output).ino).not.toBe(before);
      expect(fingerprint(output)).toEqual(published);
      expectNothingLeftBehind(first.run.child.pid);
    },
  );
});
