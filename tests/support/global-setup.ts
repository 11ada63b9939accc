import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite, DIST, newestMtime, ROOT } from "./site.ts";

/** What the built site is made from: when any of it is newer than dist/, dist/ is stale. */
const INPUTS = ["src", "content", "public", "astro.config.mjs", "package-lock.json"].map((p) => path.join(ROOT, p));

/**
 * Runs once before the `site` project: the gates read dist/, so make sure it
 * exists and is not older than its inputs; build it (once) when it is.
 * `GT_SKIP_BUILD=1` uses dist/ as it is. It also names the folder where the
 * fixture builds shared between test files go (sharedBuild), removed at the end.
 */
export default async function setup(): Promise<() => void> {
  const shared = mkdtempSync(path.join(tmpdir(), "gt-shared-builds-"));
  process.env.GT_SHARED_BUILDS = shared;
  const teardown = () => rmSync(shared, { recursive: true, force: true });
  if (process.env.GT_SKIP_BUILD === "1") return teardown;
  const index = path.join(DIST, "index.html");
  const reason = !existsSync(index)
    ? "dist/ has not been built"
    : newestMtime(INPUTS) > statSync(index).mtimeMs
      ? "dist/ is older than src/ or content/"
      : null;
  if (reason === null) return teardown;
  console.log(`[site setup] ${reason}: building it…`);
  const started = performance.now();
  await buildSite({ outDir: DIST });
  console.log(`[site setup] built dist/ in ${Math.round(performance.now() - started)} ms`);
  return teardown;
}
