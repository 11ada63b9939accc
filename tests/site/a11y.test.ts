import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.ts";
import { loadModel, pageTypes } from "../support/model.ts";
import { serveStatic } from "../support/server.ts";
import { DIST } from "../support/site.ts";

/**
 * axe-core on one page of every type, in light and dark colour schemes: no
 * violations of any rule axe runs by default (WCAG 2.x A/AA and best practices).
 */

const TYPES = pageTypes(loadModel("content"));

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Violations as readable lines: rule, impact, help, and the first few targets. */
function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => {
      const targets = v.nodes
        .slice(0, 5)
        .map(
          (n) =>
            `      ${JSON.stringify(n.target)}${n.failureSummary ? `: ${n.failureSummary.split("\n")[1]?.trim()}` : ""}`,
        );
      const more = v.nodes.length > 5 ? [`      … and ${v.nodes.length - 5} more`] : [];
      return [`    ${v.id} (${v.impact ?? "?"}, ${v.nodes.length}): ${v.help} ${v.helpUrl}`, ...targets, ...more].join(
        "\n",
      );
    })
    .join("\n");
}

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), serveStatic(DIST)]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

for (const colorScheme of ["light", "dark"] as const) {
  describe(`axe, ${colorScheme} mode`, () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await browser.newContext({ colorScheme });
      page = await context.newPage();
    });
    afterAll(async () => {
      await context?.close();
    });

    it.each(TYPES)("$name ($url) has no violations", async ({ url }) => {
      await page.goto(`${server.url}${url}`);
      if (url.startsWith("/search/")) {
        // Results are part of the page under test: wait until they are shown.
        await page.locator("#search-results .result").first().waitFor();
      }
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(
        violations.map((v) => v.id),
        `${colorScheme} ${url}:\n${describeViolations(violations)}\n`,
      ).toEqual([]);
    });
  });
}
