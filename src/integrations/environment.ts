/** The address a site is built for when GT_SITE is not set. */
export const DEFAULT_SITE = "https://guarantee-tracker.example";

/** What a build reads from its environment, checked: the public address, the path it is served under. */
export interface BuildEnvironment {
  /** The public address, ending in `/` (`https://example.org/sub/`). */
  site: string;
  /** The path the site is served under, Astro's `base`: `/`, or `/sub` for `https://example.org/sub/`. */
  base: string;
}

/** Thrown when a variable is set to something a build cannot use; the message names the variable. */
export class EnvironmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvironmentError";
  }
}

/**
 * Reads and checks GT_SITE and SOURCE_DATE_EPOCH. GT_SITE must be an absolute http(s) address without user,
 * query or fragment; a path (`https://example.org/sub/`, a project page on a static host) becomes the base every
 * internal link, asset, feed, citation and data file is under. SOURCE_DATE_EPOCH, when set, must be a
 * non-negative whole number of seconds. An empty variable is an unset one.
 */
export function buildEnvironment(env: NodeJS.ProcessEnv): BuildEnvironment {
  const raw = env.GT_SITE || DEFAULT_SITE;
  const wrong = (why: string) =>
    new EnvironmentError(
      `GT_SITE must be the site's public address, such as https://example.org/ or https://example.org/sub/ (${why}); it is ${JSON.stringify(raw)}`,
    );
  if (!/^https?:\/\/[^/\s]/i.test(raw)) throw wrong("an absolute http:// or https:// URL");
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw wrong("a well-formed URL");
  }
  if (url.username !== "" || url.password !== "") throw wrong("without a user name or password");
  if (url.search !== "" || url.hash !== "") throw wrong("without a query string or fragment");
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== "" && !/^\d{1,12}$/.test(epoch)) {
    throw new EnvironmentError(
      `SOURCE_DATE_EPOCH must be a non-negative whole number of seconds since 1970 (as \`git log -1 --format=%ct\` prints); it is ${JSON.stringify(epoch)}`,
    );
  }
  const path = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return { site: new URL(path, url.origin).href, base: path === "/" ? "/" : path.replace(/\/$/, "") };
}
