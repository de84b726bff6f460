/**
 * Highlighting benchmark in real Chromium: Cairn's content-script path (scanPage → paintRanges →
 * CSS.highlights) against mark.js, on a 1 MB page of English (the Brown corpus) with 100, 1,000
 * and 5,000 vocabulary phrases drawn from it. Fresh page for every run; median and max of the runs.
 * Cairn runs twice per size and idle mode: with the product's budgets (it reads the page's first
 * `DEFAULT_MAX_CHARS` characters) and with the budgets lifted (the whole megabyte).
 *
 *   node --import tsx bench/highlight-bench.ts [--runs 5] [--sizes 100,1000,5000] [--large-mark-runs 1]
 *                                              [--no-mark-all] [--no-mark] [--quick]
 *
 * mark.js takes about 40 ms per phrase on this page (minutes at 5,000), so above 1,000 phrases it
 * runs `--large-mark-runs` times only. `--no-mark-all` skips mark.js marking every occurrence,
 * `--no-mark` skips mark.js altogether (quick checks of Cairn's side). `--quick` (implies `--no-mark`)
 * runs only the product's budgets (always-ready and real idle callbacks) and prints one short table:
 * for comparing two versions of the code in alternating runs on a busy machine. `--label <text>`
 * names the code measured in the report instead of asking git. `--baseline <dir>` (with `--quick`)
 * also runs the page-side code of another checkout (say a copy of the code before a change), on
 * alternate tabs of the same runs, and prints its table after this one's.
 * Markdown for docs/highlight-benchmark.md goes to stdout, progress to stderr. Only loopback
 * traffic: the page is served from 127.0.0.1 on a free port.
 */
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { loadBrownCorpus } from './brown-corpus.ts';
import type * as InPage from './highlight-in-page.ts';
import { buildPage, pickPhrases } from './highlight-page.ts';
import { printQuickReport, printReport, type Measurements, type SizeResults, type Traced } from './highlight-report.ts';
import { FULL_TRACE, LIGHT_TRACE, summarizeTrace } from './highlight-trace.ts';
import { mulberry32 } from './prng.ts';
import { DEFAULT_MAX_CHARS } from '../lib/page/scan-page.ts';
import { MAX_PAINTED_RANGES } from '../lib/page/paint-ranges.ts';

const SEED = 20_251_123;
const PAGE_CHARS = 1_000_000;
/** Effectively no work budget: with `maxChars: Infinity`, the whole page is scanned and timed. */
const UNLIMITED_MS = 1e9;
/** Cairn paints the first occurrences of each phrase (scanPage's `keepPerPhrase`). */
const KEPT_PER_PHRASE = 3;

type Bench = typeof InPage;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const runs = Number(option('--runs') ?? 5) || 5;
  const sizes = (option('--sizes') ?? '100,1000,5000').split(',').map(Number);
  const quick = args.includes('--quick');
  const markKept = !quick && !args.includes('--no-mark');
  const markAll = markKept && !args.includes('--no-mark-all');
  const largeMarkRuns = Number(option('--large-mark-runs') ?? 1);
  const markRuns = (size: number) => (size > 1_000 ? largeMarkRuns : runs);
  const startedAt = new Date();
  const loadBefore = os.loadavg();

  const require = createRequire(import.meta.url);
  const random = mulberry32(SEED);
  const css = readFileSync(new URL('../entrypoints/content/style.css', import.meta.url), 'utf8');
  const page = buildPage(loadBrownCorpus(), random, PAGE_CHARS, css);
  const phrases = pickPhrases(page.blocks, Math.max(...sizes), random);
  const bundle = await build({
    entryPoints: [new URL('./highlight-in-page.ts', import.meta.url).pathname],
    bundle: true, write: false, format: 'iife', globalName: 'highlightBench', platform: 'browser', target: 'es2022',
  });
  const baselineDir = quick ? option('--baseline') : undefined;
  const baselineBundle = baselineDir === undefined ? undefined : await build({
    entryPoints: [`${baselineDir}/bench/highlight-in-page.ts`],
    bundle: true, write: false, format: 'iife', globalName: 'highlightBench', platform: 'browser', target: 'es2022',
  });
  const routes: Record<string, { type: string; body: string }> = {
    '/': { type: 'text/html', body: page.html },
    '/bench.js': { type: 'text/javascript', body: bundle.outputFiles[0]!.text },
    '/baseline.js': { type: 'text/javascript', body: baselineBundle?.outputFiles[0]!.text ?? '' },
    '/mark.js': { type: 'text/javascript', body: readFileSync(require.resolve('mark.js'), 'utf8') },
  };
  const server = await serve(routes);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  const emptyResults = () => new Map<number, SizeResults>(sizes.map((size) => [size, {
    immediate: [], idle: [], full: [], idleFull: [], phases: [], markKept: [], markAll: [],
  }]));
  const results = emptyResults();
  const baselineResults = emptyResults();
  try {
    const context = await browser.newContext();
    for (let run = 1; run <= runs; run++) {
      for (const size of sizes) {
        const keys = phrases.keys.slice(0, size);
        const labels = phrases.labels.slice(0, size);
        const into = results.get(size)!;
        const step = (what: string) => console.error(`${(performance.now() / 1000).toFixed(0)} s: run ${run}/${runs}, ${size} phrases: ${what}`);
        step('Cairn');
        into.immediate.push(await cairn(context, base, { keys, idle: 'immediate' }));
        into.idle.push(await cairn(context, base, { keys, idle: 'requestIdleCallback' }));
        if (baselineDir !== undefined) {
          const other = baselineResults.get(size)!;
          other.immediate.push(await cairn(context, base, { keys, idle: 'immediate' }, '/baseline.js'));
          other.idle.push(await cairn(context, base, { keys, idle: 'requestIdleCallback' }, '/baseline.js'));
        }
        if (quick) continue;
        into.full.push(await cairn(context, base, { keys, idle: 'immediate', maxWorkMs: UNLIMITED_MS, maxChars: Infinity }));
        into.idleFull.push(await cairn(context, base, { keys, idle: 'requestIdleCallback', maxWorkMs: UNLIMITED_MS, maxChars: Infinity }));
        into.phases.push(await fresh(context, base, false, (tab) => traced(tab, FULL_TRACE, () =>
          tab.evaluate((data) => (globalThis as unknown as { highlightBench: Bench }).highlightBench.runPhases(data), keys))));
        if (!markKept || run > markRuns(size)) continue;
        step('mark.js');
        into.markKept.push(await mark(context, base, labels, KEPT_PER_PHRASE));
        if (markAll) into.markAll.push(await mark(context, base, labels, null));
      }
    }
    const measurements: Measurements = {
      date: startedAt.toISOString(),
      machine: `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${os.type()} ${os.release()}`,
      chromium: browser.version(),
      node: process.version,
      code: option('--label') ?? codeVersion(),
      loadBefore,
      loadAfter: os.loadavg(),
      runs,
      page: { chars: page.textLength, htmlBytes: Buffer.byteLength(page.html), articles: page.articles, elements: page.elements, blocks: page.blocks.length },
      keptPerPhrase: KEPT_PER_PHRASE,
      maxChars: DEFAULT_MAX_CHARS,
      maxPaintedRanges: MAX_PAINTED_RANGES,
      results,
    };
    if (quick) {
      printQuickReport(measurements);
      if (baselineDir !== undefined) printQuickReport({ ...measurements, code: `baseline ${baselineDir}`, results: baselineResults });
    } else {
      printReport(measurements);
    }
  } finally {
    await browser.close();
    server.close();
  }
}

/** Opens the page in a new tab, waits for it to be laid out and painted, runs `work`, closes the tab. */
async function fresh<T>(
  context: BrowserContext, base: string, withMark: boolean, work: (tab: Page) => Promise<T>, script = '/bench.js',
): Promise<T> {
  const tab = await context.newPage();
  try {
    await tab.goto(`${base}/`, { waitUntil: 'load' });
    await tab.addScriptTag({ url: script });
    if (withMark) await tab.addScriptTag({ url: '/mark.js' });
    await tab.evaluate(() => (globalThis as unknown as { highlightBench: Bench }).highlightBench.settle());
    return await work(tab);
  } finally {
    await tab.close();
  }
}

/** Runs `work` under Chromium's tracer and adds what the trace says about the main thread. */
async function traced<T>(tab: Page, categories: string[], work: () => Promise<T>): Promise<Traced<T>> {
  const browser = tab.context().browser()!;
  await browser.startTracing(tab, { categories });
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await browser.stopTracing();
    throw error;
  }
  const trace = await browser.stopTracing();
  return { ...result, trace: summarizeTrace(trace.toString('utf8')) };
}

function cairn(
  context: BrowserContext, base: string, options: InPage.CairnOptions, script?: string,
): Promise<Traced<InPage.CairnResult>> {
  return fresh(context, base, false, (tab) => traced(tab, FULL_TRACE, () =>
    tab.evaluate((data) => (globalThis as unknown as { highlightBench: Bench }).highlightBench.runCairn(data), options)), script);
}

function mark(context: BrowserContext, base: string, labels: string[], perPhrase: number | null): Promise<Traced<InPage.MarkResult>> {
  return fresh(context, base, true, (tab) => traced(tab, LIGHT_TRACE, () =>
    tab.evaluate(([words, limit]) => (globalThis as unknown as { highlightBench: Bench }).highlightBench.runMark(words, limit),
      [labels, perPhrase] as const)));
}

/** The commit measured, and which files of the product code differ from it (read-only git). */
function codeVersion(): string {
  const git = (...command: string[]) => execFileSync('git', command, { encoding: 'utf8' }).trimEnd();
  try {
    const changed = git('status', '--porcelain', '--', 'lib', 'entrypoints').split('\n').filter(Boolean).map((line) => line.slice(3));
    return `commit ${git('rev-parse', '--short', 'HEAD')}` + (changed.length > 0 ? ` plus uncommitted changes to ${changed.join(', ')}` : '');
  } catch {
    return 'unknown (no git)';
  }
}

function serve(routes: Record<string, { type: string; body: string }>): Promise<Server> {
  const server = createServer((request, response) => {
    const route = routes[new URL(request.url ?? '/', 'http://127.0.0.1').pathname];
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': `${route.type}; charset=utf-8`, 'cache-control': 'no-store' }).end(route.body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
