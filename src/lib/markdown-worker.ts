import { renderBody } from "./markdown.ts";

/** A worker task (see render-bodies.ts): renders a batch of article bodies. */
export default function renderBatch(bodies: readonly string[]): string[] {
  return bodies.map(renderBody);
}
