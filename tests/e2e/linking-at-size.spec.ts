import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { TabLinks } from '../../lib/protocol.ts';
import { brownJsonLines } from '../distractors/brown-pieces.ts';
import { contentWorld, PAINTED_TEXTS } from './content-world.ts';
import { expect, test } from './fixtures.ts';
import { writeFolder } from './import-files.ts';

// Linking at collection size (issue 9), end to end: 2,000 Brown corpus pieces beside the five
// default articles, imported through the library page, mined in the background, then the fixture
// pages read in real tabs.
const BASE = 'http://127.0.0.1:4173/';
const DISTRACTORS = 2000;
const ARTICLES = DISTRACTORS + 5;
const WUZHEN_SEED = 'China takes responsible approach in global cyberspace governance';
/** From a pasted article's success to its first highlight on a page already open. */
const NEW_ARTICLE_LINK_MS = 2000;

/** A new article on the recipe page's own dish (written for this test), to paste into the library. */
const DUMPLING_TITLE = 'Plum dumplings with potato dough and buttered breadcrumbs';
const DUMPLING_TEXT = [
  'Plum dumplings are a late-summer job in many Central European kitchens, and they ask for patience more than skill.',
  'The potato dough starts with floury potatoes, baked rather than boiled so the dough stays dry, pushed through a ricer and left to cool before the flour, egg and salt go in.',
  'Each small prune plum is slit open, stoned, and filled with a sugar cube and a pinch of cinnamon.',
  'A square of potato dough is wrapped around every plum and rolled into a ball between the palms.',
  'The plum dumplings then simmer in salted water until they float, and a few minutes longer.',
  'While they cook, breadcrumbs and a spoonful of semolina are toasted in plenty of butter until golden.',
  'Rolled in the buttered breadcrumbs and dusted with icing sugar, plum dumplings are best eaten warm.',
  'Apricots can stand in when prune plums are out of season, and raw plum dumplings freeze well on a tray.',
].join(' ');

/** Opens a fixture page in a new tab, brings it to the front and answers its tab id. */
async function openFixture(context: BrowserContext, serviceWorker: Worker, file: string): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(BASE + file);
  await page.bringToFront();
  const tabId = await serviceWorker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]!.id!, BASE + file);
  return { page, tabId };
}

/** What the background last published for a tab (set when the page's scan reported), or undefined. */
async function tabLinks(serviceWorker: Worker, tabId: number): Promise<TabLinks | undefined> {
  return (await serviceWorker.evaluate(async (id) => (await chrome.storage.session.get(`tab-links:${id}`))[`tab-links:${id}`], tabId)) as TabLinks | undefined;
}

/** Waits until the tab's scan has reported (the tab's links are published even when empty). */
async function scanFinished(serviceWorker: Worker, tabId: number, timeout = 15_000): Promise<void> {
  await expect.poll(async () => (await tabLinks(serviceWorker, tabId)) !== undefined, { timeout }).toBe(true);
}

/** Rows in the `links` table and in `articles` (read-only, straight from IndexedDB in the worker). */
function minedCounts(serviceWorker: Worker): Promise<{ links: number; articles: number }> {
  return serviceWorker.evaluate(
    () =>
      new Promise<{ links: number; articles: number }>((resolve, reject) => {
        const open = indexedDB.open('cairn');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['links', 'articles'], 'readonly');
          const links = tx.objectStore('links').count();
          const articles = tx.objectStore('articles').count();
          tx.oncomplete = () => {
            db.close();
            resolve({ links: links.result, articles: articles.result });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

async function paintedOn(page: Page): Promise<string[]> {
  const world = await contentWorld(page);
  try {
    return await world.evaluate<string[]>(PAINTED_TEXTS);
  } finally {
    await world.detach();
  }
}

test('with 2,000 distractor articles, related pages still link, unrelated ones stay quiet, and a new article links an open page quickly', async ({ context, serviceWorker, openPage }) => {
  test.setTimeout(180_000);
  const log = (line: string) => console.log(`[linking-at-size] ${line}`);

  // 1. Import the distractors through the library page.
  const folder = writeFolder({ 'brown/brown-2000.jsonl': brownJsonLines(DISTRACTORS) });
  const library = await openPage('library.html');
  await library.setViewportSize({ width: 1200, height: 900 });
  await expect(library.getByTestId('library-count')).toContainText('5');
  const importStart = Date.now();
  await test.step('import 2,000 articles', async () => {
    await library.getByTestId('library-folder-input').setInputFiles(folder);
    await expect(library.getByTestId('import-summary')).toBeVisible({ timeout: 90_000 });
    await expect(library.getByTestId('import-summary')).toContainText('(2,000 articles)');
    await expect(library.locator('[data-testid="import-report-row"][data-name="brown-2000.jsonl"]')).toHaveAttribute('data-outcome', 'imported');
  });
  const importEnd = Date.now();
  log(`import of ${DISTRACTORS} articles: ${importEnd - importStart} ms`);

  // 2. Mining ends when every article has its row of links (read-only probe: nothing added to the product).
  await test.step('linking mines every article', async () => {
    await expect
      .poll(async () => {
        const { links, articles } = await minedCounts(serviceWorker);
        return articles === ARTICLES && links === articles;
      }, { timeout: 90_000, intervals: [100] })
      .toBe(true);
  });
  const minedAt = Date.now();
  // The page's own count once stayed behind the database after a big import (fixed: it re-reads within 3 s).
  await expect(library.getByTestId('library-count'), 'the library page counts every article').toContainText('2,005');
  log(`mining: all ${ARTICLES} articles mined ${minedAt - importEnd} ms after the import report (${minedAt - importStart} ms after the import started)`);

  // 3. A related page: Wuzhen highlighted, the Wuzhen seed in the tab's related list.
  await test.step('related-wuzhen-news.html links to the Wuzhen seed', async () => {
    const { page, tabId } = await openFixture(context, serviceWorker, 'related-wuzhen-news.html');
    await scanFinished(serviceWorker, tabId);
    await expect.poll(() => paintedOn(page)).toContainEqual(expect.stringMatching(/^wuzhen$/i));
    const related = (await tabLinks(serviceWorker, tabId))!.related.map((a) => a.title);
    expect(related.some((title) => title.startsWith(WUZHEN_SEED)), related.join(' | ')).toBe(true);
    const popup = await openPage(`popup.html?tabId=${tabId}`);
    await expect(popup.getByTestId('related-item').filter({ hasText: WUZHEN_SEED })).not.toHaveCount(0);
    await popup.close();
    await page.close();
  });

  // 4. An unrelated page stays quiet among 2,005 articles.
  await test.step('unrelated-football.html links nothing', async () => {
    const { page, tabId } = await openFixture(context, serviceWorker, 'unrelated-football.html');
    await scanFinished(serviceWorker, tabId);
    const links = (await tabLinks(serviceWorker, tabId))!;
    const painted = await paintedOn(page);
    const evidence = JSON.stringify({ related: links.related, painted });
    // Soft, so that a false link here still lets step 5 run and report its timing.
    expect(links.related.map((a) => a.title), `related list: ${evidence}`).toEqual([]);
    expect(painted, `highlights: ${evidence}`).toEqual([]);
    expect(await serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), 'badge').toBe('');
    const popup = await openPage(`popup.html?tabId=${tabId}`);
    await expect(popup.getByTestId('related-empty'), 'popup says nothing is related').toBeVisible();
    await popup.close();
    await page.close();
  });

  // 5. The recipe page links nothing until an article on its dish arrives; then it lights up.
  await test.step('a pasted article on the recipe links the open recipe tab', async () => {
    const { page: recipe, tabId } = await openFixture(context, serviceWorker, 'unrelated-recipe.html');
    await scanFinished(serviceWorker, tabId);
    expect((await tabLinks(serviceWorker, tabId))!.related, 'recipe related list before').toEqual([]);
    expect(await paintedOn(recipe)).toEqual([]);
    const world = await contentWorld(recipe);

    await library.bringToFront();
    await library.getByTestId('paste-title').fill(DUMPLING_TITLE);
    await library.getByTestId('paste-text').fill(DUMPLING_TEXT);
    const clicked = Date.now();
    await library.getByTestId('paste-submit').click();
    await library.waitForFunction(() => /Added/.test(document.querySelector('[data-testid="paste-result"]')?.textContent ?? ''), null, { polling: 50, timeout: 10_000 });
    const added = Date.now();

    let firstPaint = 0;
    while (Date.now() - added < 10_000) {
      const painted = await world.evaluate<string[]>(PAINTED_TEXTS);
      if (painted.length > 0) {
        firstPaint = Date.now();
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const painted = await world.evaluate<string[]>(PAINTED_TEXTS);
    await world.detach();
    await expect(library.getByTestId('library-count'), 'the library page counts the pasted article').toContainText('2,006');
    const linkMs = firstPaint > 0 ? firstPaint - added : Infinity;
    log(`new article: first highlight on the open recipe tab ${linkMs} ms after the paste said Added (${firstPaint > 0 ? firstPaint - clicked : Infinity} ms after the click); painted: ${painted.join(', ')}`);

    expect(firstPaint, 'the recipe tab never showed a highlight within 10 s').toBeGreaterThan(0);
    expect(linkMs).toBeLessThan(NEW_ARTICLE_LINK_MS);
    const related = (await tabLinks(serviceWorker, tabId))!.related.map((a) => a.title);
    expect(related).toContain(DUMPLING_TITLE);
  });
});
