import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite, listFiles, tempDir } from "../support/site.ts";

/** Files that are in one tree and not the other, or whose bytes differ. */
function differences(a: string, b: string): string[] {
  const filesA = listFiles(a);
  const filesB = listFiles(b);
  const inB = new Set(filesB);
  const inA = new Set(filesA);
  const out: string[] = [];
  for (const f of filesA) if (!inB.has(f)) out.push(`only in the first build: ${f}`);
  for (const f of filesB) if (!inA.has(f)) out.push(`only in the second build: ${f}`);
  for (const f of filesA) {
    if (!inB.has(f)) continue;
    const x = readFileSync(path.join(a, f));
    const y = readFileSync(path.join(b, f));
    if (!x.equals(y)) {
      let at = 0;
      while (at < x.length && at < y.length && x[at] === y[at]) at++;
      const around = (buf: Buffer) => JSON.stringify(buf.subarray(Math.max(0, at - 20), at + 40).toString("latin1"));
      out.push(`differs: ${f} (${x.length} vs ${y.length} bytes; from byte ${at}: ${around(x)} vs ${around(y)})`);
    }
  }
  return out;
}

describe("builds are reproducible", () => {
  const dirs: string[] = [];
  const fresh = (prefix: string) => {
    const dir = tempDir(prefix);
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("two builds of the same content, each with its own cache, are byte-identical", { timeout: 120_000 }, async () => {
    const a = fresh("det-a");
    const b = fresh("det-b");
    // One after the other: on two cores, parallel builds are barely faster and share .astro/.
    await buildSite({ outDir: a, cacheDir: fresh("det-cache-a"), contentDir: "content" });
    await buildSite({ outDir: b, cacheDir: fresh("det-cache-b"), contentDir: "content" });
    const files = listFiles(a);
    expect(files.length).toBeGreaterThan(20);
    expect(files).toContain("index.html");
    expect(files.some((f) => f.startsWith("pagefind/"))).toBe(true);
    const diff = differences(a, b);
    expect(diff.length, `${diff.length} files differ between the two builds:\n  ${diff.join("\n  ")}\n`).toBe(0);
  });
});
