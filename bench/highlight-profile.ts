/**
 * Where the page side's scan spends its time in Chromium (issue 9): V8's sampling profiler from
 * the scan's start to its end (`console.profile` in `runCairn`, bench/highlight-in-page.ts) on the
 * 1 MB page of bench/highlight-bench.ts (or `--p90`), a fresh tab per run, the scan worked in one
 * stretch (`idle: 'immediate'`). Prints the functions with the most self time per run, and the
 * same for a `--baseline <checkout>` on alternate tabs.
 *
 *   node --import tsx bench/highlight-profile.ts [--runs 5] [--phrases 100] [--top 25] [--baseline <dir>] [--p90]
 *                                                [--warm <scans> | --cold | --trace-phases]
 *
 * `--warm 3` instead scans the page 3 times in the tab and then measures a fourth scan's CPU from
 * the trace (`--cold`: the first scan, as highlight-bench.ts does): the difference is what running
 * unoptimised code costs on a fresh page. `--trace-phases` gives the CPU of `runPhases`' steps.
 * The profiler slows the code it samples (about twofold here): read its figures as shares.
 * Self time of a function is where the sampler found it running; "(program)" is the engine outside
 * JavaScript, "(garbage collector)" is GC. Chromium's V8 flags can be set for an experiment with
 * `CAIRN_BENCH_JS_FLAGS` (bench/highlight-browser.ts). Only loopback traffic: the page is served
 * from 127.0.0.1 on a free port.
 */
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import type { BrowserContext, CDPSession } from '@playwright/test';
import { build } from 'esbuild';
import { loadBrownCorpus } from './brown-corpus.ts';
import { fresh, inPage, launchChromium, serve, traced, type Route } from './highlight-browser.ts';
import { cpuBetween, FULL_TRACE, START } from './highlight-trace.ts';
import { buildPage, P90_PAGE_CHARS, PAGE_CHARS, pickPhrases, SEED } from './highlight-page.ts';
import { mulberry32 } from './prng.ts';

/** Microseconds between samples: fine enough for a scan of a few tens of milliseconds. */
const SAMPLING_US = 100;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const runs = Number(option('--runs') ?? 5) || 5;
  const size = Number(option('--phrases') ?? 100) || 100;
  const top = Number(option('--top') ?? 25) || 25;
  const baselineDir = option('--baseline');
  const tracePhases = args.includes('--trace-phases');
  const warmRuns = Number(option('--warm') ?? 0);
  const coldScan = args.includes('--cold');
  const css = readFileSync(new URL('../entrypoints/content/style.css', import.meta.url), 'utf8');
  const corpus = loadBrownCorpus();
  const page = buildPage(corpus, mulberry32(SEED), args.includes('--p90') ? P90_PAGE_CHARS : PAGE_CHARS, css);
  const keys = pickPhrases(buildPage(corpus, mulberry32(SEED), PAGE_CHARS, css).blocks, size, mulberry32(SEED)).keys;
  const bundle = (entry: string) => build({
    entryPoints: [entry], bundle: true, write: false, format: 'iife', globalName: 'highlightBench', platform: 'browser',
    target: 'es2022', sourcemap: 'inline',
  });
  const mine = await bundle(new URL('./highlight-in-page.ts', import.meta.url).pathname);
  const old = baselineDir === undefined ? undefined : await bundle(`${baselineDir}/bench/highlight-in-page.ts`);
  const routes: Record<string, Route> = {
    '/': { type: 'text/html', body: page.html },
    '/bench.js': { type: 'text/javascript', body: mine.outputFiles[0]!.text },
    '/baseline.js': { type: 'text/javascript', body: old?.outputFiles[0]!.text ?? '' },
  };
  const server = await serve(routes);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  const totals = { mine: new Map<string, number>(), old: new Map<string, number>() };
  const wall = { mine: [] as number[], old: [] as number[] };
  try {
    const context = await browser.newContext();
    for (let run = 1; run <= runs; run++) {
      console.error(`run ${run}/${runs}`);
      wall.mine.push(await profiled(context, base, '/bench.js', keys, totals.mine, { tracePhases, warmRuns, coldScan }));
      if (old) wall.old.push(await profiled(context, base, '/baseline.js', keys, totals.old, { tracePhases, warmRuns, coldScan }));
    }
  } finally {
    await browser.close();
    server.close();
  }
  print('this checkout', totals.mine, wall.mine, runs, top);
  if (old) print(`baseline ${baselineDir}`, totals.old, wall.old, runs, top);
}

/** One fresh tab: profiles `runCairn` and adds each function's self time (ms) into `into`; returns the scan's time. */
async function profiled(
  context: BrowserContext, base: string, script: string, keys: string[], into: Map<string, number>,
  { tracePhases, warmRuns, coldScan }: { tracePhases: boolean; warmRuns: number; coldScan: boolean },
): Promise<number> {
  return fresh(context, base, { script }, async (tab) => {
    const cdp: CDPSession = await context.newCDPSession(tab);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    if (warmRuns > 0 || coldScan) {
      for (let i = 0; i < warmRuns; i++) await inPage(tab, 'runCairn', { keys, idle: 'immediate' });
      const run = await traced(tab, FULL_TRACE, () => inPage(tab, 'runCairn', { keys, idle: 'immediate' }));
      const ms = cpuBetween(run.trace, START, 'scanned');
      into.set(`scan CPU after ${warmRuns} warm-up scans`, (into.get(`scan CPU after ${warmRuns} warm-up scans`) ?? 0) + ms);
      return ms;
    }
    if (tracePhases) {
      const run = await traced(tab, FULL_TRACE, () => inPage(tab, 'runPhases', keys));
      const steps = [START, 'collected', 'unpacked', 'worded', 'found', 'kept'];
      for (let i = 1; i < steps.length; i++) {
        const ms = cpuBetween(run.trace, steps[i - 1]!, steps[i]!);
        into.set(`CPU to ${steps[i]}`, (into.get(`CPU to ${steps[i]}`) ?? 0) + ms);
      }
      into.set('GC', (into.get('GC') ?? 0) + run.trace.gcMs);
      return cpuBetween(run.trace, START, 'kept');
    }
    const finished = new Promise<Profile>((resolve) => cdp.once('Profiler.consoleProfileFinished', (event) => resolve(event.profile as unknown as Profile)));
    const result = await inPage(tab, 'runCairn', { keys, idle: 'immediate', profile: true });
    const profile = await finished;
    await cdp.detach();
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    for (let i = 0; i < profile.samples.length; i++) {
      const node = byId.get(profile.samples[i]!)!;
      const { functionName, url, lineNumber } = node.callFrame;
      const where = url === '' ? '' : ` ${url.slice(url.lastIndexOf('/') + 1)}:${lineNumber + 1}`;
      const name = `${functionName || '(anonymous)'}${where}`;
      into.set(name, (into.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
    }
    return result.scanMs;
  });
}

function print(label: string, totals: Map<string, number>, scans: number[], runs: number, top: number): void {
  const sorted = [...totals].filter(([name]) => name !== '(idle)').sort((a, b) => b[1] - a[1]);
  const all = sorted.reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`\n${label}: scan wall ${scans.map((ms) => ms.toFixed(1)).join(', ')} ms; profiled (not idle) ${(all / runs).toFixed(1)} ms a run`);
  for (const [name, ms] of sorted.slice(0, top)) console.log(`${(ms / runs).toFixed(2).padStart(8)} ms  ${name}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
