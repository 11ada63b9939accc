import type { Page } from "playwright-core";
import { expect } from "vitest";

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
  await status.filter({ hasText: /\d+ results?|No results/ }).waitFor();
  const total = Number(/(\d+) results?/.exec(await status.innerText())?.[1] ?? 0);
  const shown = Math.min(total, RESULTS_PER_PAGE);
  await expect.poll(() => page.locator("#search-results .result").count(), { timeout: 10_000 }).toBe(shown);
  return total;
}
