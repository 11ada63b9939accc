import type { Element } from "hast";
import { elements, parseHtml, prop } from "./site.ts";

/** Something in a page that could run script or leak where it should not. */
export interface SecurityProblem {
  problem: string;
  /** A short description of the element: `img[onerror]`, `script[src=/x.js]`. */
  where: string;
}

/** Markup that embeds or runs something and is never produced from content. */
const FORBIDDEN_ELEMENTS = new Set(["iframe", "object", "embed", "frame", "frameset", "base", "applet"]);

/** Strips what browsers ignore in a URL's scheme (whitespace and control characters). */
function schemeOf(value: string): string {
  // eslint-disable-next-line no-control-regex
  const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
  const match = /^([a-z][a-z0-9+.-]*):/.exec(compact);
  return match ? (match[1] as string) : "";
}

/** Lowercase HTML attribute names of a hast element (`onMouseOver` → `onmouseover`). */
function attributeNames(el: Element): string[] {
  return Object.keys(el.properties).map((k) => k.toLowerCase());
}

export interface UnsafeMarkupOptions {
  /** Scripts this page may load (the search page's module); any other <script> is a problem. */
  allowScript?: (script: Element) => boolean;
}

/**
 * Finds markup that could run script: <script> elements (unless allowed),
 * event-handler attributes (on*=), javascript:/vbscript:/data:text/html URLs in
 * any attribute, embedding elements (iframe, object, embed, base), and
 * <meta http-equiv="refresh">.
 */
export function findUnsafeMarkup(html: string, options: UnsafeMarkupOptions = {}): SecurityProblem[] {
  const problems: SecurityProblem[] = [];
  for (const el of elements(parseHtml(html))) {
    const tag = el.tagName;
    if (tag === "script" && !isDataBlock(el) && !(options.allowScript?.(el) ?? false)) {
      const src = prop(el, "src");
      problems.push({
        problem: src ? "a script that is not allowed on this page" : "an inline script",
        where: src ? `script[src=${src}]` : "script",
      });
    }
    if (FORBIDDEN_ELEMENTS.has(tag)) problems.push({ problem: `an <${tag}> element`, where: tag });
    if (tag === "meta" && prop(el, "httpEquiv")?.toLowerCase() === "refresh") {
      problems.push({ problem: "a meta refresh", where: "meta[http-equiv=refresh]" });
    }
    for (const name of attributeNames(el)) {
      if (name.startsWith("on")) problems.push({ problem: "an event-handler attribute", where: `${tag}[${name}]` });
    }
    for (const [key, value] of Object.entries(el.properties)) {
      const text = Array.isArray(value) ? value.join(" ") : typeof value === "string" ? value : "";
      const scheme = schemeOf(text);
      const dataHtml = scheme === "data" && /^data:\s*text\/html/i.test(text.trim());
      if (scheme === "javascript" || scheme === "vbscript" || dataHtml) {
        problems.push({ problem: `a ${scheme}: URL`, where: `${tag}[${key.toLowerCase()}=${text.slice(0, 60)}]` });
      }
    }
  }
  return problems;
}

/**
 * A JSON-LD data block (<script type="application/ld+json">): browsers never run it and CSP does not
 * govern it, so it is data, not script. Its JSON escapes `<`, so no text can close the element.
 */
export function isDataBlock(el: Element): boolean {
  return el.tagName === "script" && prop(el, "type") === "application/ld+json" && prop(el, "src") === undefined;
}

/** Every <script> of a page that can run (data blocks left out): its src (or null when inline) and type. */
export function scriptsOf(html: string): { src: string | null; type: string | null }[] {
  return elements(parseHtml(html))
    .filter((el) => el.tagName === "script" && !isDataBlock(el))
    .map((el) => ({ src: prop(el, "src") ?? null, type: prop(el, "type") ?? null }));
}

/** The page's Content-Security-Policy from its <meta http-equiv>, as directive → sources; null when absent. */
export function cspOf(html: string): Map<string, string[]> | null {
  const meta = elements(parseHtml(html)).find(
    (el) => el.tagName === "meta" && prop(el, "httpEquiv")?.toLowerCase() === "content-security-policy",
  );
  const content = meta ? prop(meta, "content") : undefined;
  if (content === undefined) return null;
  const directives = new Map<string, string[]>();
  for (const part of content.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * What is wrong with a page's CSP: it must exist, fall back to default-src
 * 'none', allow no inline or eval'd script ('unsafe-inline', 'unsafe-eval',
 * wildcards), and allow 'wasm-unsafe-eval' for Pagefind's WebAssembly.
 */
export function cspProblems(html: string): string[] {
  const csp = cspOf(html);
  if (!csp) return ["no <meta http-equiv=content-security-policy>"];
  const problems: string[] = [];
  const defaults = csp.get("default-src");
  if (!defaults || defaults.join(" ") !== "'none'")
    problems.push(`default-src is "${defaults?.join(" ")}", not 'none'`);
  const script = csp.get("script-src") ?? defaults ?? [];
  if (!csp.has("script-src")) problems.push("no script-src directive");
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"]) {
    if (script.includes(bad)) problems.push(`script-src allows ${bad}`);
  }
  if (!script.includes("'wasm-unsafe-eval'")) problems.push("script-src lacks 'wasm-unsafe-eval' (Pagefind needs it)");
  const objects = csp.get("object-src") ?? defaults ?? [];
  if (!objects.includes("'none'")) problems.push("object-src is not 'none'");
  const base = csp.get("base-uri");
  if (!base || base.some((s) => s !== "'self'" && s !== "'none'")) problems.push("base-uri is not restricted");
  return problems;
}
