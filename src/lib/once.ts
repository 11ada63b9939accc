/**
 * A per-build value: made at the first call, then shared. A failure is not
 * kept, so under astro dev the next request (after the editor's fix) makes it again.
 */
export function once<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () =>
    (value ??= make().catch((error: unknown) => {
      value = undefined;
      throw error;
    }));
}

/** once(), one value per site address: the open data names the site in every row's links. */
export function oncePerSite<T>(make: (site: URL) => Promise<T>): (site: URL) => Promise<T> {
  const values = new Map<string, () => Promise<T>>();
  return (site) => {
    let get = values.get(site.href);
    if (!get) values.set(site.href, (get = once(() => make(site))));
    return get();
  };
}
