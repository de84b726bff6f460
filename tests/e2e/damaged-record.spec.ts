import { expect, stopServiceWorker, test } from './fixtures.ts';

// Cairn issue 8: a stored article Cairn cannot read is quarantined, not fatal. The library's
// storage panel names it and why, search goes on for the rest, and the user can delete it.

test('a damaged stored article is listed in the storage panel, search goes on, and it can be deleted', async ({ context, openPage, extensionId }, testInfo) => {
  const library = await openPage('library.html');
  await library.setViewportSize({ width: 1200, height: 1000 });
  await expect(library.getByTestId('library-count')).toContainText('5');
  // A record damaged behind Cairn's back (a bug, an old version, a hand edit): its text is a number.
  await library.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('cairn');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('articles', 'readwrite');
          tx.objectStore('articles').put({ id: 900, title: 'Harbour notes (damaged)', body: 42, origin: 'file', importedAt: 1, contentHash: '0'.repeat(64) });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await stopServiceWorker(context, library, extensionId);

  await library.reload();

  const panel = library.getByTestId('damaged-records');
  await expect(panel).toContainText('1 stored record could not be read');
  await expect(library.getByTestId('damaged-record')).toContainText('Harbour notes (damaged)');
  await expect(library.getByTestId('damaged-record')).toContainText('#900');
  await library.getByTestId('storage-status').scrollIntoViewIfNeeded();
  await expect(library.getByTestId('index-memory')).toContainText(/Search index: [\d,]+ words, about .+ kept in memory/);
  // The damaged record is never mined, so it is not shown as waiting either.
  await expect(library.getByTestId('linking-status')).toHaveText('Linking: all 5 articles can be linked from the pages you read.');
  await library.screenshot({ path: testInfo.outputPath('damaged-record-panel.png'), fullPage: true });
  await library.getByTestId('storage-status').screenshot({ path: 'test-results/screens/storage-panel.png' });

  const popup = await openPage('popup.html');
  await popup.getByTestId('search-input').fill('wuzhen');
  await expect(popup.getByTestId('result-title').first()).toBeVisible();
  await popup.close();

  await library.getByTestId('delete-damaged').click();
  await library.getByTestId('delete-damaged-confirm').click();

  await expect(panel).toHaveCount(0);
});
