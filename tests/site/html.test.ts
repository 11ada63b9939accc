import { beforeAll, describe, expect, it } from "vitest";
import { formatHtmlProblems, validateSite, type HtmlProblem } from "../support/html.ts";
import { DIST, htmlFiles } from "../support/site.ts";

/** Every built page through html-validate (recommended preset) and the two checks it lacks. */

let pages = 0;
let problems: HtmlProblem[] = [];
beforeAll(async () => {
  ({ pages, problems } = await validateSite(DIST));
});

function expectNone(rules: (rule: string) => boolean, what: string) {
  const found = problems.filter((p) => rules(p.rule));
  expect(found.length, `${what}: ${found.length} problems:\n${formatHtmlProblems(found)}\n`).toBe(0);
}

describe("the HTML of every built page", () => {
  it("covers every page of dist/", () => {
    expect(pages).toBe(htmlFiles(DIST).length);
    expect(pages).toBeGreaterThan(10);
  });

  it("html-validate finds no errors", () => {
    expectNone((rule) => rule !== "content-after-html" && rule !== "text-runs-into-link", "html-validate");
  });

  it("nothing follows </html>", () => {
    expectNone((rule) => rule === "content-after-html", "markup after </html>");
  });

  it("no word runs into a link (whitespace lost between text and <a>)", () => {
    expectNone((rule) => rule === "text-runs-into-link", "text running into links");
  });
});
