import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { writeFolder } from './import-files.ts';

/** The library in a tab of its own, with the page's clock under the test's control. */
async function openLibrary(page: Page, extensionId: string): Promise<Page> {
  await page.clock.install();
  await page.goto(`chrome-extension://${extensionId}/library.html`);
  await page.setViewportSize({ width: 1200, height: 900 });
  await expect(page.getByTestId('library-count')).toContainText('5');
  return page;
}

/** The titles of the rows, top to bottom, as their checkboxes name them. */
async function rowTitles(library: Page): Promise<string[]> {
  return library.getByTestId('article-row').getByRole('checkbox').evaluateAll((boxes) => boxes.map((box) => box.getAttribute('aria-label') ?? ''));
}

test.describe('the library, honestly', () => {
  test('deleting from the keyboard leaves the focus on the next row, and the Undo toast waits while held', async ({ page, extensionId }) => {
    const library = await openLibrary(page, extensionId);
    const before = await rowTitles(library);
    const second = library.getByRole('checkbox', { name: before[1] });

    await second.focus();
    await library.keyboard.press('Space');
    await library.getByTestId('delete-selected').focus();
    await library.keyboard.press('Enter');

    await expect(library.getByTestId('library-count')).toContainText('4');
    await expect(library.getByRole('checkbox', { name: before[2] })).toBeFocused();
    const toast = library.getByRole('status').filter({ has: library.getByTestId('toast') });
    await expect(toast).toContainText('Deleted 1 article');
    await library.screenshot({ path: 'test-results/library-after-delete.png' });

    // The pointer over the toast holds it past its ten seconds; leaving lets it go.
    await library.getByTestId('toast').hover();
    await library.clock.fastForward(15_000);
    await expect(library.getByTestId('toast')).toBeVisible();
    await library.mouse.move(5, 5);
    await library.clock.fastForward(11_000);
    await expect(library.getByTestId('toast')).toHaveCount(0);

    // The focus in it holds it too, even with the pointer elsewhere; Undo keeps the focus in it.
    await library.getByRole('checkbox', { name: before[2] }).press('Space');
    await library.getByTestId('delete-selected').click();
    await expect(library.getByTestId('toast')).toContainText('Deleted 1 article');
    await library.getByTestId('undo-delete').focus();
    await library.clock.fastForward(15_000);
    await expect(library.getByTestId('toast')).toBeVisible();
    await library.keyboard.press('Enter');
    await expect(library.getByTestId('toast')).toContainText('Restored 1 article');
    await expect(library.getByTestId('toast-dismiss')).toBeFocused();
    await library.clock.fastForward(15_000);
    await expect(library.getByTestId('toast')).toBeVisible();
    await library.getByTestId('toast-dismiss').blur();
    await library.clock.fastForward(11_000);
    await expect(library.getByTestId('toast')).toHaveCount(0);
    await expect(library.getByTestId('library-count')).toContainText('4');
  });

  test('a CSV with some bad rows imports the good ones and names the bad ones in the report', async ({ page, extensionId }) => {
    const csv = [
      'title,body,url',
      'Harbour crane delivered,"The new crane reached berth four on Monday, the port said.",https://example.org/crane',
      'Stray quote,"This row has a "stray" quote inside",https://example.org/stray',
      'Ferry timetable,The winter ferry now leaves at seven.,https://example.org/ferry',
      'Too short',
      'No text,,https://example.org/none',
      'Lock gate repaired,"Divers finished the lock gate repairs, two days early.",https://example.org/lock',
    ].join('\n');
    const folder = writeFolder({ 'harbour.csv': csv });
    const library = await openLibrary(page, extensionId);

    await library.getByTestId('library-file-input').setInputFiles(`${folder}/harbour.csv`);

    await expect(library.getByTestId('import-summary')).toContainText('1 imported (3 articles)');
    const row = library.getByTestId('import-report-row').filter({ hasText: 'harbour.csv' });
    await expect(row).toHaveAttribute('data-outcome', 'imported');
    await row.getByText('3 notes').click();
    await expect(row.getByRole('listitem')).toHaveText([
      'line 3: a quote in the middle of a quoted field; left out',
      'line 5 has 1 field, the header has 3; left out',
      'line 6: the text is empty; left out',
    ]);
    await expect(library.getByTestId('retry-failed')).toHaveCount(0);
    await expect(library.getByTestId('library-count')).toContainText('8');
    for (const title of ['Harbour crane delivered', 'Ferry timetable', 'Lock gate repaired']) {
      await expect(library.getByTestId('article-row').filter({ hasText: title })).toHaveCount(1);
    }
    await library.getByTestId('import-report').screenshot({ path: 'test-results/library-csv-report.png' });
  });

  test('a file that fails for its content is not offered a retry', async ({ page, extensionId }) => {
    const folder = writeFolder({ 'broken.json': '{"title": "Harbour", "body": ', 'fine.md': '# Quay notes\n\nThe quay lights were replaced this week.\n' });
    const library = await openLibrary(page, extensionId);

    await library.getByTestId('library-file-input').setInputFiles([`${folder}/broken.json`, `${folder}/fine.md`]);

    await expect(library.getByTestId('import-summary')).toContainText('1 failed');
    await expect(library.getByTestId('import-report-row').filter({ hasText: 'broken.json' })).toHaveAttribute('data-outcome', 'failed');
    await expect(library.getByTestId('retry-failed')).toHaveCount(0);
    await library.getByTestId('import-report').screenshot({ path: 'test-results/library-no-retry.png' });
  });
});
