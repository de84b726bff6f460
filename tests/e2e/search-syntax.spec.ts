import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { searchFor } from './search-page.ts';

async function openSized(openPage: (path: string) => Promise<Page>, path: string, width: number): Promise<Page> {
  const page = await openPage(path);
  await page.setViewportSize({ width, height: 560 });
  return page;
}

/** The source each result shows, first in its meta line. */
async function sourcesOf(page: Page): Promise<string[]> {
  return page.getByTestId('result-meta').evaluateAll((metas) => metas.map((meta) => meta.querySelector('span')?.textContent ?? ''));
}

test.describe('search syntax in the popup', () => {
  test('a quoted phrase finds only the articles where its words stand together', async ({ openPage }) => {
    const popup = await openSized(openPage, 'popup.html', 400);
    const loose = await searchFor(popup, 'international cooperation ');

    const phrase = await searchFor(popup, '"international cooperation"');

    expect(phrase.length).toBeGreaterThan(0);
    expect(phrase.length).toBeLessThan(loose.length);
    for (const title of phrase) expect(loose).toContain(title);
    await expect(popup.getByTestId('result-snippet').first().locator('mark').first()).toHaveText(/international|cooperation/i);
  });

  test('a -word drops the articles that contain it', async ({ openPage }) => {
    const popup = await openSized(openPage, 'popup.html', 400);
    const withWuzhen = await searchFor(popup, 'cyberspace');

    const without = await searchFor(popup, 'cyberspace -wuzhen');

    expect(without.length).toBeGreaterThan(0);
    expect(without.length).toBeLessThan(withWuzhen.length);
    const wuzhen = await searchFor(popup, 'wuzhen');
    for (const title of without) expect(wuzhen).not.toContain(title);
  });

  test('source: keeps the articles of that source only', async ({ openPage }) => {
    const popup = await openSized(openPage, 'popup.html', 400);
    await searchFor(popup, 'china');
    const sources = await sourcesOf(popup);
    const someSource = sources[0]!;
    expect(new Set(sources).size).toBeGreaterThan(1);

    const filtered = await searchFor(popup, `china source:"${someSource}"`);

    expect(filtered.length).toBe(sources.filter((source) => source === someSource).length);
    expect(new Set(await sourcesOf(popup))).toEqual(new Set([someSource]));
    await popup.screenshot({ path: 'test-results/popup-source-filter.png' });
  });

  test('a query without results shows the syntax on one line, and what it did not understand', async ({ openPage }) => {
    const popup = await openSized(openPage, 'popup.html', 400);

    await searchFor(popup, '"cables submarine" before:2024-13');

    await expect(popup.getByTestId('empty-results')).toContainText('No articles match');
    await expect(popup.getByTestId('search-problem')).toHaveText(/before:2024-13 is not a date/);
    const hint = popup.getByTestId('syntax-hint');
    await expect(hint).toContainText('"exact phrase"');
    await expect(hint).toContainText('-exclude');
    await expect(hint).toContainText('after:2023-06');
    const lines = await hint.evaluate((element) => new Set([...element.querySelectorAll('code')].map((code) => code.getBoundingClientRect().top)).size);
    await popup.screenshot({ path: 'test-results/popup-syntax-hint.png' });
    expect(lines).toBe(1);
  });
});

test.describe('search in the side panel', () => {
  test('finds an article above the related list and opens it in the reader', async ({ context, openPage }) => {
    const panel = await openSized(openPage, 'sidepanel.html', 360);
    await expect(panel.getByTestId('sidepanel-related')).toBeVisible();

    const titles = await searchFor(panel, '"submarine cables"');

    expect(titles.length).toBeGreaterThan(0);
    await expect(panel.getByTestId('sidepanel-related')).toHaveCount(0);
    await panel.screenshot({ path: 'test-results/sidepanel-search.png' });
    const [reader] = await Promise.all([context.waitForEvent('page'), panel.getByTestId('search-input').press('Enter')]);
    await expect(reader.getByTestId('reader-title')).toHaveText(titles[0]!);
    await expect(reader.locator('mark', { hasText: /submarine/i }).first()).toBeVisible();

    await panel.getByTestId('search-input').fill('');
    await expect(panel.getByTestId('sidepanel-related')).toBeVisible();
  });

  test('says when nothing matches, with the syntax hint', async ({ openPage }) => {
    const panel = await openSized(openPage, 'sidepanel.html', 360);

    await searchFor(panel, 'zzyzx');

    await expect(panel.getByTestId('empty-results')).toContainText('No articles match “zzyzx”.');
    await expect(panel.getByTestId('syntax-hint')).toBeVisible();
  });
});

test.describe('search syntax in the library', () => {
  test('says when nothing matches, what it could not read, and the syntax hint', async ({ openPage }) => {
    const library = await openPage('library.html');
    await expect(library.getByTestId('library-count')).toContainText('5');

    await library.getByTestId('library-search').fill('zzyzx');
    await expect(library.getByTestId('library-no-match')).toContainText('No articles match “zzyzx”.');
    await expect(library.getByTestId('library-no-match').getByTestId('syntax-hint')).toBeVisible();

    await library.getByTestId('library-search').fill('before:2024-13 zzyzx');
    await expect(library.getByTestId('library-no-match').getByTestId('search-problem')).toContainText('2024-13');
  });
});
