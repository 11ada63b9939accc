import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBuild, tempDir } from "../support/site.ts";

// A body Markdown cannot render (3,000 nested block quotes overflow the parser's stack) stops the build, named by
// its file; the valid article beside it is never blamed.
const work = tempDir("unrenderable");
let result: { code: number | null; output: string };

beforeAll(async () => {
  result = await runBuild({
    outDir: path.join(work, "dist"),
    cacheDir: path.join(work, "cache"),
    contentDir: "tests/fixtures/unrenderable",
  });
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("a body that cannot be rendered", () => {
  it("fails the build", () => {
    expect(result.code).not.toBe(0);
  });

  it("is reported with its file, and no other article is blamed", () => {
    expect(result.output).toContain(
      "tests/fixtures/unrenderable/articles/2025-08-21-deep-quotes.md: the body could not be rendered as Markdown",
    );
    expect(result.output).not.toMatch(/ukrainian-voices\.md: the body could not be rendered/);
  });
});
