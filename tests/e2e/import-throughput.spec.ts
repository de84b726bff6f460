import type { SearchResult } from '../../lib/protocol.ts';
import { expect, sendToBackground, stopServiceWorker, test } from './fixtures.ts';
import { codeWord, writeFolder } from './import-files.ts';
import { searchFor } from './search-page.ts';

// Cairn issue 10: an import of thousands of articles from one JSON Lines file goes in batches,
// and the index catches up after each answer. A worker stopped right after the import must wake
// to a collection and an index that agree: the very first search finds what was imported.
const ARTICLES = 5_000;

function notice(n: number): string {
  const body = [
    `The harbour office posted notice ${codeWord(n)} about the zelmarine ferry timetable.`,
    'Crossings resume at dawn once the breakwater repairs are signed off by the engineers.',
    'Passengers with season tickets keep their seats; the kiosk on pier two sells the rest.',
  ].join('\n\n');
  return JSON.stringify({ title: `Ferry notice ${codeWord(n)}`, body });
}

test('5,000 articles from one JSON Lines file: search answers during the import, and the first search after the worker stops finds them', async ({ context, extensionId, openPage }) => {
  test.setTimeout(240_000);
  const folder = writeFolder({ 'notices.jsonl': `${Array.from({ length: ARTICLES }, (_, n) => notice(n)).join('\n')}\n` });
  const library = await openPage('library.html');
  await expect(library.getByTestId('library-count')).toBeVisible();

  await library.getByTestId('library-file-input').setInputFiles(`${folder}/notices.jsonl`);
  // Asked while the import runs: it is answered (with whatever is stored by then), not held up.
  const during = (await sendToBackground(library, { type: 'search', data: { query: 'zelmarine' } })) as { ok: boolean };
  await expect(library.getByTestId('import-summary')).toBeVisible({ timeout: 200_000 });

  expect(during.ok).toBe(true);
  const row = library.getByTestId('import-report-row');
  await expect(row).toHaveAttribute('data-outcome', 'imported');
  await expect(row).toContainText('imported 5,000');

  await stopServiceWorker(context, library, extensionId);
  const popup = await openPage('popup.html');
  // In quotes: the word itself, without the near spellings a plain search also offers.
  const titles = await searchFor(popup, `"${codeWord(4_321)}"`);

  expect(titles).toEqual([`Ferry notice ${codeWord(4_321)}`]);
  const all = (await sendToBackground(popup, { type: 'search', data: { query: 'zelmarine', limit: 1 } })) as { ok: true; value: SearchResult };
  expect(all.value.total).toBe(ARTICLES);
});
