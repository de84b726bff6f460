/**
 * Highlighting benchmark in real Chromium: Cairn's content-script path (scanPage → paintRanges →
 * CSS.highlights) against mark.js, on a 1 MB page of English (the Brown corpus) with 100, 1,000
 * and 5,000 vocabulary phrases drawn from it. Fresh page for every run; median and max of the runs.
 * Cairn runs twice per size and idle mode: with the product's budgets (it reads the page's first
 * `DEFAULT_MAX_CHARS` characters) and with the budgets lifted (the whole megabyte).
 *
 *   node --import tsx bench/highlight-bench.ts [--runs 5] [--sizes 100,1000,5000] [--large-mark-runs 1]
 *                                              [--no-mark-all] [--no-mark] [--quick] [--painters [--pages 1mb,p90]]
 *
 * mark.js takes about 40 ms per phrase on this page (minutes at 5,000), so above 1,000 phrases it
 * runs `--large-mark-runs` times only. `--no-mark-all` skips mark.js marking every occurrence,
 * `--no-mark` skips mark.js altogether (quick checks of Cairn's side). `--quick` (implies `--no-mark`)
 * runs only the product's budgets (always-ready and real idle callbacks) and prints one short table:
 * for comparing two versions of the code in alternating runs on a busy machine. `--label <text>`
 * names the code measured in the report instead of asking git. `--baseline <dir>` (with `--quick`)
 * also runs the page-side code of another checkout (say a copy of the code before a change), on
 * alternate tabs of the same runs, and prints its table after this one's.
 * `--painters` measures instead the overlay painter against the Highlight API painter (issue 8,
 * bench/painter-bench.ts): scan and paint, scrolling and reflows, on this page and on a page of the
 * 90th percentile's size, at the largest of `--sizes` (default 5,000) phrases; `--pages 1mb,p90`
 * chooses the pages.
 * Markdown for docs/highlight-benchmark.md goes to stdout, progress to stderr. Only loopback
 * traffic: the page is served from 127.0.0.1 on a free port.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import type { BrowserContext } from '@playwright/test';
import { build } from 'esbuild';
import { loadBrownCorpus } from './brown-corpus.ts';
import { fresh, inPage, launchChromium, serve, traced, type Route } from './highlight-browser.ts';
import type * as InPage from './highlight-in-page.ts';
import { buildPage, P90_PAGE_CHARS, PAGE_CHARS, pickPhrases, SEED } from './highlight-page.ts';
import { printQuickReport, printReport, type Measurements, type SizeResults, type Traced } from './highlight-report.ts';
import { FULL_TRACE, LIGHT_TRACE } from './highlight-trace.ts';
import { comparePainters, LIGHT_REFLOWS, REFLOW_STEPS } from './painter-bench.ts';
import { printPainterReport } from './painter-report.ts';
import { mulberry32 } from './prng.ts';
import { DEFAULT_MAX_CHARS } from '../lib/page/scan-page.ts';
import { MAX_PAINTED_RANGES } from '../lib/page/paint-ranges.ts';

/** Effectively no work budget: with `maxChars: Infinity`, the whole page is scanned and timed. */
const UNLIMITED_MS = 1e9;
/** Cairn paints the first occurrences of each phrase (scanPage's `keepPerPhrase`). */
const KEPT_PER_PHRASE = 3;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const runs = Number(option('--runs') ?? 5) || 5;
  const painters = args.includes('--painters');
  const sizes = (option('--sizes') ?? (painters ? '5000' : '100,1000,5000')).split(',').map(Number);
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
  const corpus = loadBrownCorpus();
  const page = buildPage(corpus, random, PAGE_CHARS, css);
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
  // The same seed from the start gives the big page's first articles, cut at the smaller size.
  const p90 = painters ? buildPage(corpus, mulberry32(SEED), P90_PAGE_CHARS, css) : undefined;
  const routes: Record<string, Route> = {
    '/p90': { type: 'text/html', body: p90?.html ?? '' },
    '/': { type: 'text/html', body: page.html },
    '/bench.js': { type: 'text/javascript', body: bundle.outputFiles[0]!.text },
    '/baseline.js': { type: 'text/javascript', body: baselineBundle?.outputFiles[0]!.text ?? '' },
    '/mark.js': { type: 'text/javascript', body: readFileSync(require.resolve('mark.js'), 'utf8') },
  };
  const server = await serve(routes);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium().catch((error: unknown) => {
    server.close();
    throw error;
  });
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores (nproc), ${os.type()} ${os.release()}`;
  if (painters) {
    try {
      const context = await browser.newContext();
      const wanted = (option('--pages') ?? '1mb,p90').split(',');
      const pages = [
        { id: '1mb', name: '1 MB page', path: '/', chars: page.textLength, htmlBytes: Buffer.byteLength(page.html), reflowSteps: LIGHT_REFLOWS },
        { id: 'p90', name: 'p90 page', path: '/p90', chars: p90!.textLength, htmlBytes: Buffer.byteLength(p90!.html), reflowSteps: REFLOW_STEPS },
      ].filter((entry) => wanted.includes(entry.id));
      const keys = phrases.keys.slice(0, Math.max(...sizes));
      const results = await comparePainters({ context, base, pages, keys, runs });
      printPainterReport({
        date: startedAt.toISOString(), machine, chromium: browser.version(), node: process.version,
        code: option('--label') ?? codeVersion(), loadBefore, loadAfter: os.loadavg(), runs,
        phrases: keys.length, maxPaintedRanges: MAX_PAINTED_RANGES, pages: results,
      });
    } finally {
      await browser.close();
      server.close();
    }
    return;
  }
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
        into.phases.push(await fresh(context, base, {}, (tab) => traced(tab, FULL_TRACE, () => inPage(tab, 'runPhases', keys))));
        if (!markKept || run > markRuns(size)) continue;
        step('mark.js');
        into.markKept.push(await mark(context, base, labels, KEPT_PER_PHRASE));
        if (markAll) into.markAll.push(await mark(context, base, labels, null));
      }
    }
    const measurements: Measurements = {
      date: startedAt.toISOString(),
      machine,
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

function cairn(
  context: BrowserContext, base: string, options: InPage.CairnOptions, script?: string,
): Promise<Traced<InPage.CairnResult>> {
  return fresh(context, base, { script }, (tab) => traced(tab, FULL_TRACE, () => inPage(tab, 'runCairn', options)));
}

function mark(context: BrowserContext, base: string, labels: string[], perPhrase: number | null): Promise<Traced<InPage.MarkResult>> {
  return fresh(context, base, { withMark: true }, (tab) => traced(tab, LIGHT_TRACE, () => inPage(tab, 'runMark', labels, perPhrase)));
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

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
