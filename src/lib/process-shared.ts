/**
 * A value shared across this process by name. The integrations, the content
 * loaders (loaded through Vite) and the pages (loaded from the build's
 * bundle) run in one process but each loads its own copy of src/lib, so
 * module-level state would not be seen from one to the other: what they hand
 * each other lives on globalThis, under a registered symbol.
 */
export function processShared<T>(name: string, create: () => T): T {
  const key = Symbol.for(`guarantee-tracker:${name}`);
  const holder = globalThis as typeof globalThis & Record<symbol, T | undefined>;
  return (holder[key] ??= create());
}
