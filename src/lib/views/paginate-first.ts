/**
 * The timeline's pagination: a first page lighter than the others (it also
 * carries the drawing and the filters), which Astro's paginate() cannot cut;
 * every other paginated route uses paginate().
 */

/** One page of a list cut by paginateFirst (pages count from 1). */
export interface ListPage<T> {
  items: T[];
  current: number;
  last: number;
  total: number;
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
