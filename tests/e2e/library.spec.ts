import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, sendToBackground, stopServiceWorker, test } from './fixtures.ts';
import { codeWord, makePdf, newsArticle, writeFolder } from './import-files.ts';

const BASE = 'http://127.0.0.1:4173/';

async function openLibrary(openPage: (path: string) => Promise<Page>): Promise<Page> {
  const library = await openPage('library.html');
  await library.setViewportSize({ width: 1200, height: 900 });
  await expect(library.getByTestId('library-count')).toContainText('5');
  return library;
}

async function searchPopup(openPage: (path: string) => Promise<Page>, query: string): Promise<string[]> {
  const popup = await openPage('popup.html');
  await popup.getByTestId('search-input').fill(query);
  await popup.waitForFunction(() => {
    const settled = document.querySelector('[aria-busy="true"]') === null;
    const answered = document.querySelector('[data-testid="result-count"], [data-testid="empty-results"]') !== null;
    return settled && answered;
  });
  const titles = await popup.getByTestId('result-title').allInnerTexts();
  await popup.close();
  return titles;
}

/** The outcome the import report shows for each file, by file name. */
async function outcomes(library: Page): Promise<Record<string, string>> {
  const rows = library.getByTestId('import-report-row');
  const entries = await rows.evaluateAll((elements) =>
    elements.map((el) => [el.getAttribute('data-name') ?? '', el.getAttribute('data-outcome') ?? ''] as const),
  );
  return Object.fromEntries(entries);
}

test.describe('the library', () => {
  test('imports a mixed folder, reports every file, and the new articles are found from the popup', async ({ context, openPage }) => {
    // Nothing an imported file points to is ever fetched.
    const fetched: string[] = [];
    context.on('request', (request) => {
      if (!request.url().startsWith('chrome-extension://')) fetched.push(request.url());
    });
    const cable = 'Lagos data centre opens\nBy Ngozi Eze\n\nA new quokkafibre data centre opened in Lagos on Monday, its owners said.\n\nIt links to two submarine cables landing nearby.\n';
    const folder = writeFolder({
      'notes/lagos.txt': cable,
      'notes/lagos-copy.txt': cable,
      'notes/ferries.md': '---\ntitle: Ferry timetable notes\ntags: [travel]\n---\n\n# Ignored heading\n\nThe winter ferry leaves at seven; the zanderquay stop is closed.\n',
      'clips/page.html':
        '<html><head><title>Night trains return</title><script>window.ran = true</script><link rel="stylesheet" href="http://127.0.0.1:4173/track.css"></head><body><article><h1>Night trains return</h1><img src="http://127.0.0.1:4173/track.png" alt=""><p onclick="steal()">The sleeper service to Vienna restarts in May with new wagons and a wombatrail booking page.</p><p>Tickets go on sale next week, the operator said in a statement on Friday.</p></article></body></html>',
      'data/items.json': JSON.stringify([
        { title: 'Tram line extension approved', body: 'The council approved the xylotram extension to the airport.' },
        { headline: 'Bike lanes painted', text: 'Crews painted new lanes along the river overnight.' },
      ]),
      'data/table.csv': 'title,body\nLibrary opens late,"The city library now opens until ten, with a glimmerbook desk."\nPool reopens,The outdoor pool reopened after repairs.\n',
      'docs/paper.pdf': await makePdf('Tidal energy pilot', ['The tidal energy pilot near the quinterbay headland produced power for a month.', 'Results will be published in spring.']),
      'junk/binary.txt': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xff, 0xfe, 0x00, 0x01]),
      'junk/empty.md': '   \n\n',
      'junk/letter.docx': 'not really a word file',
    });
    const library = await openLibrary(openPage);

    await library.getByTestId('library-folder-input').setInputFiles(folder);
    await expect(library.getByTestId('import-summary')).toBeVisible({ timeout: 30_000 });

    const { 'lagos.txt': original, 'lagos-copy.txt': copy, ...others } = await outcomes(library);
    // Whichever of the two copies is read first is imported; the other is its duplicate.
    expect([original, copy].sort()).toEqual(['duplicate', 'imported']);
    expect(others).toEqual({
      'ferries.md': 'imported',
      'page.html': 'imported',
      'items.json': 'imported',
      'table.csv': 'imported',
      'paper.pdf': 'imported',
      'binary.txt': 'failed',
      'empty.md': 'skipped',
      'letter.docx': 'skipped',
    });
    await expect(library.getByTestId('library-count')).toContainText('13');
    await library.screenshot({ path: 'test-results/library-import-report.png', fullPage: true });
    const expected: [string, string][] = [
      ['quokkafibre', 'Lagos data centre opens'],
      ['zanderquay', 'Ferry timetable notes'],
      ['wombatrail', 'Night trains return'],
      ['xylotram', 'Tram line extension approved'],
      ['glimmerbook', 'Library opens late'],
      ['quinterbay', 'Tidal energy pilot'],
    ];
    for (const [word, title] of expected) {
      expect((await searchPopup(openPage, word))[0], word).toBe(title);
    }
    expect(fetched).toEqual([]);
  });

  test('adds the current page from the popup, and knows it the second time', async ({ context, serviceWorker, openPage }) => {
    const page = await context.newPage();
    await page.goto(`${BASE}unrelated-recipe.html`);
    const heading = (await page.locator('h1').first().innerText()).trim();
    const tabId = await serviceWorker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]!.id!, `${BASE}unrelated-recipe.html`);
    const before = await page.content();

    const popup = await openPage(`popup.html?tabId=${tabId}`);
    await popup.getByTestId('import-page').click();
    await expect(popup.getByTestId('import-page-result')).toContainText('Added');
    await popup.reload();
    await popup.getByTestId('import-page').click();
    await expect(popup.getByTestId('import-page-result')).toContainText('Already');

    expect(await page.content()).toBe(before);
    const titles = await searchPopup(openPage, heading);
    expect(titles[0]).toContain(heading);
  });

  test('loses nothing when the service worker is stopped in the middle of a 500-file import', async ({ context, openPage, extensionId }) => {
    test.setTimeout(240_000);
    const files: Record<string, string> = {};
    // Long articles (about 12 kB each) keep the import running for a few seconds.
    for (let n = 0; n < 500; n++) files[`batch/${String(n).padStart(3, '0')}.txt`] = newsArticle(n, 4);
    const folder = writeFolder(files);
    const library = await openLibrary(openPage);

    await library.getByTestId('library-folder-input').setInputFiles(folder);
    await library.waitForFunction(
      () => Number(document.querySelector('[data-testid="import-progress"]')?.getAttribute('aria-valuenow')) >= 50,
      undefined,
      { polling: 'raf', timeout: 60_000 },
    );
    await stopServiceWorker(context, library, extensionId);
    // The worker really stopped in the middle: the import was still running.
    expect(await library.getByTestId('import-summary').isVisible()).toBe(false);
    await expect(library.getByTestId('import-summary')).toBeVisible({ timeout: 180_000 });

    const results = Object.values(await outcomes(library));
    expect(results).toHaveLength(500);
    expect(results.every((outcome) => outcome === 'imported')).toBe(true);
    const response = (await sendToBackground(library, { type: 'listArticles', data: {} })) as { value: { articles: { title: string }[] } };
    const titles = response.value.articles.map((a) => a.title);
    expect(titles).toHaveLength(505);
    expect(new Set(titles).size).toBe(505);
    // The index matches the database after the restart: the first, a middle and the last file.
    for (const n of [0, 250, 499]) {
      // Close code words are one typo apart, so the exact one must come first.
      expect((await searchPopup(openPage, codeWord(n)))[0]).toBe(`Harbour board report ${codeWord(n)}`);
    }
  });

  test('pastes an article, deletes it with Undo, and exports a backup that restores the collection', async ({ openPage }) => {
    const library = await openLibrary(openPage);

    await library.getByTestId('paste-title').fill('Harbour crane notes');
    await library.getByTestId('paste-text').fill('The new crane at berth four lifted its first hundred containers, said the port.');
    await library.getByTestId('paste-submit').click();
    await expect(library.getByTestId('paste-result')).toContainText('Added');
    await expect(library.getByTestId('library-count')).toContainText('6');

    const row = library.getByTestId('article-row').filter({ hasText: 'Harbour crane notes' });
    await row.getByRole('checkbox').check();
    await library.getByTestId('delete-selected').click();
    await expect(library.getByTestId('library-count')).toContainText('5');
    await library.getByTestId('undo-delete').click();
    await expect(library.getByTestId('library-count')).toContainText('6');

    const downloading = library.waitForEvent('download');
    await library.getByTestId('export-button').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^cairn-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { format: string; articles: { title: string; origin: string }[] };
    expect(backup.format).toBe('cairn-backup');
    expect(backup.articles).toHaveLength(6);
    expect(backup.articles.find((a) => a.title === 'Harbour crane notes')?.origin).toBe('paste');

    // Delete everything, then import the backup: the collection is back.
    await library.getByTestId('select-all').check();
    await library.getByTestId('delete-selected').click();
    await expect(library.getByTestId('library-count')).toContainText('0');
    const folder = writeFolder({ 'cairn-backup.json': readFileSync((await download.path())!) });
    await library.getByTestId('library-file-input').setInputFiles(`${folder}/cairn-backup.json`);
    await expect(library.getByTestId('import-summary')).toBeVisible();
    await expect(library.getByTestId('library-count')).toContainText('6');
    await expect(library.getByTestId('undo-delete')).toHaveCount(0);
    await library.screenshot({ path: 'test-results/library-after-restore.png' });
  });
});
