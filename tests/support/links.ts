import { readFileSync } from "node:fs";
import path from "node:path";
import type { Element } from "hast";
import { elements, listFiles, parseHtml, prop, SITE_ORIGIN, urlOfFile } from "./site.ts";

/** A link that does not lead where it should. */
export interface LinkProblem {
  /** The page (file relative to the site root) that holds the link. */
  page: string;
  /** Element and attribute: `a[href]`. */
  where: string;
  url: string;
  problem: string;
}

/**
 * A built site in memory: every file by its path relative to the site root,
 * with its text for HTML pages (null for other files, whose content links do not need).
 */
export type SiteFiles = Readonly<Record<string, string | null>>;

/** The URL-bearing attributes checked, by element. */
const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ["href"],
  area: ["href"],
  link: ["href"],
  img: ["src", "srcSet"],
  source: ["src", "srcSet"],
  script: ["src"],
  iframe: ["src"],
  embed: ["src"],
  object: ["data"],
  video: ["src", "poster"],
  audio: ["src"],
  track: ["src"],
  form: ["action"],
  button: ["formAction"],
  input: ["formAction", "src"],
};

/** `<meta>` whose content is a URL of the site (Open Graph, Twitter cards). */
const URL_METAS = new Set(["og:url", "og:image", "twitter:image"]);

interface Parsed {
  ids: Set<string>;
  refs: { where: string; url: string; el: Element }[];
}

function parsePage(html: string): Parsed {
  const ids = new Set<string>();
  const refs: Parsed["refs"] = [];
  for (const el of elements(parseHtml(html))) {
    const id = prop(el, "id");
    if (id !== undefined) ids.add(id);
    if (el.tagName === "a" && prop(el, "name") !== undefined) ids.add(prop(el, "name") as string);
    for (const attr of URL_ATTRIBUTES[el.tagName] ?? []) {
      const value = prop(el, attr);
      if (value === undefined) continue;
      const name = attr.toLowerCase();
      const urls = name === "srcset" ? value.split(",").map((c) => c.trim().split(/\s+/)[0] ?? "") : [value];
      for (const url of urls) refs.push({ where: `${el.tagName}[${name}]`, url: url.trim(), el });
    }
    const metaKey = prop(el, "property") ?? prop(el, "name");
    if (el.tagName === "meta" && metaKey !== undefined && URL_METAS.has(metaKey)) {
      const content = prop(el, "content");
      if (content !== undefined) refs.push({ where: `meta[${metaKey}]`, url: content.trim(), el });
    }
  }
  return { ids, refs };
}

/** Where an internal URL path leads in the site: a file, or why it does not. */
export function resolvePath(
  pathname: string,
  files: SiteFiles,
): { file: string; problem?: undefined } | { file?: undefined; problem: string } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { problem: "the path is not valid percent-encoding" };
  }
  const rel = decoded.replace(/^\/+/, "");
  if (rel.split("/").includes("..")) return { problem: "the path climbs out of the site" };
  if (decoded.endsWith("/")) {
    const index = `${rel}index.html`;
    return index in files ? { file: index } : { problem: `no ${index} in the built site` };
  }
  if (rel in files) return { file: rel };
  if (`${rel}/index.html` in files) {
    return { problem: `a directory without its trailing slash (the site uses trailingSlash: "always")` };
  }
  return { problem: `no ${rel} in the built site` };
}

/** True when `rel` holds both noopener and noreferrer. */
export function hasSafeRel(rel: string | undefined): boolean {
  const tokens = new Set((rel ?? "").toLowerCase().split(/\s+/));
  return tokens.has("noopener") && tokens.has("noreferrer");
}

/**
 * Checks every link of every HTML page of a site: internal URLs lead to a
 * file (directory URLs to their index.html), `#fragments` to an id of the
 * target page, links to other sites carry rel="noopener noreferrer", and no
 * URL is `javascript:`. Absolute URLs on the site's own origin count as internal. A site served under a path
 * (`base`, `/sub/`) has its files there: an internal URL outside that path is broken.
 */
export function checkLinks(files: SiteFiles, origin = SITE_ORIGIN, base = "/"): LinkProblem[] {
  const parsed = new Map<string, Parsed>();
  const page = (file: string): Parsed | undefined => {
    const html = files[file];
    if (html === null || html === undefined || !file.endsWith(".html")) return undefined;
    let p = parsed.get(file);
    if (!p) {
      p = parsePage(html);
      parsed.set(file, p);
    }
    return p;
  };
  const problems: LinkProblem[] = [];
  for (const file of Object.keys(files).sort()) {
    const source = page(file);
    if (!source) continue;
    const pageUrl = new URL(`${base}${urlOfFile(file).slice(1)}`, origin);
    for (const { where, url: raw, el } of source.refs) {
      const report = (problem: string) => problems.push({ page: file, where, url: raw, problem });
      let url: URL;
      try {
        url = new URL(raw, pageUrl);
      } catch {
        report("not a valid URL");
        continue;
      }
      if (url.protocol === "javascript:") {
        report("a javascript: URL");
        continue;
      }
      if (url.protocol === "mailto:" || url.protocol === "tel:" || url.protocol === "data:") continue;
      if (url.protocol !== "http:" && url.protocol !== "https:") {
        report(`an unexpected ${url.protocol} URL`);
        continue;
      }
      if (url.origin !== origin) {
        if ((el.tagName === "a" || el.tagName === "area") && !hasSafeRel(prop(el, "rel"))) {
          report(`an external link without rel="noopener noreferrer" (rel="${prop(el, "rel") ?? ""}")`);
        }
        continue;
      }
      if (!url.pathname.startsWith(base)) {
        report(`outside the path the site is served under (${base})`);
        continue;
      }
      const target = resolvePath(`/${url.pathname.slice(base.length)}`, files);
      if (target.problem !== undefined) {
        report(target.problem);
        continue;
      }
      const fragment = url.hash.slice(1);
      if (fragment === "") continue;
      const targetPage = page(target.file);
      if (!targetPage) continue;
      let id: string;
      try {
        id = decodeURIComponent(fragment);
      } catch {
        report("the #fragment is not valid percent-encoding");
        continue;
      }
      if (!targetPage.ids.has(id)) report(`no element with id="${id}" in ${target.file}`);
    }
  }
  return problems;
}

/** The internal pages each page links or submits to (a[href], form[action]), for finding pages nothing links to. */
export function linkedPages(files: SiteFiles, origin = SITE_ORIGIN): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const file of Object.keys(files)) {
    const html = files[file];
    if (html === null || html === undefined || !file.endsWith(".html")) continue;
    const base = new URL(urlOfFile(file), origin);
    const targets = new Set<string>();
    for (const ref of parsePage(html).refs) {
      if (ref.where !== "a[href]" && ref.where !== "form[action]") continue;
      try {
        const url = new URL(ref.url, base);
        if (url.origin !== origin) continue;
        const target = resolvePath(url.pathname, files);
        if (target.file !== undefined && target.file !== file) targets.add(target.file);
      } catch {
        continue;
      }
    }
    out.set(file, targets);
  }
  return out;
}

/** Reads a built site into memory: HTML pages with their text, other files by name only. */
export function readSite(dir: string): SiteFiles {
  const files: Record<string, string | null> = {};
  for (const file of listFiles(dir)) {
    files[file] = file.endsWith(".html") ? readFileSync(path.join(dir, file), "utf8") : null;
  }
  return files;
}

/** Problems as readable lines for failure messages. */
export function formatLinkProblems(problems: readonly LinkProblem[], limit = 40): string {
  const lines = problems.slice(0, limit).map((p) => `  ${p.page}: ${p.where}="${p.url}": ${p.problem}`);
  if (problems.length > limit) lines.push(`  … and ${problems.length - limit} more`);
  return lines.join("\n");
}
