/**
 * Hands values on in a fixed order of keys, whatever order they arrive in.
 *
 * Astro renders several pages at once, so they finish in no fixed order; a
 * consumer whose output depends on the order it is fed (Pagefind numbers
 * pages as they are added) gets them here in the order the keys were given.
 * A value waits only until every key before it has arrived.
 */
export interface InOrder<T> {
  /** Whether the key is one of those to pass on. */
  has(key: string): boolean;
  /** Takes the value for a key; a key not given, given again, or after `finish` is refused with `false`. */
  arrive(key: string, value: T): boolean;
  /** Passes on what is still waiting, in order, and returns the keys that never arrived. */
  finish(): string[];
}

export function inOrder<T>(keys: Iterable<string>, pass: (key: string, value: T) => void): InOrder<T> {
  const order = [...new Set(keys)];
  const position = new Map(order.map((key, i) => [key, i]));
  const waiting = new Map<number, T>();
  const arrived = new Set<number>();
  let next = 0;
  let finished = false;

  const passFrom = (skipMissing: boolean) => {
    while (next < order.length) {
      if (waiting.has(next)) {
        const value = waiting.get(next) as T;
        waiting.delete(next);
        pass(order[next] as string, value);
      } else if (!skipMissing) return;
      next++;
    }
  };

  return {
    has: (key) => position.has(key),
    arrive(key, value) {
      const at = position.get(key);
      if (finished || at === undefined || arrived.has(at)) return false;
      arrived.add(at);
      waiting.set(at, value);
      passFrom(false);
      return true;
    },
    finish() {
      finished = true;
      const missing = order.filter((_, i) => !arrived.has(i));
      passFrom(true);
      return missing;
    },
  };
}
