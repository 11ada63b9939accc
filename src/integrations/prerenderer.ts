import type { AstroPrerenderer } from "astro";

type Wrap = (inner: AstroPrerenderer) => AstroPrerenderer;

/** Every wrap registered, by integration name: a second build in one process replaces, not adds. */
const wraps = new Map<string, Wrap>();

/**
 * Wraps Astro's prerenderer (the object that lists and renders the static
 * pages). Astro keeps only the last `setPrerenderer` call, so an integration
 * that wraps it here does not undo another's: each call sets the composition
 * of every wrap registered so far, the first registered innermost.
 */
export function wrapPrerenderer(setPrerenderer: (wrap: Wrap) => void, name: string, wrap: Wrap): void {
  wraps.set(name, wrap);
  const all = [...wraps.values()];
  setPrerenderer((base) => all.reduce((inner, next) => next(inner), base));
}
