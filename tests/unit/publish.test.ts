import { spawnSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  BuildLockedError,
  prepareStaging,
  publishPaths,
  releaseBuildLock,
  swapIntoPlace,
  resolveOutput,
  takeBuildLock,
} from "../../src/integrations/publish.ts";

/** The lock, staging and swap of the publish integration, on a temporary checkout. */

let root: string;
let lock: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "gt-publish-unit-"));
  lock = path.join(root, ".astro", "build.lock");
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** The id of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  return child.pid ?? 0;
}

function writeLock(holder: unknown) {
  mkdirSync(path.dirname(lock), { recursive: true });
  writeFileSync(lock, typeof holder === "string" ? holder : JSON.stringify(holder));
}

const holderOf = () => JSON.parse(readFileSync(lock, "utf8")) as { pid: number; output: string };

describe("publishPaths", () => {
  it("puts staging and previous beside the output and the lock in the checkout's .astro", () => {
    expect(publishPaths("/site/dist", "/repo")).toEqual({
      output: "/site/dist",
      staging: "/site/.dist.staging",
      previous: "/site/.dist.previous",
      lock: "/repo/.astro/build.lock",
    });
  });
});

describe("the build lock", () => {
  it("is taken with this process's pid and released", () => {
    expect(takeBuildLock(lock, "/out")).toEqual({ tookOverFrom: null });
    expect(holderOf()).toMatchObject({ pid: process.pid, output: "/out" });
    releaseBuildLock(lock);
    expect(existsSync(lock)).toBe(false);
    expect(readdirSync(path.dirname(lock))).toEqual([]);
  });

  it("refuses while a running process holds it, naming it and saying what to do", () => {
    writeLock({ pid: process.ppid, started: "2026-11-30T10:00:00.000Z", output: "/other" });
    expect(() => takeBuildLock(lock, "/out")).toThrow(BuildLockedError);
    expect(() => takeBuildLock(lock, "/out")).toThrow(
      `Another build is running in this checkout (pid ${process.ppid}, started 2026-11-30T10:00:00.000Z, ` +
        `building /other); this one was refused so that neither publishes a mixed site. Wait for it to finish. ` +
        `If no build is running, delete ${lock}.`,
    );
    expect(holderOf().pid).toBe(process.ppid);
  });

  it("takes over a lock whose process is gone", () => {
    const dead = deadPid();
    writeLock({ pid: dead, started: "2026-11-30T10:00:00.000Z", output: "/other" });
    expect(takeBuildLock(lock, "/out").tookOverFrom).toMatchObject({ pid: dead });
    expect(holderOf().pid).toBe(process.pid);
    expect(readdirSync(path.dirname(lock))).toEqual(["build.lock"]);
  });

  it("refuses a lock it cannot read rather than guess", () => {
    writeLock("not json");
    expect(() => takeBuildLock(lock, "/out")).toThrow("(its lock file cannot be read)");
  });

  it("is released only by its holder", () => {
    writeLock({ pid: process.ppid, started: "x", output: "/other" });
    releaseBuildLock(lock);
    expect(holderOf().pid).toBe(process.ppid);
  });
});

describe("staging and swapping", () => {
  const site = (dir: string, text: string) => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "index.html"), text);
  };
  const text = (dir: string) => readFileSync(path.join(dir, "index.html"), "utf8");

  it("publishes the staging directory over the old output and removes the old one", () => {
    const paths = publishPaths(path.join(root, "dist"), root);
    site(paths.output, "old");
    site(paths.staging, "new");
    swapIntoPlace(paths);
    expect(text(paths.output)).toBe("new");
    expect(existsSync(paths.staging)).toBe(false);
    expect(existsSync(paths.previous)).toBe(false);
  });

  it("keeps the output's .git, as Astro does when it empties an output", () => {
    const paths = publishPaths(path.join(root, "dist"), root);
    site(paths.output, "old");
    mkdirSync(path.join(paths.output, ".git"));
    writeFileSync(path.join(paths.output, ".git", "HEAD"), "ref: refs/heads/gh-pages\n");
    site(paths.staging, "new");
    swapIntoPlace(paths);
    expect(text(paths.output)).toBe("new");
    expect(readFileSync(path.join(paths.output, ".git", "HEAD"), "utf8")).toBe("ref: refs/heads/gh-pages\n");
  });

  it("publishes through an output that is a symbolic link into the folder it points to, keeping the link", () => {
    const served = path.join(root, "www");
    site(path.join(root, "releases", "current"), "old");
    symlinkSync(path.join(root, "releases", "current"), served);
    const paths = publishPaths(resolveOutput(served), root);
    expect(paths.output).toBe(path.join(root, "releases", "current"));
    site(paths.staging, "new");
    swapIntoPlace(paths);
    expect(lstatSync(served).isSymbolicLink()).toBe(true);
    expect(text(served)).toBe("new");
  });

  it("refuses an output that is a symbolic link to nothing, saying so", () => {
    const served = path.join(root, "www");
    symlinkSync(path.join(root, "gone"), served);
    expect(() => resolveOutput(served)).toThrow(`The output ${served} is a symbolic link to nothing`);
  });

  it("publishes when there was no output yet", () => {
    const paths = publishPaths(path.join(root, "dist"), root);
    site(paths.staging, "new");
    swapIntoPlace(paths);
    expect(text(paths.output)).toBe("new");
  });

  it("refuses to publish a missing staging directory, leaving the output", () => {
    const paths = publishPaths(path.join(root, "dist"), root);
    site(paths.output, "old");
    expect(() => swapIntoPlace(paths)).toThrow(`Nothing to publish: ${paths.staging} is missing`);
    expect(text(paths.output)).toBe("old");
  });

  it("removes the staging directory an interrupted build left", () => {
    const paths = publishPaths(path.join(root, "dist"), root);
    site(paths.output, "old");
    site(paths.staging, "partial");
    expect(prepareStaging(paths)).toEqual([`removed ${paths.staging}, left by an interrupted build`]);
    expect(existsSync(paths.staging)).toBe(false);
    expect(text(paths.output)).toBe("old");
  });

  it("puts the previous site back when a swap was cut between its two renames", () => {
    const paths = publishPaths(path.join(root, "dist"), root);
    site(paths.previous, "old");
    site(paths.staging, "new, never published");
    expect(prepareStaging(paths)).toEqual([
      `put the previous site back in ${paths.output}: a build was interrupted while publishing`,
      `removed ${paths.staging}, left by an interrupted build`,
    ]);
    expect(text(paths.output)).toBe("old");
  });

  it("removes a previous site left after a swap that had published", () => {
    const paths = publishPaths(path.join(root, "dist"), root);
    site(paths.output, "new");
    site(paths.previous, "old");
    expect(prepareStaging(paths)).toEqual([`removed ${paths.previous}, left by a build interrupted after publishing`]);
    expect(text(paths.output)).toBe("new");
    expect(existsSync(paths.previous)).toBe(false);
  });
});
