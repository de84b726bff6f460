import { readFileSync } from 'node:fs';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { contentWorld, PAINTED_TEXTS } from './content-world.ts';

const BASE = 'http://127.0.0.1:4173/';
const LONG_PAGE = `${BASE}long-page.html`;

/**
 * A page of about 1 MB of visible text: a news story related to the default collection, then a
 * long harbour log. Served by the test itself (`context.route`), so it needs no fixture file.
 */
function longPage(): string {
  const story = readFileSync(new URL('../fixtures/pages/related-wuzhen-news.html', import.meta.url), 'utf8');
  return story.replace('</body>', `<section>${harbourLog(1_000_000)}</section></body>`);
}

/**
 * About `size` characters of a harbour log: prose that relates to nothing in the default
 * collection.
 */
function harbourLog(size: number): string {
  const log: string[] = [];
  for (let n = 1, chars = 0; chars < size; n++) {
    const entry =
      `<p>Entry ${n} of the harbour log. The pilot boat left the north quay at dawn and met the grain carrier beyond the bar. ` +
      `Wind from the west, a moderate swell, and the tide turning an hour later than the tables said. The crew checked the ` +
      `moorings on berths ${n % 12} and ${(n + 5) % 12} and logged the depth at the lock gate before the afternoon shift.</p>`;
    log.push(entry);
    chars += entry.length;
  }
  return log.join('\n');
}

/**
 * A long page whose beginning relates to nothing: 400,000 characters of harbour log, then the
 * submarine-cables explainer's article, then more log.
 */
function storyDeepInLongPage(): string {
  const explainer = readFileSync(new URL('../fixtures/pages/related-submarine-cables-explainer.html', import.meta.url), 'utf8');
  const article = explainer.slice(explainer.indexOf('<article>'), explainer.indexOf('</article>') + '</article>'.length);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour log</title></head><body><main>` +
    `<section>${harbourLog(400_000)}</section><div id="story">${article}</div><section>${harbourLog(300_000)}</section></main></body></html>`;
}

/** Opens `url` in a new tab, brought to the front, and gives its tab id. */
async function visit(context: BrowserContext, serviceWorker: Worker, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(url);
  await page.bringToFront();
  const tabId = await serviceWorker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab!.id!;
  });
  return { page, tabId };
}

/** Waits until the background has what the tab's content script reported. */
async function reported(serviceWorker: Worker, tabId: number): Promise<void> {
  await expect
    .poll(() => serviceWorker.evaluate(async (id) => (await chrome.storage.session.get(`tab-links:${id}`))[`tab-links:${id}`] !== undefined, tabId))
    .toBe(true);
}

async function popupFor(openPage: (path: string) => Promise<Page>, tabId: number): Promise<Page> {
  const popup = await openPage(`popup.html?tabId=${tabId}`);
  await popup.setViewportSize({ width: 400, height: 600 });
  return popup;
}

/** Deletes every article through the library, as a user would. */
async function emptyCollection(openPage: (path: string) => Promise<Page>): Promise<void> {
  const library = await openPage('library.html');
  await expect(library.getByTestId('library-count')).toContainText('5');
  await library.getByTestId('select-all').check();
  await library.getByTestId('delete-selected').click();
  await expect(library.getByTestId('library-empty')).toBeVisible();
  await library.close();
}

test.describe('honest states', () => {
  test('a long page read only in part says so in the popup; a short one does not', async ({ context, serviceWorker, openPage }) => {
    const html = longPage();
    await context.route(LONG_PAGE, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    const long = await visit(context, serviceWorker, LONG_PAGE);
    await reported(serviceWorker, long.tabId);
    const short = await visit(context, serviceWorker, `${BASE}related-wuzhen-news.html`);
    await reported(serviceWorker, short.tabId);

    const popup = await popupFor(openPage, long.tabId);
    const shortPopup = await popupFor(openPage, short.tabId);

    expect(html.length).toBeGreaterThan(1_000_000);
    await expect(popup.getByTestId('read-in-part')).toHaveText('Cairn read the first part of this long page.');
    // What it read still relates: the story at the top of the page.
    await expect(popup.getByTestId('related-item').first()).toBeVisible();
    await popup.screenshot({ path: 'test-results/popup-read-in-part.png' });
    await expect(shortPopup.getByTestId('related-item').first()).toBeVisible();
    await expect(shortPopup.getByTestId('read-in-part')).toHaveCount(0);
  });

  test('on a long page, the part the reader scrolls to is read too: its phrases light up and the popup lists what it relates to', async ({ context, serviceWorker, openPage }) => {
    const url = `${BASE}long-story-deep.html`;
    const html = storyDeepInLongPage();
    await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    const { page, tabId } = await visit(context, serviceWorker, url);
    await reported(serviceWorker, tabId);
    const popup = await popupFor(openPage, tabId);
    await expect(popup.getByTestId('read-in-part')).toHaveText('Cairn read the first part of this long page.');
    await expect(popup.getByTestId('related-item')).toHaveCount(0);
    const world = await contentWorld(page);
    expect(await world.evaluate<string[]>(PAINTED_TEXTS)).toEqual([]);

    await page.bringToFront();
    await page.locator('#story h2').first().scrollIntoViewIfNeeded();

    await expect.poll(() => world.evaluate<string[]>(PAINTED_TEXTS), { timeout: 20_000 }).toEqual(expect.arrayContaining(['submarine cables']));
    await expect(popup.getByTestId('related-item').first()).toBeVisible();
    await expect(popup.getByTestId('read-in-part')).toHaveText('Cairn read the parts of this long page you scrolled to.');
    await expect.poll(() => serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toMatch(/^[1-9]/);
    await page.screenshot({ path: 'test-results/screens/long-page-part.png' });
    await world.detach();
  });

  test('on a browser or extension page the popup says Cairn does not run there, and cannot add it', async ({ context, serviceWorker, openPage, extensionId }) => {
    for (const url of ['chrome://version/', `chrome-extension://${extensionId}/settings.html`]) {
      const { tabId } = await visit(context, serviceWorker, url);

      const popup = await popupFor(openPage, tabId);

      await expect(popup.getByTestId('browser-page'), url).toContainText("Cairn doesn't run on browser pages");
      await expect(popup.getByText('once they have loaded')).toHaveCount(0);
      await expect(popup.getByTestId('related-empty')).toHaveCount(0);
      await expect(popup.getByTestId('import-page')).toBeDisabled();
      if (url.startsWith('chrome:')) await popup.screenshot({ path: 'test-results/popup-browser-page.png' });
      await popup.close();
    }
    // A web page in the same browser is still one.
    const web = await visit(context, serviceWorker, `${BASE}unrelated-recipe.html`);
    await reported(serviceWorker, web.tabId);
    const popup = await popupFor(openPage, web.tabId);
    await expect(popup.getByTestId('related-empty')).toBeVisible();
    await expect(popup.getByTestId('browser-page')).toHaveCount(0);
    await expect(popup.getByTestId('import-page')).toBeEnabled();
  });

  test('an empty collection gets one message with Import and Restore, and no spelling advice', async ({ context, serviceWorker, openPage }) => {
    await emptyCollection(openPage);
    const { tabId } = await visit(context, serviceWorker, `${BASE}related-wuzhen-news.html`);
    await reported(serviceWorker, tabId);

    const popup = await popupFor(openPage, tabId);

    const message = popup.getByTestId('empty-collection');
    await expect(message).toContainText('Your collection is empty.');
    await expect(popup.getByTestId('related-empty')).toHaveCount(0);
    await expect(popup.getByTestId('quiet-notice')).toHaveCount(0);
    await expect(popup.getByText('Nothing in your collection relates')).toHaveCount(0);
    // It is still a web page: its site can be switched.
    await expect(popup.getByTestId('site-toggle')).toBeEnabled();
    await popup.screenshot({ path: 'test-results/popup-empty-collection.png' });
    await popup.getByTestId('search-input').fill('wuzhen');
    await expect(message).toBeVisible();
    await expect(popup.getByText('Check the spelling')).toHaveCount(0);
    await expect(popup.getByTestId('empty-results')).toHaveCount(0);
    await popup.getByTestId('search-input').fill('');

    const [library] = await Promise.all([context.waitForEvent('page'), popup.getByTestId('empty-import').click()]);
    await library.waitForLoadState();
    expect(new URL(library.url()).hash).toBe('#import');
    await expect(library.getByTestId('library-file-input')).toBeFocused();
    await library.close();

    await popup.getByTestId('empty-restore').click();
    await expect(popup.getByTestId('collection-count')).toContainText('5 articles');
    await expect(popup.getByTestId('empty-collection')).toHaveCount(0);
  });

  test('one letter is told to keep typing, not to check the spelling', async ({ openPage }) => {
    const popup = await openPage('popup.html');

    await popup.getByTestId('search-input').fill('q');
    await expect(popup.getByTestId('empty-results')).toContainText('Keep typing');
    await expect(popup.getByText('Check the spelling')).toHaveCount(0);
    await popup.getByTestId('search-input').fill('qwxzv');
    await expect(popup.getByTestId('empty-results')).toContainText('Check the spelling');
  });
});
