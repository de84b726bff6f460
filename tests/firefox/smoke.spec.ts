import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { codeWord, newsArticle, writeFolder } from '../e2e/import-files.ts';
import { cairnInFirefox } from './cairn-in-firefox.ts';
import { launchFirefox, type FirefoxWithCairn } from './launch-firefox.ts';

// The built Firefox add-on in Debian's firefox-esr, headless: one browser for the file, driven
// over WebDriver BiDi (see launch-firefox.ts). Playwright only runs the tests and serves the
// fixture pages; it does not drive this browser.
const BASE = 'http://127.0.0.1:4173/';
const GOVERNANCE = 'China takes responsible approach in global cyberspace governance';
const PROSPERITY = 'China pushes forward the agenda of technological prosperity';
const ESCAPE = '\uE00C'; // WebDriver's key value for Escape.

test.describe.configure({ mode: 'serial' });

let firefox: FirefoxWithCairn;
let cairn: ReturnType<typeof cairnInFirefox>;
let probe: string; // An extension page to ask the browser from.

test.beforeAll(async () => {
  firefox = await launchFirefox();
  cairn = cairnInFirefox(firefox.bidi, firefox.extensionOrigin);
  probe = await cairn.openExtensionPage('popup.html');
});

test.afterAll(async () => {
  await firefox?.close();
});

/** Opens a fixture page and waits for the background's report on it (the scan has ended). */
async function visit(file: string): Promise<{ page: string; tabId: number; badge: string }> {
  const page = await cairn.openTab(BASE + file);
  let tabId: number | null = null;
  await expect.poll(async () => (tabId = await cairn.tabIdOf(probe, BASE + file))).not.toBeNull();
  let report: { badge: string } | null = null;
  await expect.poll(async () => (report = await cairn.report(probe, tabId!)), { timeout: 30_000 }).not.toBeNull();
  return { page, tabId: tabId!, badge: report!.badge };
}

test('a related page gets highlights over its phrases, a badge and a related list, and the page sees none of it', async () => {
  const { page, tabId, badge } = await visit('related-wuzhen-news.html');

  expect(Number(badge)).toBeGreaterThan(0);
  await expect.poll(async () => (await cairn.painted(page)).boxes).toBeGreaterThan(0);
  const { words } = await cairn.painted(page);
  expect(words.map((word) => word.toLowerCase())).toContain('wuzhen');
  expect(await cairn.pageView(page)).toEqual({ shadowRoots: 0, highlights: 0 });

  const popup = await cairn.openExtensionPage(`popup.html?tabId=${tabId}`);
  await expect.poll(() => cairn.read<number>(popup, `() => document.querySelectorAll('[data-testid="related-item"]').length`)).toBe(Number(badge));
});

test('resting the pointer on a highlight opens the card with the related articles; Escape closes it', async () => {
  const page = await cairn.openTab(BASE + 'related-wuzhen-news.html');
  await firefox.bidi.send('browsingContext.activate', { context: page });

  let point: { x: number; y: number } | null = null;
  await expect.poll(async () => (point = await cairn.paintedWordAt(page, 'Wuzhen'))).not.toBeNull();
  await cairn.pointTo(page, point!);
  await expect.poll(() => cairn.card(page)).not.toBeNull();
  const card = (await cairn.card(page))!;
  await cairn.press(page, ESCAPE);

  expect(card.text).toContain(GOVERNANCE);
  expect(card.text).toContain(PROSPERITY);
  expect(card.marks).toContain('Wuzhen');
  await expect.poll(() => cairn.card(page)).toBeNull();
});

test('an unrelated page stays quiet: no badge, no highlight', async () => {
  const { page, badge } = await visit('unrelated-recipe.html');

  expect(badge).toBe('');
  expect((await cairn.painted(page)).boxes).toBe(0);
});

/** Types a query into a fresh popup and answers the result titles once this query's answer is shown. */
async function search(query: string): Promise<{ titles: string[]; marks: string[]; empty: boolean }> {
  const popup = await cairn.openExtensionPage('popup.html');
  await expect.poll(() => cairn.read<boolean>(popup, `() => document.querySelector('[data-testid="search-input"]') !== null`)).toBe(true);
  await cairn.typeInto(popup, '[data-testid="search-input"]', query);
  let shown: { query: string; settled: boolean; titles: string[]; marks: string[]; empty: boolean } | undefined;
  await expect
    .poll(async () => {
      const now = await cairn.read<NonNullable<typeof shown>>(
        popup,
        `() => ({
          query: document.querySelector('[data-testid="search-input"]').value,
          // The list is marked busy from the keystroke until the answer to this very query arrives.
          settled: document.querySelector('[aria-busy="true"]') === null
            && document.querySelector('[data-testid="result-count"], [data-testid="empty-results"]') !== null,
          titles: [...document.querySelectorAll('[data-testid="result-title"]')].map((title) => title.textContent),
          marks: [...document.querySelectorAll('[data-testid="result-snippet"] mark')].map((mark) => mark.textContent),
          empty: document.querySelector('[data-testid="empty-results"]') !== null,
        })`,
      );
      shown = now;
      return now.settled && now.query === query;
    })
    .toBe(true);
  return shown!;
}

test('the popup search answers as you type', async () => {
  const { titles, marks } = await search('Wuzhen');

  expect(titles.sort()).toEqual([GOVERNANCE, PROSPERITY].sort());
  expect(marks.some((mark) => /wuzhen/i.test(mark))).toBe(true);
});

test('a search for a word the collection lacks says so', async () => {
  const { titles, empty } = await search('Zanzibarian');

  expect(titles).toEqual([]);
  expect(empty).toBe(true);
});

test('a file imported on the library page is stored once and found by the search', async () => {
  const word = codeWord(7_311);
  const folder = writeFolder({ 'harbour.txt': newsArticle(7_311), 'harbour-copy.txt': newsArticle(7_311) });
  const library = await cairn.openExtensionPage('library.html');
  const input = '[data-testid="library-file-input"]';
  await expect.poll(() => cairn.read<boolean>(library, `() => document.querySelector('${input}') !== null`)).toBe(true);

  let outcomes: string[] = [];
  try {
    await cairn.setFiles(library, input, [join(folder, 'harbour.txt'), join(folder, 'harbour-copy.txt')]);
    await expect
      .poll(async () => (outcomes = await cairn.read<string[]>(library, `() => [...document.querySelectorAll('[data-testid="import-report-row"]')].map((row) => row.dataset.outcome)`)).length)
      .toBe(2);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const { titles } = await search(word);

  // Whichever copy is read first is imported; the other is its duplicate.
  expect(outcomes.sort()).toEqual(['duplicate', 'imported']);
  expect(titles).toEqual([`Harbour board report ${word}`]);
});

test('the first install opened the welcome page, and its sample page links offline with a badge', async () => {
  // The welcome tab opened when the add-on was installed, before any test ran.
  const welcomeTabs = await cairn.read<number>(probe, `async () => (await browser.tabs.query({})).filter((tab) => tab.url?.endsWith('/welcome.html')).length`);
  expect(welcomeTabs).toBe(1);

  const sample = await cairn.openExtensionPage('sample.html');
  const sampleUrl = `${firefox.extensionOrigin}/sample.html`;
  let tabId: number | null = null;
  await expect.poll(async () => (tabId = await cairn.tabIdOf(probe, sampleUrl))).not.toBeNull();
  let report: { badge: string } | null = null;
  await expect.poll(async () => (report = await cairn.report(probe, tabId!)), { timeout: 30_000 }).not.toBeNull();

  expect(Number(report!.badge)).toBeGreaterThan(0);
  // The sample page runs Cairn's page code itself, so its status is on the page's own global.
  await expect.poll(() => cairn.read<string[]>(sample, `() => cairnStatus.ranges().map((r) => r.toString())`)).toEqual(
    expect.arrayContaining(['World Internet Conference']),
  );
});
