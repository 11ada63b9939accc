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

/**
 * Cuts a list into pages whose first holds `first` items and the others
 * `size`: a first page that also carries a drawing and filters stays light,
 * and the rest stay few.
 */
export function paginateFirst<T>(items: readonly T[], first: number, size: number): ListPage<T>[] {
  const rest = Math.max(0, items.length - first);
  const last = 1 + Math.ceil(rest / size);
  return Array.from({ length: last }, (_, i) => ({
    items: i === 0 ? items.slice(0, first) : items.slice(first + (i - 1) * size, first + i * size),
    current: i + 1,
    last,
    total: items.length,
  }));
}
