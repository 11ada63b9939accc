import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faultyPagefind, startBuild, type ServiceFault } from "../support/builds.ts";
import { tempDir } from "../support/site.ts";

/**
 * Real builds of the tiny fixture with Pagefind's service replaced by one that fails the way a real one can:
 * killed while it indexes, panicking, or never answering. Each must end the build with a non-zero exit and a
 * message, within a bounded time (GT_PAGEFIND_TIMEOUT bounds each call to the service).
 */

const FIXTURE = "tests/fixtures/tiny";
const TIMEOUT_SECONDS = 5;

let work: string;
let cache: string;

beforeAll(() => {
  work = tempDir("pagefind-faults");
  cache = tempDir("pagefind-faults-cache");
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

async function buildWith(fault: ServiceFault) {
  const started = Date.now();
  const run = startBuild({
    outDir: `${work}/out-${fault}`,
    cacheDir: cache,
    contentDir: FIXTURE,
    env: { ...faultyPagefind(work, fault), GT_PAGEFIND_TIMEOUT: String(TIMEOUT_SECONDS) },
  });
  const result = await run.done;
  return { ...result, seconds: (Date.now() - started) / 1000 };
}

describe("a Pagefind service that fails", () => {
  it("killed while it indexes: the build fails, saying Pagefind stopped", { timeout: 120_000 }, async () => {
    const result = await buildWith("dies-while-indexing");
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toMatch(
      new RegExp(`Pagefind did not answer within ${TIMEOUT_SECONDS} s while reading the pages|Pagefind backend closed`),
    );
  });

  it("panicking: the build fails, with the panic and what Pagefind was doing", { timeout: 120_000 }, async () => {
    const result = await buildWith("panics");
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toContain("panicked at");
    expect(result.output).toMatch(/Pagefind (did not answer within \d+ s|failed) while starting/);
  });

  it("never answering: the build fails once the bound has passed", { timeout: 120_000 }, async () => {
    const result = await buildWith("silent");
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toContain(
      `Pagefind did not answer within ${TIMEOUT_SECONDS} s while starting: its service died, panicked or hangs`,
    );
  });
});
