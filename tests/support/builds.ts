import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { listFiles, ROOT } from "./site.ts";

/** The node the npm scripts run on, and Astro's command line. */
const NODE = path.join(ROOT, "node_modules/.bin/node");
const ASTRO = path.join(ROOT, "node_modules/astro/bin/astro.mjs");

export interface BuildRun {
  child: ChildProcess;
  /** Everything the build printed so far. */
  output: () => string;
  /** Resolves when the build has exited. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
}

export interface StartOptions {
  outDir: string;
  /** GT_CACHE_DIR: each test keeps its own Astro cache. */
  cacheDir: string;
  /** GT_CONTENT_DIR, relative to the root. */
  contentDir: string;
  /** More environment: Pagefind's binary, a timeout, NODE_OPTIONS. */
  env?: NodeJS.ProcessEnv;
  /** More arguments to `astro build` (`--config`). */
  args?: readonly string[];
}

/** Starts `astro build --outDir` on a fixture corpus, as `npm run build` would, and hands back the process. */
export function startBuild(options: StartOptions): BuildRun {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: "1",
    GT_CACHE_DIR: options.cacheDir,
    GT_CONTENT_DIR: options.contentDir,
    ...options.env,
  };
  const child = spawn(NODE, [ASTRO, "build", "--outDir", options.outDir, ...(options.args ?? [])], { cwd: ROOT, env });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>(
    (resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code, signal) => resolve({ code, signal, output }));
    },
  );
  return { child, output: () => output, done };
}

/** Waits until `test` holds, checking every 20 ms; rejects after `ms`. */
export async function waitFor(test: () => boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!test()) {
    if (Date.now() > until) throw new Error(`gave up after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Every file under `dir` with the SHA-256 of its bytes, to compare a whole output before and after. */
export function fingerprint(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    listFiles(dir).map((file) => [
      file,
      createHash("sha256")
        .update(readFileSync(path.join(dir, file)))
        .digest("hex"),
    ]),
  );
}

/**
 * How a stand-in for Pagefind's service behaves: `dies-while-indexing` runs the real service and kills it
 * (SIGKILL) as the pages are sent to it; `panics` prints a Rust panic and exits 101 at the first request;
 * `silent` reads requests and never answers.
 */
export type ServiceFault = "dies-while-indexing" | "panics" | "silent";

const FAKE_SERVICE = `
import { spawn } from "node:child_process";
const [real, fault] = process.argv.slice(2);
if (fault === "panics") {
  process.stdin.once("data", () => {
    process.stderr.write("thread 'main' panicked at pagefind/src/service/mod.rs:1:1:\\nindex out of bounds\\n");
    process.exit(101);
  });
} else if (fault === "silent") {
  process.stdin.resume();
  setInterval(() => {}, 1 << 30);
} else {
  const service = spawn(real, ["--service"], { stdio: ["pipe", "pipe", "inherit"] });
  service.stdout.pipe(process.stdout);
  let requests = 0;
  process.stdin.on("data", (chunk) => {
    service.stdin.write(chunk);
    // Requests end with a comma; the second is AddDir, the pages.
    requests += chunk.toString().split(",").length - 1;
    if (requests >= 2) {
      service.kill("SIGKILL");
      process.kill(process.pid, "SIGKILL");
    }
  });
}
`;

/** The real Pagefind binary for this platform, as Pagefind's Node API finds it. */
function realPagefind(): string {
  const require = createRequire(path.join(ROOT, "node_modules/pagefind/package.json"));
  return require.resolve(`@pagefind/${process.platform}-${process.arch}/bin/pagefind_extended`);
}

/**
 * Writes an executable into `dir` that stands in for Pagefind's service with the given fault, and returns the
 * environment that makes Pagefind's Node API start it (it honours PAGEFIND[_EXTENDED]_BINARY_PATH).
 */
export function faultyPagefind(dir: string, fault: ServiceFault): NodeJS.ProcessEnv {
  const script = path.join(dir, "fake-service.mjs");
  writeFileSync(script, FAKE_SERVICE);
  const binary = path.join(dir, `pagefind-${fault}`);
  const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
  writeFileSync(binary, `#!/bin/sh\nexec ${quote(NODE)} ${quote(script)} ${quote(realPagefind())} ${fault}\n`);
  chmodSync(binary, 0o755);
  return { PAGEFIND_EXTENDED_BINARY_PATH: binary, PAGEFIND_BINARY_PATH: binary };
}

/**
 * A module preloaded into the build (NODE_OPTIONS=--import) that breaks the writing of the pages whose path
 * contains GT_TEST_WRITE_MATCH: `fail` rejects the write as a full disk would (ENOSPC); `stall` creates the
 * file GT_TEST_WRITE_MARKER at the first such write, so a test knows the build is mid-render, and holds that
 * write (and with it the build) until the test deletes the file.
 */
const WRITE_FAULT = `
import fs from "node:fs";
const { GT_TEST_WRITE_FAULT: fault, GT_TEST_WRITE_MATCH: match, GT_TEST_WRITE_MARKER: marker } = process.env;
const writeFile = fs.promises.writeFile;
let stalled = false;
fs.promises.writeFile = async function (file, ...rest) {
  const target = file instanceof URL ? file.pathname : String(file);
  if (match && target.includes(match)) {
    if (fault === "fail") {
      throw Object.assign(new Error("ENOSPC: no space left on device, write '" + target + "'"), { code: "ENOSPC" });
    }
    if (fault === "stall" && !stalled) {
      stalled = true;
      fs.writeFileSync(marker, target);
      while (fs.existsSync(marker)) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return writeFile.call(this, file, ...rest);
};
`;

export type WriteFault = { fault: "fail"; match: string } | { fault: "stall"; match: string; marker: string };

/** The environment that preloads the write fault into a build; the module is written into `dir`. */
export function faultyWrites(dir: string, options: WriteFault): NodeJS.ProcessEnv {
  const module = path.join(dir, "write-fault.mjs");
  writeFileSync(module, WRITE_FAULT);
  return {
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${pathToFileURL(module).href}`.trim(),
    GT_TEST_WRITE_FAULT: options.fault,
    GT_TEST_WRITE_MATCH: options.match,
    GT_TEST_WRITE_MARKER: options.fault === "stall" ? options.marker : "",
  };
}
