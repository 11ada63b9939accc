import { describe, expect, it } from "vitest";
import { formatHtmlProblems, validateSite } from "../support/html.ts";
import { DIST, htmlFiles } from "../support/site.ts";

describe("html-validate over every built page", () => {
  it("finds no errors in any page of dist/", async () => {
    const { pages, problems } = await validateSite(DIST);
    expect(pages).toBe(htmlFiles(DIST).length);
    expect(pages).toBeGreaterThan(10);
    expect(problems.length, `html-validate found ${problems.length} problems:\n${formatHtmlProblems(problems)}\n`).toBe(
      0,
    );
  });
});
