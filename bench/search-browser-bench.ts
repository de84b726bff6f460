/// <reference types="node" />
/**
 * Issue 10's search figures in the real extension: the built Cairn in Debian's Chromium, a
 * collection of N Brown articles imported as one JSON Lines file through the library page, then
 * - wake: the service worker stopped as Chrome stops an idle one, and a search sent at once from
 *   an extension page, timed from the send to the answer (the worker's start, opening the stored
 *   index from IndexedDB and the first query with its snippets), three times with other queries;
 * - keystrokes: the bench's query mix (`bench/queries.ts`), each sent as the popup sends it
 *   (`search`, limit 20, snippets included) and timed in the page from send to answer;
 * - add one article: a pasted article, from the request until a search finds it (median of 5).
 * - delete one article: one from the middle of the collection, from the request until a search
 *   has waited for its save (median of 5).
 * The collection is measured at rest: after linking has mined the import.
 * Usage: `npm run bench:browser [-- --sizes 1000,10000,50000 --queries 300]` (builds first; the
 *   build in `$CAIRN_OUT_DIR` or `.output`). `--profile` also prints where the service worker's
 *   time went during the second pass of the mix and while adding and deleting articles (see
 *   `worker-profile.ts`; it needs `node --experimental-websocket`, and a build made with
 *   `CAIRN_NO_MINIFY=1` names the functions).
 */
import { rmSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { stopServiceWorker } from '../tests/e2e/fixtures.ts';
import { writeFolder } from '../tests/e2e/import-files.ts';
import { launchExtension } from '../tests/e2e/launch-extension.ts';
import { loadBrownCorpus } from './brown-corpus.ts';
import { makeArticles } from './make-articles.ts';
import { makeQueries } from './queries.ts';
import { percentiles } from './stats.ts';
import { checkProfiling, PROFILE_PORT, profileWorker, selfTimes, type WorkerProfiler } from './worker-profile.ts';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '1000,10000,50000' }, queries: { type: 'string', default: '300' }, profile: { type: 'boolean', default: false } },
});
if (values.profile) checkProfiling();

/** Profiles the worker (`--profile`) while `run` runs; prints the functions that took its time. */
async function profiled<T>(extensionId: string, what: string, run: () => Promise<T>): Promise<T> {
  if (!values.profile) return run();
  const profiler: WorkerProfiler = await profileWorker(extensionId);
  const result = await run();
  console.error(['', `Service worker during ${what}:`, ...selfTimes(await profiler.stop(), 25), ''].join('\n'));
  return result;
}
const FIRSTS = ['gover', 'the report', 'president kennedy'];
const load = () => os.loadavg()[0]!.toFixed(1);

/** Sends `search` requests from the page one after another; the round-trip times and the totals found. */
function timeSearches(page: Page, queries: string[]): Promise<{ ms: number[]; totals: number[] }> {
  return page.evaluate(async (texts) => {
    const ms: number[] = [];
    const totals: number[] = [];
    for (const query of texts) {
      const started = performance.now();
      const answer = (await chrome.runtime.sendMessage({ type: 'search', data: { query, limit: 20 } })) as { ok: boolean; value?: { total: number }; error?: unknown };
      ms.push(performance.now() - started);
      if (!answer.ok) throw new Error(`search "${query}" failed: ${JSON.stringify(answer.error)}`);
      totals.push(answer.value!.total);
    }
    return { ms, totals };
  }, queries);
}

async function measure(size: number) {
  const corpus = loadBrownCorpus();
  const lines = makeArticles(corpus, size).map(({ title, body, source, author }) => JSON.stringify({ title, body, source, author }));
  // Files stay under the 50 MB a file may have: 10,000 Brown articles make about 27 MB.
  const files: Record<string, string> = {};
  for (let at = 0; at < lines.length; at += 10_000) files[`part-${at / 10_000 + 1}.jsonl`] = `${lines.slice(at, at + 10_000).join('\n')}\n`;
  const folder = writeFolder(files);
  const { context, close } = await launchExtension({ args: values.profile ? [`--remote-debugging-port=${PROFILE_PORT}`] : [] });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const library = await context.newPage();
    await library.goto(`chrome-extension://${extensionId}/library.html`);
    await library.getByTestId('library-count').waitFor();
    const importStarted = performance.now();
    await library.getByTestId('library-file-input').setInputFiles(Object.keys(files).map((name) => `${folder}/${name}`));
    await library.getByTestId('import-summary').waitFor({ timeout: 60 * 60_000 });
    // The five default articles and every imported one, or the figures would be for another collection.
    const stored = await library.evaluate(async () => {
      const answer = (await chrome.runtime.sendMessage({ type: 'listArticles', data: {} })) as { ok: boolean; value?: { articles: unknown[] } };
      return answer.value?.articles.length ?? -1;
    });
    // A few Brown pieces repeat another's text and are skipped as duplicates (43 at 10,000, 1,061 at 50,000).
    if (stored < size * 0.95) throw new Error(`the import stored ${stored} articles, not about ${size + 5}: ${await library.getByTestId('import-summary').innerText()}`);
    console.error(`[${size}] ${stored} articles stored`);
    // A search waits for the index to take in every batch already stored.
    const settled = await timeSearches(library, ['zzzz']);
    console.error(`[${size}] imported and indexed in ${((performance.now() - importStarted) / 1000).toFixed(1)} s (last index catch-up ${settled.ms[0]!.toFixed(0)} ms), load ${load()}`);
    // Linking mines the new articles on the same worker thread; the figures below are for the
    // collection at rest, once it is done (what a user has every day after the import).
    const linkingStarted = performance.now();
    for (;;) {
      const status = await library.evaluate(async () => {
        const answer = (await chrome.runtime.sendMessage({ type: 'linkingStatus', data: {} })) as { ok: boolean; value?: { indexed: number; pending: number } };
        return answer.value;
      });
      if (!status) throw new Error('linkingStatus failed');
      if (status.pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    console.error(`[${size}] linking done ${((performance.now() - linkingStarted) / 1000).toFixed(1)} s after the import, load ${load()}`);
    // The page that measures is the popup's, which reads the collection's size once when it
    // opens: the library page reads the whole list again after every change (timed below on its
    // own), which at 50,000 articles would weigh on the time to add one article.
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    const listed = await library.evaluate(async () => {
      const started = performance.now();
      await chrome.runtime.sendMessage({ type: 'listArticles', data: {} });
      return performance.now() - started;
    });
    console.error(`[${size}] the library's list read in ${listed.toFixed(0)} ms`);
    await library.close();
    const wakes: number[] = [];
    for (const first of FIRSTS) {
      await stopServiceWorker(context, page, extensionId);
      wakes.push((await timeSearches(page, [first])).ms[0]!);
    }
    const { mix } = makeQueries(corpus, Number(values.queries));
    const texts = mix.map((q) => q.text);
    const warm = await timeSearches(page, texts); // The first pass fills the postings cache as a session of typing would.
    const again = await profiled(extensionId, `the mix's second pass (${size})`, () => timeSearches(page, texts));
    const keystrokes = mix.map((q, i) => ({ kind: q.kind, first: warm.ms[i]!, second: again.ms[i]! }));
    // One pasted article, from the request until a search finds it (a search waits for the saves
    // already queued): what adding one article costs at this size, save included. Median of 5.
    const addOne: number[] = [];
    await profiled(extensionId, `adding one article five times (${size})`, async () => {
      for (let n = 1; n <= 5; n++) {
        addOne.push(
          await page.evaluate(async (n) => {
            // Made-up words far apart, so a typo-tolerant search finds only its own note.
            const word = ['quorblefax', 'mintrovusk', 'plandegrox', 'wexibrandu', 'sodrapylix'][n - 1]!;
            const started = performance.now();
            const added = (await chrome.runtime.sendMessage({
              type: 'importArticles',
              data: { batchId: `bench-add-one-${n}-${Date.now()}`, origin: 'paste', articles: [{ title: `Pasted note ${n}`, body: `A short note about ${word} and the harbour.` }] },
            })) as { ok: boolean };
            const found = (await chrome.runtime.sendMessage({ type: 'search', data: { query: word, limit: 20 } })) as { ok: boolean; value?: { total: number } };
            if (!added.ok || found.value?.total !== 1) throw new Error(`the pasted article ${n} was not found`);
            return performance.now() - started;
          }, n),
        );
      }
    });
    // Deleting one article from the middle of the collection (a full block of ids), from the
    // request until a search has waited for its save. Median of 5.
    const ids = await page.evaluate(async () => {
      const answer = (await chrome.runtime.sendMessage({ type: 'listArticles', data: {} })) as { value: { articles: { id: number }[] } };
      return answer.value.articles.map(({ id }) => id).sort((a, b) => a - b);
    });
    const deleteOne: number[] = [];
    await profiled(extensionId, `deleting one article five times (${size})`, async () => {
      for (let n = 1; n <= 5; n++) {
        const id = ids[Math.floor((ids.length * n) / 7)]!;
        deleteOne.push(
          await page.evaluate(async (id) => {
            const started = performance.now();
            const deleted = (await chrome.runtime.sendMessage({ type: 'deleteArticles', data: { ids: [id] } })) as { ok: boolean };
            const searched = (await chrome.runtime.sendMessage({ type: 'search', data: { query: 'harbour', limit: 10 } })) as { ok: boolean };
            if (!deleted.ok || !searched.ok) throw new Error(`article ${id} was not deleted`);
            return performance.now() - started;
          }, id),
        );
      }
    });
    console.error(`[${size}] add one: ${addOne.map((ms) => ms.toFixed(0)).join(', ')} ms; delete one: ${deleteOne.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    return { wakes, keystrokes, addOne: percentiles(addOne).p50, deleteOne: percentiles(deleteOne).p50, load: load() };
  } finally {
    await close();
    rmSync(folder, { recursive: true, force: true });
  }
}

console.log(`Search in Chromium: ${os.cpus()[0]?.model} × ${os.cpus().length}, ${new Date().toISOString().slice(0, 16)} UTC, load ${load()}`);
const f = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));
const rows = ['| articles | wake to first answer (3 wakes) | mix p50 | p95 | p99 | keystrokes p95 | mix again p50 | p95 | p99 | add one article | delete one article | load after |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|'];
for (const size of values.sizes.split(',').map(Number)) {
  const { wakes, keystrokes, addOne, deleteOne, load: after } = await measure(size);
  const first = percentiles(keystrokes.map((k) => k.first));
  const typed = percentiles(keystrokes.filter((k) => k.kind === 'keystroke').map((k) => k.first));
  const second = percentiles(keystrokes.map((k) => k.second));
  rows.push(`| ${size.toLocaleString('en')} | ${wakes.map(f).join(' / ')} ms | ${f(first.p50)} | ${f(first.p95)} | ${f(first.p99)} | ${f(typed.p95)} | ${f(second.p50)} | ${f(second.p95)} | ${f(second.p99)} | ${f(addOne)} ms | ${f(deleteOne)} ms | ${after} |`);
  console.log(rows.at(-1));
}
console.log(rows.join('\n'));
