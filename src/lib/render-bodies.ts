import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { renderBody } from "./markdown.ts";

/** Below this many bodies, starting worker threads costs more than it saves. */
const POOL_THRESHOLD = 200;

/**
 * Renders article bodies through the remark/rehype pipeline of markdown.ts,
 * in the order given. Large corpora are spread over one worker thread per
 * CPU: Markdown parsing is most of the build's content-sync time and would
 * otherwise run on one core.
 */
export async function renderBodies(bodies: readonly string[]): Promise<string[]> {
  const threads = Math.min(availableParallelism(), 8);
  if (bodies.length < POOL_THRESHOLD || threads < 2) return bodies.map(renderBody);
  const pool = new Piscina<readonly string[], string[]>({
    filename: new URL("./markdown-worker.ts", import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
  });
  try {
    // A few batches per thread: little messaging, and no thread idles long at the end.
    const size = Math.ceil(bodies.length / (threads * 4));
    const batches: (readonly string[])[] = [];
    for (let i = 0; i < bodies.length; i += size) batches.push(bodies.slice(i, i + size));
    return (await Promise.all(batches.map((batch) => pool.run(batch)))).flat();
  } finally {
    await pool.destroy();
  }
}
