import type { AstroIntegration } from "astro";
import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * Where one build writes: the configured output (`dist/`), the staging directory it is built in and the
 * previous site while the two are swapped (both beside the output, so renaming is atomic), and the checkout's
 * build lock.
 */
export interface PublishPaths {
  output: string;
  staging: string;
  previous: string;
  lock: string;
}

/** The paths for an output directory in a checkout: `dist` → `.dist.staging`, `.dist.previous`, `.astro/build.lock`. */
export function publishPaths(output: string, root: string): PublishPaths {
  const parent = path.dirname(output);
  const name = path.basename(output);
  return {
    output,
    staging: path.join(parent, `.${name}.staging`),
    previous: path.join(parent, `.${name}.previous`),
    // One per checkout, not per output: builds in one checkout share .astro/ and, with an output outside the
    // checkout, the prerender folder Astro keeps in it.
    lock: path.join(root, ".astro", "build.lock"),
  };
}

/**
 * The folder a build publishes into: the output itself, or, when the output is a symbolic link (a served web
 * root pointing at a release folder), the folder it points to, so the link keeps serving the new site. A link
 * to nothing is refused: there is no folder to publish into.
 */
export function resolveOutput(output: string): string {
  let link: boolean;
  try {
    link = lstatSync(output).isSymbolicLink();
  } catch {
    return output;
  }
  if (!link) return output;
  try {
    return realpathSync(output);
  } catch {
    throw new Error(
      `The output ${output} is a symbolic link to nothing: make it point to a folder, or remove it, and build again`,
    );
  }
}

/** What the lock file says about the build that holds it. */
export interface LockHolder {
  pid: number;
  started: string;
  output: string;
}

/** Thrown when another live build holds the lock; the message says which and what to do. */
export class BuildLockedError extends Error {
  constructor(lock: string, holder: LockHolder | null) {
    const who = holder
      ? `pid ${holder.pid}, started ${holder.started}, building ${holder.output}`
      : "its lock file cannot be read";
    super(
      `Another build is running in this checkout (${who}); this one was refused so that neither publishes a ` +
        `mixed site. Wait for it to finish. If no build is running, delete ${lock}.`,
    );
    this.name = "BuildLockedError";
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(file, "utf8")) as Partial<LockHolder>;
    if (typeof holder.pid !== "number" || !Number.isInteger(holder.pid) || holder.pid <= 0) return null;
    return { pid: holder.pid, started: String(holder.started ?? "?"), output: String(holder.output ?? "?") };
  } catch {
    return null;
  }
}

/** Whether a process with this id runs (one we may not signal runs too). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/**
 * Takes the checkout's build lock for this process, or throws `BuildLockedError` when a running process holds
 * it. A lock left by a process that no longer runs is taken over; its holder is returned so it can be reported.
 * The lock is written whole under another name and linked into place, so no reader ever sees it half-written.
 */
export function takeBuildLock(lock: string, output: string): { tookOverFrom: LockHolder | null } {
  mkdirSync(path.dirname(lock), { recursive: true });
  const mine: LockHolder = { pid: process.pid, started: new Date().toISOString(), output };
  const draft = `${lock}.${process.pid}.draft`;
  writeFileSync(draft, `${JSON.stringify(mine)}\n`);
  let tookOverFrom: LockHolder | null = null;
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(draft, lock);
        return { tookOverFrom };
      } catch (error) {
        if (errorCode(error) !== "EEXIST") throw error;
      }
      const holder = readHolder(lock);
      if (holder === null) {
        if (existsSync(lock)) throw new BuildLockedError(lock, null);
        continue;
      }
      if (holder.pid === process.pid || isRunning(holder.pid)) throw new BuildLockedError(lock, holder);
      // Stale: move it aside under a name of our own, then check that what was moved is the stale lock and not
      // one another build took over in the meantime (which goes back into place).
      const aside = `${lock}.${process.pid}.stale`;
      try {
        renameSync(lock, aside);
      } catch (error) {
        if (errorCode(error) === "ENOENT") continue;
        throw error;
      }
      const moved = readHolder(aside);
      if (moved?.pid !== holder.pid) {
        try {
          linkSync(aside, lock);
        } finally {
          unlinkSync(aside);
        }
        continue;
      }
      unlinkSync(aside);
      tookOverFrom = holder;
    }
    throw new BuildLockedError(lock, readHolder(lock));
  } finally {
    rmSync(draft, { force: true });
  }
}

/** Removes the lock if this process holds it. */
export function releaseBuildLock(lock: string): void {
  if (readHolder(lock)?.pid === process.pid) rmSync(lock, { force: true });
}

/**
 * Readies the staging directory for a new build: a swap interrupted between its two renames is finished
 * backwards (the previous site goes back in place), and what an interrupted build left is removed. Returns what
 * it found, for the log.
 */
export function prepareStaging(paths: PublishPaths): string[] {
  const notes: string[] = [];
  if (existsSync(paths.previous)) {
    if (existsSync(paths.output)) {
      rmSync(paths.previous, { recursive: true, force: true });
      notes.push(`removed ${paths.previous}, left by a build interrupted after publishing`);
    } else {
      renameSync(paths.previous, paths.output);
      notes.push(`put the previous site back in ${paths.output}: a build was interrupted while publishing`);
    }
  }
  if (existsSync(paths.staging)) {
    rmSync(paths.staging, { recursive: true, force: true });
    notes.push(`removed ${paths.staging}, left by an interrupted build`);
  }
  return notes;
}

/** What Astro keeps when it empties an output (`emptyDir(outDir, new Set([".git"]))`), and so does a swap. */
const KEPT = [".git"];

/**
 * Replaces the output with the staging directory: the old output is renamed aside, the new one renamed into
 * place, what Astro would have kept (`.git`) moved over, then the old one removed. If the second rename fails,
 * the old output goes back.
 */
export function swapIntoPlace(paths: PublishPaths): void {
  if (!existsSync(paths.staging)) throw new Error(`Nothing to publish: ${paths.staging} is missing`);
  const hadOutput = existsSync(paths.output);
  if (hadOutput) renameSync(paths.output, paths.previous);
  try {
    renameSync(paths.staging, paths.output);
  } catch (error) {
    if (hadOutput) renameSync(paths.previous, paths.output);
    throw error;
  }
  if (!hadOutput) return;
  for (const name of KEPT) {
    const kept = path.join(paths.previous, name);
    if (existsSync(kept) && !existsSync(path.join(paths.output, name))) renameSync(kept, path.join(paths.output, name));
  }
  rmSync(paths.previous, { recursive: true, force: true });
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Publishes a build only when all of it succeeded. `astro build` writes into a staging directory beside the
 * configured output; the last `astro:build:done` hook (register this integration last: after the sitemap and
 * Pagefind) swaps it into place. A build that fails, is interrupted or is killed leaves the previous output as
 * it was; what it left is removed when it exits or, after SIGKILL, by the next build. Only one build runs in a
 * checkout at a time: a second is refused while the first's process runs.
 */
export function publishAtomically(): AstroIntegration {
  let paths: PublishPaths | null = null;
  let published = false;

  /** On any exit before publishing: the partial staging output and the lock go; the output is not touched. */
  const abandon = () => {
    if (paths === null) return;
    if (!published) rmSync(paths.staging, { recursive: true, force: true });
    releaseBuildLock(paths.lock);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    abandon();
    // Die of the same signal, as the build would have without this handler, unless someone else handles it.
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };

  return {
    name: "guarantee-tracker:publish",
    hooks: {
      "astro:config:setup": ({ command, config, updateConfig, logger }) => {
        if (command !== "build") return;
        const output = resolveOutput(fileURLToPath(config.outDir).replace(/[\\/]+$/, ""));
        const planned = publishPaths(output, fileURLToPath(config.root));
        const { tookOverFrom } = takeBuildLock(planned.lock, output);
        paths = planned;
        process.on("exit", abandon);
        for (const s of SIGNALS) process.on(s, onSignal);
        if (tookOverFrom !== null) {
          logger.warn(`took over the build lock of pid ${tookOverFrom.pid}, which is no longer running`);
        }
        for (const note of prepareStaging(planned)) logger.warn(note);
        updateConfig({ outDir: pathToFileURL(`${planned.staging}${path.sep}`) });
      },
      "astro:build:done": ({ dir, logger }) => {
        if (paths === null) return;
        const built = fileURLToPath(dir).replace(/[\\/]+$/, "");
        if (built !== paths.staging) {
          throw new Error(`Astro wrote the site to ${built}, not to the staging directory ${paths.staging}`);
        }
        swapIntoPlace(paths);
        published = true;
        releaseBuildLock(paths.lock);
        logger.info(`published to ${paths.output}`);
      },
    },
  };
}
