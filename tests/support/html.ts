import { readFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate, type ConfigData } from "html-validate";
import type { Element, Nodes } from "hast";
import { eachElement, htmlFiles, parseHtml, textOf } from "./site.ts";

/**
 * html-validate's recommended preset, minus the rules that fight output the
 * site produces on purpose. Each exception says why; everything else is an error.
 */
export const HTML_VALIDATE_CONFIG: ConfigData = {
  root: true,
  extends: ["html-validate:recommended"],
  rules: {
    // Page titles are "<proposal or article headline> · Guarantee Tracker"; headlines are
    // editorial content written in content/, so their length is not a markup property.
    "long-title": "off",
    // A checkbox group (search facets: `status=proposed&status=agreed`) shares one name:
    // that is how HTML forms submit a multi-valued GET parameter.
    "form-dup-name": ["error", { shared: ["radio", "checkbox", "button", "reset", "submit"] }],
  },
};

/** One problem html-validate found. */
export interface HtmlProblem {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  selector: string | null;
}

let validator: HtmlValidate | undefined;

/**
 * Markup after `</html>` is a parse error the browser repairs by moving it into
 * <body>; html-validate and parse5 both accept it silently, so it is checked here.
 */
export function contentAfterHtmlEnd(html: string, file = "inline.html"): HtmlProblem[] {
  const end = html.search(/<\/html\s*>\s*$/i) >= 0 ? -1 : html.toLowerCase().lastIndexOf("</html>");
  if (end < 0) return [];
  const before = html.slice(0, end);
  const trailing = html.slice(end + "</html>".length).trim();
  return [
    {
      file,
      line: before.split("\n").length,
      column: end - before.lastIndexOf("\n"),
      rule: "content-after-html",
      message: `markup after </html>: ${trailing.slice(0, 120)}`,
      selector: null,
    },
  ];
}

/**
 * Words that run into a link because the whitespace between them was lost
 * ("see<a>the comparison</a>" reads "seethe comparison"): Astro drops a line
 * break between text and an element unless it is written as `{" "}`.
 */
export function textRunsIntoLinks(html: string, file = "inline.html"): HtmlProblem[] {
  const problems: HtmlProblem[] = [];
  const report = (a: Element, before: string, after: string) =>
    problems.push({
      file,
      line: a.position?.start.line ?? 0,
      column: a.position?.start.column ?? 0,
      rule: "text-runs-into-link",
      message: `no space between text and link: "…${before}${after}…"`,
      selector: null,
    });
  eachElement(parseHtml(html), (parent) => {
    const kids = parent.children as Nodes[];
    kids.forEach((node, i) => {
      if (node.type !== "element" || node.tagName !== "a") return;
      const prev = kids[i - 1];
      const next = kids[i + 1];
      const inner = textOf(node);
      if (prev?.type === "text" && /[\p{L}\p{N}·,;:]$/u.test(prev.value) && /^[\p{L}\p{N}]/u.test(inner)) {
        report(node, prev.value.slice(-15), `[${inner.slice(0, 15)}]`);
      }
      if (next?.type === "text" && /^[\p{L}\p{N}]/u.test(next.value) && /[\p{L}\p{N}]$/u.test(inner)) {
        report(node, `[${inner.slice(-15)}]`, next.value.slice(0, 15));
      }
    });
  });
  return problems;
}

/** Validates one HTML document; `file` names it in the problems. */
export async function validateHtml(html: string, file = "inline.html"): Promise<HtmlProblem[]> {
  validator ??= new HtmlValidate(HTML_VALIDATE_CONFIG);
  const report = await validator.validateString(html, file);
  return [
    ...contentAfterHtmlEnd(html, file),
    ...textRunsIntoLinks(html, file),
    ...report.results.flatMap((result) =>
      result.messages
        .filter((m) => m.severity === 2)
        .map((m) => ({
          file: result.filePath,
          line: m.line,
          column: m.column,
          rule: m.ruleId,
          message: m.message,
          selector: m.selector,
        })),
    ),
  ];
}

/** Validates every HTML page of a built site. */
export async function validateSite(dir: string): Promise<{ pages: number; problems: HtmlProblem[] }> {
  const files = htmlFiles(dir);
  const problems: HtmlProblem[] = [];
  for (const file of files) problems.push(...(await validateHtml(readFileSync(path.join(dir, file), "utf8"), file)));
  return { pages: files.length, problems };
}

/** Problems as readable lines, grouped by rule, for failure messages. */
export function formatHtmlProblems(problems: readonly HtmlProblem[], perRule = 5): string {
  const byRule = new Map<string, HtmlProblem[]>();
  for (const p of problems) byRule.set(p.rule, [...(byRule.get(p.rule) ?? []), p]);
  return [...byRule]
    .map(([rule, list]) => {
      const shown = list
        .slice(0, perRule)
        .map((p) => `    ${p.file}:${p.line}:${p.column} ${p.message}${p.selector ? ` (${p.selector})` : ""}`);
      const more = list.length > perRule ? [`    … and ${list.length - perRule} more`] : [];
      const ours = rule === "content-after-html" || rule === "text-runs-into-link";
      const doc = ours ? "" : `: https://html-validate.org/rules/${rule}.html`;
      return [`  ${rule} (${list.length})${doc}`, ...shown, ...more].join("\n");
    })
    .join("\n");
}
