/// <reference types="node" />
/**
 * Import throughput through the real UI path: the built extension in Chromium, the library page's
 * folder input, N news-sized articles as N .txt files (`--as files`) or as one JSON Lines file
 * (`--as jsonl`). Measures, per size:
 * - the import: from handing the files to the input until the report's summary appears;
 * - searchable: from the same start until the popup finds the last file's article.
 * Usage: `npm run build && node --import tsx bench/import-bench.ts [--sizes 1000,10000] [--as files,jsonl]`.
 */
import { rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext, Page } from '@playwright/test';
import { codeWord, newsArticle, writeFolder } from '../tests/e2e/import-files.ts';
import { launchExtension } from '../tests/e2e/launch-extension.ts';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '1000,10000' }, as: { type: 'string', default: 'files,jsonl' } },
});
const shapes = values.as.split(',') as Shape[];
const sizes = values.sizes.split(',').map(Number);

async function launch(): Promise<{ context: BrowserContext; extensionId: string; close(): Promise<void> }> {
  const { context, close } = await launchExtension();
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, extensionId: new URL(worker.url()).host, close };
}

async function popupFinds(context: BrowserContext, extensionId: string, word: string): Promise<boolean> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByTestId('search-input').fill(word);
  await popup.waitForFunction(() => {
    const settled = document.querySelector('[aria-busy="true"]') === null;
    return settled && document.querySelector('[data-testid="result-count"], [data-testid="empty-results"]') !== null;
  });
  const found = (await popup.getByTestId('result-title').count()) > 0;
  await popup.close();
  return found;
}

type Shape = 'files' | 'jsonl';

async function measure(size: number, shape: Shape) {
  const files: Record<string, string> = {};
  if (shape === 'files') {
    for (let n = 0; n < size; n++) files[`articles/${String(n).padStart(5, '0')}.txt`] = newsArticle(n);
  } else {
    const lines = Array.from({ length: size }, (_, n) => {
      const [title, ...rest] = newsArticle(n).split('\n');
      return JSON.stringify({ title, body: rest.join('\n').trim() });
    });
    files['articles/all.jsonl'] = `${lines.join('\n')}\n`;
  }
  const folder = writeFolder(files);
  const bytes = Object.keys(files).reduce((sum, path) => sum + statSync(join(folder, path)).size, 0);
  const { context, extensionId, close } = await launch();
  try {
    const library: Page = await context.newPage();
    await library.goto(`chrome-extension://${extensionId}/library.html`);
    await library.getByTestId('library-count').waitFor();
    const started = performance.now();
    await library.getByTestId('library-folder-input').setInputFiles(folder);
    await library.getByTestId('import-summary').waitFor({ timeout: 30 * 60_000 });
    const imported = performance.now() - started;
    const last = codeWord(size - 1);
    while (!(await popupFinds(context, extensionId, last))) await new Promise((r) => setTimeout(r, 100));
    const searchable = performance.now() - started;
    const added = await library.getByTestId('import-report-row').evaluateAll((rows) =>
      rows.reduce((sum, row) => sum + Number(/imported (\d[\d,]*)/.exec(row.textContent ?? '')?.[1]?.replace(/,/g, '') ?? 0), 0),
    );
    return { size, added, megabytes: bytes / 1e6, importSeconds: imported / 1000, searchableSeconds: searchable / 1000 };
  } finally {
    await close();
    rmSync(folder, { recursive: true, force: true });
  }
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`Import through the library page: ${cpu}, ${os.cpus().length} cores, ${new Date().toISOString().slice(0, 10)}`);
console.log('| articles | as | MB | imported in | articles/s | MB/s | searchable after |');
console.log('|---:|---|---:|---:|---:|---:|---:|');
for (const shape of shapes) {
  for (const size of sizes) {
    const r = await measure(size, shape);
    if (r.added !== size) console.warn(`warning: ${r.added} of ${size} articles were imported`);
    const as = shape === 'files' ? `${size.toLocaleString('en')} .txt files` : 'one .jsonl file';
    console.log(
      `| ${size.toLocaleString('en')} | ${as} | ${r.megabytes.toFixed(1)} | ${r.importSeconds.toFixed(1)} s | ${Math.round(size / r.importSeconds)} | ${(r.megabytes / r.importSeconds).toFixed(2)} | ${r.searchableSeconds.toFixed(1)} s |`,
    );
  }
}
