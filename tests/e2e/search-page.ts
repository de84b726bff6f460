import type { Page } from '@playwright/test';

/**
 * Types a query into the page's search box (popup or side panel) and returns the result titles
 * once the answer to this very query is shown: the list is marked busy from the keystroke until
 * then, and a count or a "no articles match" line appears.
 */
export async function searchFor(page: Page, query: string): Promise<string[]> {
  await page.getByTestId('search-input').fill(query);
  await page.waitForFunction(() => {
    const settled = document.querySelector('[aria-busy="true"]') === null;
    const answered = document.querySelector('[data-testid="result-count"], [data-testid="empty-results"]') !== null;
    return settled && answered;
  });
  return page.getByTestId('result-title').allInnerTexts();
}
