import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { codeWord, writeFolder } from './import-files.ts';

// Cairn issue 8: a 45 MB text file froze the library page for 10.7 s before it was refused. Big
// text files are now refused from their size, or read in a worker; the page stays responsive.
const MB = 1024 * 1024;
// The unit tests read a 45 MB JSON Lines file; here a smaller one keeps the run short on a shared machine.
const JSONL_MB = 12;
const SENTENCE = 'The harbour authority confirmed that the night ferry will resume service next month. ';

/** Records the longest stretch the page's main thread was busy (long tasks, in ms). */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: number[] = [];
    const marks: string[] = [];
    const started = performance.now();
    Object.assign(globalThis, { longTasks: seen, importMarks: marks });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        seen.push(entry.duration);
        marks.push(`task ${Math.round(entry.startTime - started)}+${Math.round(entry.duration)}`);
      }
    }).observe({ type: 'longtask', buffered: false });
    let last = '';
    new MutationObserver(() => {
      const now = document.querySelector('[data-testid="import-summary"]') ? 'summary' : (document.querySelector('progress, [role="progressbar"]')?.parentElement?.textContent ?? '');
      if (now !== last) marks.push(`${Math.round(performance.now() - started)} ${(last = now).slice(0, 80)}`);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

test('a 45 MB text file is refused without freezing the page, and a big JSON Lines file of small articles imports', async ({ openPage }) => {
  test.setTimeout(180_000);
  const lines: string[] = [];
  for (let i = 0, size = 0; size < JSONL_MB * MB; i++) {
    const line = JSON.stringify({ title: `Ferry notice ${i}`, body: `${SENTENCE.repeat(8)}Notice ${codeWord(i)}.` });
    lines.push(line);
    size += line.length + 1;
  }
  const folder = writeFolder({
    'big/book.txt': SENTENCE.repeat(Math.ceil((45 * MB) / SENTENCE.length)),
    'big/notices.jsonl': lines.join('\n'),
    'big/note.md': '# Harbour note\n\nThe zanderquay stop reopens on Monday after repairs.\n',
  });
  const library = await openPage('library.html');
  await expect(library.getByTestId('library-count')).toContainText('5');
  await watchLongTasks(library);

  await library.getByTestId('library-folder-input').setInputFiles(folder);
  await expect(library.getByTestId('import-summary')).toBeVisible({ timeout: 150_000 });

  const rows = library.getByTestId('import-report-row');
  const outcome = (name: string) => rows.and(library.locator(`[data-name="${name}"]`)).getAttribute('data-outcome');
  expect(await outcome('book.txt')).toBe('skipped');
  expect(await outcome('notices.jsonl')).toBe('imported');
  expect(await outcome('note.md')).toBe('imported');
  await expect(library.getByText(/45 MB of text; Cairn keeps up to 1,000,000 characters per article/)).toBeVisible();
  const longTasks = await library.evaluate(() => (globalThis as unknown as { longTasks: number[] }).longTasks);
  console.log((await library.evaluate(() => (globalThis as unknown as { importMarks: string[] }).importMarks)).join('\n'));
  console.log(`import of 45 MB .txt + ${JSONL_MB} MB .jsonl (${lines.length} articles): longest main-thread task ${Math.round(Math.max(0, ...longTasks))} ms; long tasks: ${longTasks.map(Math.round).join(', ')}`);
  // Coarse on purpose (a shared 2-core machine inflates every task): before issue 8 the page froze
  // for 10.7 s on the .txt and 5.3 s handing the JSON Lines articles to the background.
  expect(Math.max(0, ...longTasks)).toBeLessThan(1000);
});
