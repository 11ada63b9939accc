import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fromHtml } from "hast-util-from-html";
import type { Element, Nodes, Root } from "hast";

/** The project root and its built site. */
export const ROOT = path.resolve(import.meta.dirname, "../..");
export const DIST = path.join(ROOT, "dist");

/** The site's public origin, as astro.config.mjs computes it (canonical URLs, sitemap, RSS). */
export const SITE_ORIGIN = new URL(process.env.GT_SITE ?? "https://guarantee-tracker.example").origin;

/** Every file under `dir`, as sorted paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else out.push(rel);
    }
  };
  walk("");
  return out.sort();
}

/** Every HTML page under `dir`, relative to it. */
export function htmlFiles(dir: string): string[] {
  return listFiles(dir).filter((f) => f.endsWith(".html"));
}

/** The URL path a built file is served at: `proposals/x/index.html` → `/proposals/x/`. */
export function urlOfFile(file: string): string {
  return `/${file}`.replace(/(^|\/)index\.html$/, "$1");
}

/** The newest modification time of any file under the given paths (files or directories). */
export function newestMtime(paths: readonly string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) for (const name of readdirSync(p)) visit(path.join(p, name));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of paths) visit(p);
  return newest;
}

/** Parses an HTML document into a hast tree. */
export function parseHtml(html: string): Root {
  return fromHtml(html);
}

/** Calls `fn` on every element of a tree, in document order. */
export function eachElement(tree: Nodes, fn: (el: Element) => void): void {
  if (tree.type === "element") fn(tree);
  if ("children" in tree) for (const child of tree.children) eachElement(child, fn);
  if (tree.type === "element" && tree.tagName === "template" && tree.content) eachElement(tree.content, fn);
}

/** Every element of a tree, in document order. */
export function elements(tree: Nodes): Element[] {
  const out: Element[] = [];
  eachElement(tree, (el) => out.push(el));
  return out;
}

/** A hast property as a string: lists (class, rel) are joined with spaces. */
export function prop(el: Element, name: string): string | undefined {
  const value = el.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  if (Array.isArray(value)) return value.join(" ");
  return String(value);
}

/** The text content of a node. */
export function textOf(node: Nodes): string {
  if (node.type === "text") return node.value;
  if ("children" in node) return node.children.map((c) => textOf(c as Nodes)).join("");
  return "";
}

/** A fresh temporary directory. */
export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `gt-${prefix}-`));
}

export interface BuildOptions {
  outDir: string;
  /** GT_CACHE_DIR: a fresh one per build keeps builds of different corpora apart. Default: Astro's own. */
  cacheDir?: string;
  /** GT_CONTENT_DIR: a corpus other than content/ (relative to the root or absolute). */
  contentDir?: string;
}

/**
 * Runs `astro build` with the project's own Astro (on the pinned Node 24) into
 * `outDir`, and reports its exit code and everything it printed.
 */
export function runBuild(options: BuildOptions): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  if (options.cacheDir === undefined) delete env.GT_CACHE_DIR;
  else env.GT_CACHE_DIR = options.cacheDir;
  if (options.contentDir === undefined) delete env.GT_CONTENT_DIR;
  else env.GT_CONTENT_DIR = options.contentDir;
  const node = path.join(ROOT, "node_modules/.bin/node");
  const astro = path.join(ROOT, "node_modules/astro/bin/astro.mjs");
  return new Promise((resolve, reject) => {
    const child = spawn(node, [astro, "build", "--outDir", options.outDir], { cwd: ROOT, env });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** Builds the site into `outDir`; rejects with the end of the build's output when it fails. */
export async function buildSite(options: BuildOptions): Promise<{ output: string }> {
  const { code, output } = await runBuild(options);
  if (code !== 0)
    throw new Error(`astro build --outDir ${options.outDir} exited with ${code}:\n${output.slice(-4000)}`);
  return { output };
}

/**
 * A fixture corpus built once per test run and shared by the test files that
 * only read its output (the hostile corpus: security, open data, well-formed
 * outputs). The site project's global setup names the run's folder
 * (GT_SHARED_BUILDS) and removes it at the end; without it, a build of its own.
 */
export async function sharedBuild(contentDir: string): Promise<string> {
  const root = process.env.GT_SHARED_BUILDS;
  if (root === undefined) {
    const out = tempDir("shared-out");
    await buildSite({ outDir: out, cacheDir: tempDir("shared-cache"), contentDir });
    return out;
  }
  const name = contentDir.replace(/[^a-z0-9]+/gi, "-");
  const out = path.join(root, name);
  if (!existsSync(path.join(out, "index.html"))) {
    await buildSite({ outDir: out, cacheDir: path.join(root, `${name}-cache`), contentDir });
  }
  return out;
}
