/// <reference types="node" />
/**
 * Import throughput through the real UI path: the built extension in Chromium, the library page's
 * folder input, N articles as N .txt files (`--as files`) or as one JSON Lines file
 * (`--as jsonl`), of generated news text or of real English from the Brown corpus (`--text
 * news,brown`, see `articlesFor`). Measures, per build, text, shape and size, `--runs` times (builds taken in turn, so a
 * busy machine weighs on each alike):
 * - the import: from handing the files to the input until the report's summary appears;
 * - searchable: from the same start until the popup finds the last article;
 * - search during the import: a second page asks the background a search over and over while the
 *   import runs; how many answers came and the slowest (`--no-search`: nobody searches).
 * `--profile` also prints where the service worker's time went during each import (see
 * `worker-profile.ts`; it needs `node --experimental-websocket`). A profiled run is slower: time it
 * without.
 * Usage: `npm run build && node --import tsx bench/import-bench.ts [--sizes 1000,10000] [--as files,jsonl]
 *   [--text news,brown] [--runs 3] [--builds old=.output-old,new=.output] [--no-search]` (build folders relative to the repo; the
 *   default is this build, `$CAIRN_OUT_DIR` or `.output`).
 */
import { rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext, Page } from '@playwright/test';
import { codeWord, newsArticle, writeFolder } from '../tests/e2e/import-files.ts';
import { launchExtension } from '../tests/e2e/launch-extension.ts';
import { loadBrownCorpus } from './brown-corpus.ts';
import { makeArticles } from './make-articles.ts';
import { checkProfiling, PROFILE_PORT, profilePage, profileWorker, selfTimes } from './worker-profile.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    as: { type: 'string', default: 'files,jsonl' },
    runs: { type: 'string', default: '1' },
    builds: { type: 'string', default: `this=${process.env.CAIRN_OUT_DIR ?? '.output'}` },
    text: { type: 'string', default: 'news,brown' },
    // A quiet import: nobody searches while it runs (what a user who imports and waits sees).
    'no-search': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
});
type Text = 'news' | 'brown';
const texts = values.text.split(',') as Text[];
type Shape = 'files' | 'jsonl';
const shapes = values.as.split(',') as Shape[];
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const builds = values.builds.split(',').map((entry) => {
  const [name, outDir] = entry.split('=');
  return { name: name!, outDir: outDir ?? name! };
});

interface Run {
  importSeconds: number;
  searchableSeconds: number;
  added: number;
  searches: number;
  slowestSearchMs: number;
  medianSearchMs: number;
  p95SearchMs: number;
  load: number;
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

/** Starts asking the background a search in a loop from `page`; the returned function stops it and gives the timings. */
async function keepSearching(page: Page): Promise<() => Promise<{ searches: number; slowestMs: number; medianMs: number; p95Ms: number }>> {
  await page.evaluate(() => {
    const state = { running: true, times: [] as number[] };
    Object.assign(globalThis, { searching: state });
    void (async () => {
      while (state.running) {
        const started = performance.now();
        await chrome.runtime.sendMessage({ type: 'search', data: { query: 'harbour survey', limit: 10 } });
        state.times.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
  });
  return () =>
    page.evaluate(() => {
      const state = (globalThis as unknown as { searching: { running: boolean; times: number[] } }).searching;
      state.running = false;
      // No named helpers in here: the bench's compiler would wrap them in a function the page lacks.
      const sorted = [...state.times].sort((a, b) => a - b);
      const last = Math.max(0, sorted.length - 1);
      return {
        searches: sorted.length,
        slowestMs: sorted[last] ?? 0,
        medianMs: sorted[Math.min(last, Math.floor(0.5 * sorted.length))] ?? 0,
        p95Ms: sorted[Math.min(last, Math.floor(0.95 * sorted.length))] ?? 0,
      };
    });
}

/**
 * N articles: `news` are generated from a small vocabulary; `brown` are pieces of the Brown
 * corpus (real English, about 250 distinct words each, tens of thousands in all), each with its
 * code word in the title so none is a duplicate and the last one can be searched for.
 */
function articlesFor(size: number, text: Text): { title: string; body: string }[] {
  if (text === 'news') {
    return Array.from({ length: size }, (_, n) => {
      const [title, ...rest] = newsArticle(n).split('\n');
      return { title: title!, body: rest.join('\n').trim() };
    });
  }
  // In the title: a short last paragraph such as "Reference …" is cut from the body as boilerplate.
  return makeArticles(loadBrownCorpus(), size).map(({ title, body }, n) => ({ title: `${title} (${codeWord(n)})`, body }));
}

function folderFor(size: number, shape: Shape, text: Text): { folder: string; megabytes: number } {
  const files: Record<string, string> = {};
  const articles = articlesFor(size, text);
  if (shape === 'files') {
    articles.forEach(({ title, body }, n) => (files[`articles/${String(n).padStart(5, '0')}.txt`] = `${title}\n\n${body}\n`));
  } else {
    files['articles/all.jsonl'] = `${articles.map((article) => JSON.stringify(article)).join('\n')}\n`;
  }
  const folder = writeFolder(files);
  const bytes = Object.keys(files).reduce((sum, path) => sum + statSync(join(folder, path)).size, 0);
  return { folder, megabytes: bytes / 1e6 };
}

async function measure(outDir: string, folder: string, size: number): Promise<Run> {
  const load = os.loadavg()[0]!;
  const { context, close } = await launchExtension({ outDir, args: values.profile ? [`--remote-debugging-port=${PROFILE_PORT}`] : [] });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const searcher = await context.newPage();
    await searcher.goto(`chrome-extension://${extensionId}/popup.html`);
    const library = await context.newPage();
    await library.goto(`chrome-extension://${extensionId}/library.html`);
    await library.getByTestId('library-count').waitFor();
    const stopSearching = values['no-search'] ? async () => ({ searches: 0, slowestMs: 0, medianMs: 0, p95Ms: 0 }) : await keepSearching(searcher);
    const profiler = values.profile ? await profileWorker(extensionId) : null;
    const pageProfiler = values.profile ? await profilePage(library) : null;
    const started = performance.now();
    await library.getByTestId('library-folder-input').setInputFiles(folder);
    await library.getByTestId('import-summary').waitFor({ timeout: 30 * 60_000 });
    const imported = performance.now() - started;
    if (profiler && pageProfiler) {
      const seconds = (imported / 1000).toFixed(1);
      console.log(['', `Service worker during the import (${outDir}, ${seconds} s):`, ...selfTimes(await profiler.stop()), ''].join('\n'));
      console.log(['', `Library page's main thread during the import (${outDir}, ${seconds} s):`, ...selfTimes(await pageProfiler.stop()), ''].join('\n'));
    }
    const { searches, slowestMs, medianMs, p95Ms } = await stopSearching();
    const last = codeWord(size - 1);
    while (!(await popupFinds(context, extensionId, last))) await new Promise((r) => setTimeout(r, 100));
    const searchable = performance.now() - started;
    const added = await library.getByTestId('import-report-row').evaluateAll((rows) =>
      rows.reduce((sum, row) => sum + Number(/imported (\d[\d,]*)/.exec(row.textContent ?? '')?.[1]?.replace(/,/g, '') ?? 0), 0),
    );
    return { importSeconds: imported / 1000, searchableSeconds: searchable / 1000, added, searches, slowestSearchMs: slowestMs, medianSearchMs: medianMs, p95SearchMs: p95Ms, load: (load + os.loadavg()[0]!) / 2 };
  } finally {
    await close();
  }
}

const range = (values: number[], digits: number) => {
  const low = Math.min(...values).toFixed(digits);
  const high = Math.max(...values).toFixed(digits);
  return low === high ? low : `${low}–${high}`;
};

if (values.profile) checkProfiling();
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`Import through the library page: ${cpu}, ${os.cpus().length} cores, ${new Date().toISOString().slice(0, 16)} UTC, ${runs} run(s) each`);
console.log('| build | text | articles | as | MB | imported in | articles/s | searchable after | searches answered during import (p50, p95, slowest) | load (1 min) |');
console.log('|---|---|---:|---|---:|---:|---:|---:|---:|---:|');
for (const text of texts) for (const shape of shapes) {
  for (const size of sizes) {
    const { folder, megabytes } = folderFor(size, shape, text);
    try {
      const results = new Map<string, Run[]>(builds.map((build) => [build.name, []]));
      for (let run = 0; run < runs; run++) {
        for (const build of builds) {
          const result = await measure(build.outDir, folder, size);
          if (result.added !== size) console.warn(`warning: ${build.name}: ${result.added} of ${size} articles were imported`);
          results.get(build.name)!.push(result);
        }
      }
      const as = shape === 'files' ? `${size.toLocaleString('en')} .txt files` : 'one .jsonl file';
      for (const build of builds) {
        const r = results.get(build.name)!;
        const rates = r.map((x) => size / x.importSeconds);
        console.log(
          `| ${build.name} | ${text} | ${size.toLocaleString('en')} | ${as} | ${megabytes.toFixed(1)} | ${range(r.map((x) => x.importSeconds), 1)} s | ${range(rates, 0)} | ${range(r.map((x) => x.searchableSeconds), 1)} s | ${range(r.map((x) => x.searches), 0)} (${range(r.map((x) => x.medianSearchMs), 0)}, ${range(r.map((x) => x.p95SearchMs), 0)}, ${range(r.map((x) => x.slowestSearchMs), 0)} ms) | ${range(r.map((x) => x.load), 1)} |`,
        );
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
}
