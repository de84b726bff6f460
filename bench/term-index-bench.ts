/// <reference types="node" />
/**
 * Issue 10: the stored term index against the whole-index snapshot it replaces, side by side in
 * one process per collection size, both over fake-indexeddb (so every IndexedDB read and write
 * is counted, in Node's speed rather than Chromium's).
 * `npm run bench:index [-- --sizes 1000,10000,50000 --queries 300]`
 */
import 'fake-indexeddb/auto';
import { fork } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CairnDb } from '../lib/background/db/cairn-db.ts';
import { snapshotOf } from '../lib/background/db/load-or-rebuild.ts';
import { bumpRevision } from '../lib/background/db/revision.ts';
import { listingOf } from '../lib/background/db/listing-of.ts';
import { searchSnapshot, createIndex, type SearchIndex } from '../lib/background/search/snapshot.ts';
import { searchArticles } from '../lib/background/search/search-articles.ts';
import { createSearchEngine } from '../lib/background/search-engine.ts';
import type { Article } from '../lib/protocol.ts';
import { loadBrownCorpus } from './brown-corpus.ts';
import { makeArticles, type BenchArticle } from './make-articles.ts';
import { makeQueries } from './queries.ts';
import { percentiles, settledHeap } from './stats.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,50000' },
    queries: { type: 'string', default: '300' },
    /** `terms` alone skips the old snapshot design (minutes at 50,000 articles). */
    designs: { type: 'string', default: 'terms,snapshot' },
    child: { type: 'string' },
  },
});
const QUERY_COUNT = Number(values.queries);
const MB = 2 ** 20;

export interface DesignResult {
  buildMs: number;
  storedBytes: number;
  /** Open + first query with snippets, three wakes, each with another first query. */
  wakeMs: number[];
  heapAfterWakeMB: number;
  heapAfter100MB: number;
  p50: number;
  p95: number;
  p99: number;
  /** Saving one added article, until it is stored (median of 5). */
  saveOneMs: number;
}

function stored(article: BenchArticle, now: number): Article {
  return { ...article, origin: 'file', importedAt: now, contentHash: article.id.toString(16).padStart(64, '0') };
}

async function fill(db: CairnDb, articles: BenchArticle[]): Promise<number> {
  const rows = articles.map((a) => stored(a, 1_700_000_000_000));
  for (let i = 0; i < rows.length; i += 2000) {
    const part = rows.slice(i, i + 2000);
    await db.transaction('rw', [db.articles, db.listing], async () => {
      await db.articles.bulkAdd(part);
      await db.listing.bulkAdd(part.map(listingOf));
    });
  }
  return db.transaction('rw', db.meta, () => bumpRevision(db));
}

/** Bytes of the index's rows as IndexedDB holds them: typed arrays by their length, strings as UTF-8. */
async function indexBytes(db: CairnDb): Promise<number> {
  let bytes = 0;
  const utf8 = (text: string) => Buffer.byteLength(text);
  await db.termBuckets.each((row) => (bytes += utf8(row.bucket) + utf8(row.terms) + 8 + row.ends.byteLength + row.data.byteLength));
  await db.fieldLengths.each((row) => (bytes += row.ids.byteLength + row.lengths.byteLength));
  await db.termIndex.each((row) => (bytes += row.key === 'terms' ? utf8(row.terms) + row.counts.byteLength : 200));
  return bytes;
}

/** Wakes once per first query, each dropping the one before: the times, and the heap the last one holds. */
async function timeWakes<T>(firsts: string[], wake: (first: string) => Promise<T>) {
  const heapBase = settledHeap();
  const wakeMs: number[] = [];
  let woken: T | undefined;
  for (const first of firsts) {
    woken = undefined;
    const start = performance.now();
    woken = await wake(first);
    wakeMs.push(performance.now() - start);
  }
  return { wakeMs, heapAfterWakeMB: (settledHeap() - heapBase) / MB, heapBase, woken: woken! };
}

async function timeQueries(run: (query: string) => Promise<unknown>, queries: string[], heapBase: number) {
  const times: number[] = [];
  let heapAfter100 = 0;
  for (const [i, query] of queries.entries()) {
    const start = performance.now();
    await run(query);
    times.push(performance.now() - start);
    if (i === 99) heapAfter100 = (settledHeap() - heapBase) / MB;
  }
  return { ...percentiles(times), heapAfter100 };
}

async function measureTermIndex(name: string, queries: string[], firsts: string[], extra: BenchArticle[]): Promise<DesignResult> {
  let start = performance.now();
  await createSearchEngine({ db: new CairnDb(name) }).load();
  const buildMs = performance.now() - start;
  const db = new CairnDb(name);
  const storedBytes = await indexBytes(db);
  const { wakeMs, heapAfterWakeMB, heapBase, woken } = await timeWakes(firsts, async (first) => {
    const engine = createSearchEngine({ db: new CairnDb(name) });
    await engine.search(first, 20);
    return engine;
  });
  const timing = await timeQueries((query) => woken.search(query, 20), queries, heapBase);
  const saves: number[] = [];
  for (const article of extra) {
    const row = stored(article, Date.now());
    const revision = await db.transaction('rw', [db.articles, db.listing, db.meta], async () => {
      await db.articles.add(row);
      await db.listing.add(listingOf(row));
      return bumpRevision(db);
    });
    start = performance.now();
    await woken.applyChange({ added: [row], revision });
    await woken.flush();
    saves.push(performance.now() - start);
  }
  return { buildMs, storedBytes, wakeMs, heapAfterWakeMB, heapAfter100MB: timing.heapAfter100, ...pick(timing), saveOneMs: percentiles(saves).p50 };
}

/** The design before issue 10: one MiniSearch, saved whole as a JSON snapshot, restored whole at wake. */
async function measureSnapshot(name: string, articles: BenchArticle[], queries: string[], firsts: string[], extra: BenchArticle[]): Promise<DesignResult> {
  const db = new CairnDb(name);
  const revision = (await db.meta.get('revision'))!.value as number;
  let start = performance.now();
  let index: SearchIndex | null = createIndex();
  index.addAll(articles);
  const save = async (value: SearchIndex, at: number) => {
    const record = snapshotOf(searchSnapshot, value, { revision: at, documentCount: value.documentCount, damaged: [] }, Date.now());
    await db.snapshots.put(record);
    return Buffer.byteLength(record.json);
  };
  const storedBytes = await save(index, revision);
  const buildMs = performance.now() - start;
  index = null;
  const { wakeMs, heapAfterWakeMB, heapBase, woken: current } = await timeWakes(firsts, async (first) => {
    const record = (await new CairnDb(name).snapshots.get('search'))!;
    const restored = searchSnapshot.restore(record.json, record.stamp)!;
    await searchArticles(db, async () => restored, first, 20, () => undefined);
    return restored;
  });
  const timing = await timeQueries((query) => searchArticles(db, async () => current, query, 20, () => undefined), queries, heapBase);
  const saves: number[] = [];
  for (const article of extra.slice(0, 2)) {
    start = performance.now();
    current.add(article);
    await save(current, revision);
    saves.push(performance.now() - start);
  }
  return { buildMs, storedBytes, wakeMs, heapAfterWakeMB, heapAfter100MB: timing.heapAfter100, ...pick(timing), saveOneMs: percentiles(saves).p50 };
}

function pick({ p50, p95, p99 }: { p50: number; p95: number; p99: number }) {
  return { p50, p95, p99 };
}

async function measureSize(size: number): Promise<void> {
  const corpus = loadBrownCorpus();
  const all = makeArticles(corpus, size + 5);
  const articles = all.slice(0, size);
  const extra = all.slice(size);
  const { mix } = makeQueries(corpus, QUERY_COUNT);
  const queries = mix.map((q) => q.text);
  const firsts = ['gover', 'the report', 'president kennedy'];
  const name = `bench-terms-${size}`;
  const db = new CairnDb(name);
  await fill(db, articles);
  console.error(`[${size}] stored; term index…`);
  const terms = await measureTermIndex(name, queries, firsts, extra);
  if (!values.designs.split(',').includes('snapshot')) {
    process.send?.({ size, terms });
    return;
  }
  console.error(`[${size}] term index done; snapshot…`);
  await db.transaction('rw', [db.articles, db.listing], async () => {
    await db.articles.bulkDelete(extra.map((a) => a.id));
    await db.listing.bulkDelete(extra.map((a) => a.id));
  });
  const snapshot = await measureSnapshot(name, articles, queries, firsts, extra);
  process.send?.({ size, terms, snapshot });
}

async function main(): Promise<void> {
  const sizes = values.sizes.split(',').map(Number);
  console.log(`machine: ${os.cpus()[0]?.model} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${new Date().toISOString()}, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const rows: { size: number; terms: DesignResult; snapshot?: DesignResult }[] = [];
  for (const size of sizes) {
    const result = await new Promise<(typeof rows)[number]>((resolve, reject) => {
      const child = fork(fileURLToPath(import.meta.url), ['--child', String(size), '--queries', String(QUERY_COUNT), '--designs', values.designs], {
        execArgv: [...process.execArgv, '--expose-gc', '--max-old-space-size=12000'],
      });
      let got: (typeof rows)[number] | undefined;
      child.on('message', (message) => (got = message as (typeof rows)[number]));
      child.on('exit', (code) => (got ? resolve(got) : reject(new Error(`bench: size ${size} exited with ${code}`))));
    });
    rows.push(result);
    console.log(`load after ${size}: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    console.log(JSON.stringify(result));
  }
  const f = (n: number, digits = 1) => n.toFixed(digits);
  console.log('\n| articles | design | build | stored | wake to first answer (3 wakes) | heap after wake | after 100 queries | p50 | p95 | p99 | save one article |');
  console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { size, terms, snapshot } of rows) {
    for (const [label, r] of [['term index', terms], ['snapshot', snapshot]] as const) {
      if (!r) continue;
      console.log(`| ${size.toLocaleString('en')} | ${label} | ${f(r.buildMs / 1000)} s | ${f(r.storedBytes / MB)} MB | ${r.wakeMs.map((ms) => f(ms, 0)).join(' / ')} ms | ${f(r.heapAfterWakeMB)} MB | ${f(r.heapAfter100MB)} MB | ${f(r.p50)} ms | ${f(r.p95)} ms | ${f(r.p99)} ms | ${f(r.saveOneMs)} ms |`);
    }
  }
}

if (values.child) await measureSize(Number(values.child));
else await main();
