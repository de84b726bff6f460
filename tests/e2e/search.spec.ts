import type { Page, Worker } from '@playwright/test';
import { expect, sendToBackground, stopServiceWorker, test } from './fixtures.ts';
import { searchFor } from './search-page.ts';

const INFRASTRUCTURE = 'China Vows to Enhance Global Communication and Cooperation in Information Infrastructure';
const GOVERNANCE = 'China takes responsible approach in global cyberspace governance';
const PROSPERITY = 'China pushes forward the agenda of technological prosperity';
const UNITY = 'Chinese President’s Call for Unity: Tackling AI Challenges and Cyber Development Together';

/**
 * Whether the row `key` of `store` names the collection's current revision in its `field` (read
 * from an extension page): the search index's stamp, or the revision linking last took in.
 */
function isCurrent(page: Page, row: { store: string; key: string; field: string }): Promise<boolean> {
  return page.evaluate(({ store, key, field }) => new Promise<boolean>((resolve) => {
    const request = indexedDB.open('cairn');
    request.onerror = () => resolve(false);
    request.onsuccess = () => {
      const db = request.result;
      const done = (value: boolean) => {
        db.close();
        resolve(value);
      };
      try {
        const tx = db.transaction([...new Set([store, 'meta'])], 'readonly');
        const stamp = tx.objectStore(store).get(key);
        const revision = tx.objectStore('meta').get('revision');
        tx.oncomplete = () => done(!!stamp.result && stamp.result[field] === (revision.result?.value ?? 0));
        tx.onerror = () => done(false);
      } catch {
        done(false);
      }
    };
  }), row);
}

const indexIsCurrent = (page: Page) => isCurrent(page, { store: 'termIndex', key: 'stamp', field: 'revision' });
const linkingIsCurrent = (page: Page) => isCurrent(page, { store: 'meta', key: 'linkedRevision', field: 'value' });

/**
 * Counts, from now on, the running service worker's fetches of linking's word table. (Resource
 * timing lists no chrome-extension: fetches in the worker, so its `fetch` is wrapped instead.)
 */
async function countWordTableFetches(serviceWorker: Worker): Promise<() => Promise<number>> {
  await serviceWorker.evaluate(() => {
    const scope = globalThis as typeof globalThis & { wordTableFetches?: number };
    const original = scope.fetch;
    scope.wordTableFetches = 0;
    scope.fetch = (input, init) => {
      if (String(input instanceof Request ? input.url : input).endsWith('/linking/word-vectors.bin')) scope.wordTableFetches! += 1;
      return original(input, init);
    };
  });
  return () => serviceWorker.evaluate(() => (globalThis as typeof globalThis & { wordTableFetches?: number }).wordTableFetches ?? -1);
}

async function openPopup(openPage: (path: string) => Promise<Page>): Promise<Page> {
  const page = await openPage('popup.html');
  await page.setViewportSize({ width: 400, height: 560 });
  return page;
}

test.describe('popup search', () => {
  test('opens with the search box focused and the collection listed', async ({ openPage }) => {
    const popup = await openPopup(openPage);

    await expect(popup.getByTestId('search-input')).toBeFocused();
    await expect(popup.getByTestId('collection-count')).toContainText('5 articles');
  });

  test('"Wuzhen" lists both Wuzhen articles', async ({ openPage }) => {
    const popup = await openPopup(openPage);

    const titles = await searchFor(popup, 'Wuzhen');

    expect(titles.sort()).toEqual([PROSPERITY, GOVERNANCE].sort());
    await expect(popup.getByTestId('result-snippet').first().locator('mark').first()).toHaveText(/wuzhen/i);
    await popup.screenshot({ path: 'test-results/popup-wuzhen.png' });
  });

  test('"submarine cables" ranks the information-infrastructure article first', async ({ openPage }) => {
    const popup = await openPopup(openPage);

    const titles = await searchFor(popup, 'submarine cables');

    expect(titles[0]).toBe(INFRASTRUCTURE);
  });

  test('"cyberspace governance" finds the governance articles', async ({ openPage }) => {
    const popup = await openPopup(openPage);

    const titles = await searchFor(popup, 'cyberspace governance');

    expect(titles).toContain(GOVERNANCE);
    expect(titles).toContain(UNITY);
  });

  test('a search with no match says so plainly', async ({ openPage }) => {
    const popup = await openPopup(openPage);

    await searchFor(popup, 'zzyzx');

    await expect(popup.getByTestId('empty-results')).toContainText('No articles match');
    await popup.screenshot({ path: 'test-results/popup-no-results.png' });
  });

  test('keyboard: Down, Down, Up and Enter open the second result', async ({ context, openPage }) => {
    const popup = await openPopup(openPage);
    const titles = await searchFor(popup, 'cooperation');
    expect(titles.length).toBeGreaterThan(2);
    const input = popup.getByTestId('search-input');

    await input.press('ArrowDown');
    await input.press('ArrowDown');
    await input.press('ArrowUp');
    const [reader] = await Promise.all([context.waitForEvent('page'), input.press('Enter')]);

    await expect(reader.getByTestId('reader-title')).toHaveText(titles[1]!);
  });

  test('the reader shows the whole article, clean, with the searched words marked', async ({ context, openPage }) => {
    const popup = await openPopup(openPage);
    await searchFor(popup, 'submarine cables');

    const [reader] = await Promise.all([context.waitForEvent('page'), popup.getByTestId('result-item').first().click()]);

    await expect(reader.getByTestId('reader-title')).toHaveText(INFRASTRUCTURE);
    const body = reader.getByTestId('reader-body');
    await expect(body).toContainText('has announced its commitment to enhancing global communication');
    await expect(body).toContainText('This includes the construction of submarine cables');
    await expect(body).toContainText('thus reflects its broader strategy to extend its influence in these vital sectors.');
    await expect(body).not.toContainText('Read More');
    await expect(body).not.toContainText('Also Read');
    await expect(reader.getByTestId('reader-meta')).toContainText('2023');
    await expect(reader.locator('mark', { hasText: /submarine/i }).first()).toBeVisible();
    await expect(reader).toHaveTitle(INFRASTRUCTURE);
    await reader.setViewportSize({ width: 1000, height: 900 });
    await reader.screenshot({ path: 'test-results/reader.png', fullPage: true });
  });
});

test.describe('service worker restarts', () => {
  test('search still works after the worker is stopped, from the saved index', async ({ context, openPage, extensionId }) => {
    const popup = await openPopup(openPage);
    expect(await searchFor(popup, 'Wuzhen')).toHaveLength(2);
    // Let the snapshot of the freshly built index be written before the worker goes away.
    await expect.poll(() => indexIsCurrent(popup), { timeout: 15_000 }).toBe(true);

    await stopServiceWorker(context, popup, extensionId);
    const again = await openPopup(openPage);
    const titles = await searchFor(again, 'submarine cables');

    expect(titles[0]).toBe(INFRASTRUCTURE);
    const status = await sendToBackground(again, { type: 'indexStatus', data: {} });
    expect(status).toMatchObject({ ok: true, value: { how: 'restored', documentCount: 5 } });
  });

  test('a woken worker searches without fetching the word table, and fetches it to link a page', async ({ context, serviceWorker, openPage, extensionId }) => {
    const popup = await openPopup(openPage);
    expect(await searchFor(popup, 'Wuzhen')).toHaveLength(2);
    await expect.poll(() => indexIsCurrent(popup), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => linkingIsCurrent(popup), { timeout: 15_000 }).toBe(true);

    await stopServiceWorker(context, popup, extensionId);
    const again = await openPopup(openPage);
    const titles = await searchFor(again, 'submarine cables');
    await again.waitForTimeout(500);
    // Linking loads the table once per worker: had the wake loaded it, ranking the page below would not fetch it.
    const fetches = await countWordTableFetches(serviceWorker);
    const page = await context.newPage();
    await page.goto('http://127.0.0.1:4173/related-wuzhen-news.html');
    await page.bringToFront();
    const tabId = await serviceWorker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
    const key = `tab-links:${tabId}`;
    await expect.poll(() => serviceWorker.evaluate(async (k) => (await chrome.storage.session.get(k))[k] !== undefined, key), { timeout: 15_000 }).toBe(true);

    expect(titles[0]).toBe(INFRASTRUCTURE);
    expect(await fetches()).toBe(1);
    expect(await serviceWorker.evaluate(async (k) => ((await chrome.storage.session.get(k))[k] as { related: unknown[] }).related.length, key)).toBeGreaterThan(0);
  });
});
