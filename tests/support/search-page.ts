import type { Page } from "playwright-core";
import { expect } from "vitest";
import { looserQuery } from "../../src/lib/search/params.ts";

/** Results the search page renders at once before its "More results" button (PAGE in src/scripts/search.ts). */
export const RESULTS_PER_PAGE = 10;

/**
 * Waits until the search page has finished a search — for `q` when given —
 * and rendered its first page of results; returns the total the status line
 * announces. The status is set before the results are appended, so both are awaited.
 */
export async function settledSearch(page: Page, q?: string): Promise<number> {
  const status = page.locator("#search-status");
  if (q !== undefined) await status.filter({ hasText: q }).waitFor();
  await status.filter({ hasText: /\d+ results?|No results|No exact match/ }).waitFor();
  const total = Number(/(\d+) results?/.exec(await status.innerText())?.[1] ?? 0);
  const shown = Math.min(total, RESULTS_PER_PAGE);
  await expect.poll(() => page.locator("#search-results .result").count(), { timeout: 10_000 }).toBe(shown);
  return total;
}

/**
 * Searches for `q` through the page's own form, as a reader pressing Enter
 * would, and returns the addresses of the first page of results in order.
 * The box is set without input events, so the typing pause cannot race the Enter key.
 */
export async function searchThroughForm(page: Page, q: string): Promise<string[]> {
  await page.locator("#search-q").evaluate((box, value) => ((box as HTMLInputElement).value = value), q);
  await page.locator("#search-q").press("Enter");
  // The status names the query, or the prefixes the page retried with when nothing matched.
  const said = [q, looserQuery(q)].flatMap((s) => (s === null ? [] : [`“${s}”`]));
  const escaped = said.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  await page
    .locator("#search-status")
    .filter({ hasText: new RegExp(escaped.join("|")) })
    .waitFor();
  await settledSearch(page);
  return page
    .locator("#search-results .result-title a")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
}

/** Records every layout shift of the page from its first paint; read them with `layoutShifts`. */
export async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: { value: number; input: boolean; nodes: string[] }[] = [];
    (window as unknown as { layoutShifts: typeof shifts }).layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources?: { node?: Node | null }[];
      })[]) {
        const nodes = (entry.sources ?? []).map((s) =>
          s.node instanceof Element
            ? `${s.node.tagName.toLowerCase()}${s.node.id ? `#${s.node.id}` : ""}.${s.node.className}`
            : String(s.node?.nodeName),
        );
        shifts.push({ value: entry.value, input: entry.hadRecentInput, nodes });
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

/** The layout shifts recorded so far that no input caused: what Cumulative Layout Shift counts. */
export async function layoutShifts(page: Page): Promise<{ value: number; nodes: string[] }[]> {
  const shifts = (await page.evaluate("window.layoutShifts")) as { value: number; input: boolean; nodes: string[] }[];
  return shifts.filter((s) => !s.input);
}
