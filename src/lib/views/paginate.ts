/** One page of a list cut into pages of `size` (pages count from 1). */
export interface ListPage<T> {
  items: T[];
  current: number;
  last: number;
  total: number;
}

/** Cuts a list into pages; an empty list still has one (empty) page. */
export function paginateList<T>(items: readonly T[], size: number): ListPage<T>[] {
  const last = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: last }, (_, i) => ({
    items: items.slice(i * size, (i + 1) * size),
    current: i + 1,
    last,
    total: items.length,
  }));
}
