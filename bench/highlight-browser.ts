/**
 * Browser plumbing for bench/highlight-bench.ts: a loopback server for the bench pages, Chromium,
 * fresh tabs with the page-side code loaded, and Chromium's tracer around one measurement.
 */
import { createServer, type Server } from 'node:http';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { findChromium, NO_CHROMIUM_HELP } from '../tests/e2e/find-chromium.ts';
import type * as InPage from './highlight-in-page.ts';
import type { Traced } from './highlight-report.ts';
import { summarizeTrace } from './highlight-trace.ts';

/** The page-side code, as the bundle sets it on `globalThis`. */
export type Bench = typeof InPage;

export interface Route {
  type: string;
  body: string;
}

/** Serves `routes` (path → body) on 127.0.0.1, on a free port. */
export function serve(routes: Record<string, Route>): Promise<Server> {
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

export function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`highlight-browser: ${NO_CHROMIUM_HELP}`);
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run',
      // V8 flags for experiments (say `--no-concurrent-recompilation`), never needed for a measurement.
      ...(process.env.CAIRN_BENCH_JS_FLAGS ? [`--js-flags=${process.env.CAIRN_BENCH_JS_FLAGS}`] : [])],
  });
}

export interface TabOptions {
  /** Page path on the bench server; default `/`. */
  path?: string;
  /** The bundle of page-side code; default `/bench.js`. */
  script?: string;
  /** Also load mark.js. */
  withMark?: boolean;
}

/** Opens a page in a new tab, waits for it to be laid out and painted, runs `work`, closes the tab. */
export async function fresh<T>(context: BrowserContext, base: string, options: TabOptions, work: (tab: Page) => Promise<T>): Promise<T> {
  const tab = await context.newPage();
  try {
    await tab.goto(`${base}${options.path ?? '/'}`, { waitUntil: 'load' });
    await tab.addScriptTag({ url: options.script ?? '/bench.js' });
    if (options.withMark) await tab.addScriptTag({ url: '/mark.js' });
    await inPage(tab, 'settle');
    return await work(tab);
  } finally {
    await tab.close();
  }
}

/** Runs `work` under Chromium's tracer and adds what the trace says about the main thread. */
export async function traced<T extends object>(tab: Page, categories: string[], work: () => Promise<T>): Promise<Traced<T>> {
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

type Callable = { [K in keyof Bench]: Bench[K] extends (...args: never[]) => unknown ? K : never }[keyof Bench];

/** Calls the page-side function `name` with `args` (which must survive structured cloning). */
export function inPage<K extends Callable>(
  tab: Page, name: K, ...args: Parameters<Bench[K]>
): Promise<Awaited<ReturnType<Bench[K]>>> {
  return tab.evaluate(([fn, list]) => {
    const bench = (globalThis as unknown as { highlightBench: Record<string, (...values: unknown[]) => unknown> }).highlightBench;
    return bench[fn]!(...list);
  }, [name, args as unknown[]] as const) as Promise<Awaited<ReturnType<Bench[K]>>>;
}
