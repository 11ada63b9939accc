import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { startBuild } from "../support/builds.ts";
import { ROOT } from "../support/site.ts";

const scratch = mkdtempSync(path.join(tmpdir(), "gt-validated-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * The project's config with one more integration, run after validation and before the loaders read anything:
 * it rewrites an article as an editor's save would in that moment, so the window is there on every run.
 */
const RACING_CONFIG = (article: string, text: string) => `
import { writeFileSync } from "node:fs";
import config from ${JSON.stringify(pathToFileURL(path.join(ROOT, "astro.config.mjs")).href)};
const saved = {
  name: "test:save-after-validation",
  hooks: { "astro:config:setup": () => writeFileSync(${JSON.stringify(article)}, ${JSON.stringify(text)}) },
};
export default { ...config, integrations: [...config.integrations, saved] };
`;

describe("an article saved between validation and loading", () => {
  it("is checked as loaded: an unknown proposer fails the build and nothing is published", async () => {
    const corpus = path.join(scratch, "corpus");
    cpSync(path.join(ROOT, "tests/fixtures/tiny"), corpus, { recursive: true });
    const article = path.join(corpus, "articles/2025-08-16-tiny.md");
    const { readFileSync } = await import("node:fs");
    const edited = readFileSync(article, "utf8").replace("proposers: [united-states]", "proposers: [nobody-known]");
    const config = path.join(scratch, "racing.config.mjs");
    writeFileSync(config, RACING_CONFIG(article, edited));
    const out = path.join(scratch, "dist");
    const run = startBuild({
      outDir: out,
      cacheDir: path.join(scratch, "cache"),
      contentDir: corpus,
      args: ["--config", path.relative(ROOT, config)],
    });
    const { code, output } = await run.done;
    expect(output).toContain("content is valid");
    expect(code, output).not.toBe(0);
    expect(output).toContain("proposals[0].proposers[0]: expected an actor id from");
    expect(output).toContain('found "nobody-known"');
    expect(existsSync(out)).toBe(false);
  }, 240_000);
});
