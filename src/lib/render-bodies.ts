import { availableParallelism } from "node:os";
import { Tinypool } from "tinypool";

/** Below this many bodies, starting worker processes costs more than it saves. */
export const POOL_THRESHOLD = 200;
/** Bodies per task: small messages keep the build's own memory low (measured at 10,000 articles). */
const BATCH = 150;

/** One worker per CPU, at most eight; none on a single CPU. */
export function workerCount(): number {
  const cpus = Math.min(availableParallelism(), 8);
  return cpus < 2 ? 0 : cpus;
}

/**
 * Starts rendering article bodies through the remark/rehype pipeline of
 * markdown.ts in worker processes, one per CPU, batch by batch in the order
 * given, and returns at once: one promise per body. The pool closes when the
 * last batch is done. The workers are child processes rather than threads:
 * with threads the build's peak memory rose by 300–500 MB at 10,000
 * articles; a process gives its memory back when it exits.
 */
export function renderInWorkers(bodies: readonly string[], workers = workerCount()): Promise<string>[] {
  const pool = new Tinypool({
    filename: new URL("./markdown-worker.ts", import.meta.url).href,
    runtime: "child_process",
    minThreads: Math.max(1, workers),
    maxThreads: Math.max(1, workers),
  });
  const batches: Promise<string[]>[] = [];
  for (let i = 0; i < bodies.length; i += BATCH) batches.push(pool.run(bodies.slice(i, i + BATCH)));
  void Promise.allSettled(batches).then(() => pool.destroy());
  return bodies.map((_, i) =>
    (batches[Math.floor(i / BATCH)] as Promise<string[]>).then((html) => html[i % BATCH] ?? ""),
  );
}
