/**
 * Linking at collection size (issue 9): `npm run bench:linking [-- --sizes 0,2000,10000,50000]`.
 * For each size, a fresh collection of the five default articles plus that many Brown pieces
 * (tests/distractors/brown-pieces.ts; past 2,004 they are reshuffled sentences of the same genre,
 * so their vocabulary is less varied than real reading), imported through the collection writer
 * over fake-indexeddb in files of 500, then mined by the linking engine. Prints Markdown for
 * docs/linking-benchmark.md.
 */
import 'fake-indexeddb/auto';
import os from 'node:os';
import { CairnDb } from '../lib/background/db/cairn-db.ts';
import { createApp, type App } from '../lib/background/create-app.ts';
import { createLinkingEngine } from '../lib/background/linking-engine.ts';
import { memorySettingsStore, memoryTabStore } from '../lib/background/linking-stores.ts';
import { PageReader } from '../lib/page/page-reader.ts';
import { DEFAULT_LINKING_SETTINGS } from '../lib/shared/linking/site-policy.ts';
import { parseScrapedArticle } from '../lib/shared/text/parse-scraped-article.ts';
import { fakeEffects } from '../tests/integration/fake-effects.ts';
import { readWordVectors } from '../tests/integration/read-word-vectors.ts';
// The word table is installed up front: `evaluate` ranks pages itself, outside the engine that would load it first.
import '../tests/install-word-vectors.ts';
import { addDistractors, storeDistractorsDirect, evaluate, labelledPages, labelledText, summarize } from '../tests/integration/linking-set.ts';
import { nodeSeeds } from './node-seeds.ts';
import { prepareArticles } from '../lib/background/store-articles.ts';

const sizesArg = process.argv.indexOf('--sizes');
const SIZES = sizesArg > 0 ? process.argv[sizesArg + 1]!.split(',').map(Number) : [0, 2000, 10_000, 50_000];
/**
 * `--direct`: store the pieces straight into the articles table and let linking mine them (`storeDistractorsDirect`), without
 * the collection writer. The search index then does not follow (its whole-snapshot saves, issue 10,
 * take most of an import of 50,000 through the writer over fake-indexeddb); linking's own figures
 * are the same either way.
 */
const DIRECT = process.argv.includes('--direct');

function startApp(name: string): { app: App; db: CairnDb } {
  const db = new CairnDb(name);
  const app = createApp({
    db, seeds: nodeSeeds(), parseSeed: parseScrapedArticle, self: { id: 'bench', origin: 'chrome-extension://bench/' },
    settings: memorySettingsStore(DEFAULT_LINKING_SETTINGS), tabs: memoryTabStore(), effects: fakeEffects(), loadWordVectors: readWordVectors,
  });
  return { app, db };
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/**
 * Main-thread time of the content script's reading (`PageReader.read` and `report`), median of 21
 * after a warm-up, on a text; an upper bound, since every word is taken to be in some phrase.
 */
function readMs(text: string): number {
  const reader = new PageReader();
  const times: number[] = [];
  for (let run = 0; run < 22; run++) {
    reader.reset();
    const started = performance.now();
    reader.read(text, 0);
    // As if every word of the page were in some phrase: the most the page can have to hash.
    reader.report(text.length, reader.words().map((_, i) => i));
    if (run > 0) times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[10]!;
}

interface Row {
  size: number;
  recall: number;
  unrelatedListing: number;
  unrelatedSeed: number;
  phrases: number;
  terms: number;
  indexMb: number;
  storedMb: number;
  heapMb: number;
  importS: number;
  mineS: number;
  longestSliceMs: number;
  wakeMs: number;
  linkOneMs: number;
}

// The page side first, before the collections fill the heap: it never depends on them.
const p90 = labelledTextOfSize(35_000);
const big = labelledTextOfSize(1_000_000);
const readP90 = readMs(p90);
const readBig = readMs(big.slice(0, 100_000));

const rows: Row[] = [];
for (const size of SIZES) {
  const { app, db } = startApp(`bench-linking-${size}`);
  await app.ready;
  await app.linking.settled();
  const seedIds = new Map((await db.articles.toArray()).filter((a) => a.origin === 'seed').map((a) => [a.id, a.fileName!.replace(/\.txt$/, '')]));
  let started = performance.now();
  if (DIRECT) await storeDistractorsDirect(app, db, size);
  else await addDistractors(app, size);
  await app.linking.settled();
  if (!DIRECT) await app.engine.flush();
  const importS = (performance.now() - started) / 1000;
  const summary = summarize(await evaluate(app, seedIds));

  // A full re-mine (a format change, or a worker that lost every row): a fresh engine over the
  // same articles, alone on the thread, with the longest stretch between two timer ticks.
  await db.links.clear();
  const remine = createLinkingEngine({ db, loadWordVectors: readWordVectors });
  let longest = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 0);
  started = performance.now();
  remine.changed({});
  await remine.settled();
  const mineS = (performance.now() - started) / 1000;
  clearInterval(ticker);
  const index = await remine.load();

  // A worker waking: a fresh engine reads every stored row into a new index.
  started = performance.now();
  await createLinkingEngine({ db, loadWordVectors: readWordVectors }).load();
  const wakeMs = performance.now() - started;
  // Bytes of the rows' contents: text as UTF-16, numbers and typed arrays at 8 (or 4) bytes each.
  const storedMb = (await db.links.toArray()).reduce((sum, row) => sum
    + 2 * [...row.keys, ...row.labels, row.kinds].reduce((chars, text) => chars + text.length, 0)
    + 8 * (row.weights.length + row.variantOf.length) + row.phraseHashes.byteLength + row.termHashes.byteLength
    + row.termWeights.byteLength + row.wordHashes.byteLength, 0) / 2 ** 20;

  // One new article, from the write to the index holding it (the app's engine, as a user pastes).
  const page = labelledPages().find((p) => p.file.includes('wic-wuzhen'))!;
  await app.linking.load();
  started = performance.now();
  const note = { title: 'Notes on the Wuzhen summit', body: labelledText(page), origin: 'paste' as const };
  if (DIRECT) {
    await db.articles.add((await prepareArticles([note], Date.now()))[0]!);
    app.linking.changed({});
  } else {
    await app.writer.add([note], {});
  }
  await app.linking.settled();
  const linkOneMs = performance.now() - started;

  rows.push({
    size, recall: summary.recallAt3, unrelatedListing: summary.unrelatedListing, unrelatedSeed: summary.unrelatedListingSeed,
    phrases: index.phrases.size, terms: index.terms.size, indexMb: index.bytes / 2 ** 20, heapMb: heapMb(), storedMb,
    importS, mineS, longestSliceMs: longest, wakeMs, linkOneMs,
  });
  console.error(JSON.stringify(rows.at(-1)));
  await app.engine.flush();
  db.close();
}

const fmt = (n: number, d = 1) => n.toFixed(d);
console.log(`Run ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}.\n`);
console.log('| articles | recall@3 | unrelated listing anything | … a default article | phrase postings | term postings | index in memory | rows stored | heap after | import (+ mining) | full re-mine | longest task of it | wake (read rows) | link one new article |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.size + 5} | ${fmt(100 * r.recall, 0)} % | ${fmt(100 * r.unrelatedListing, 0)} % | ${fmt(100 * r.unrelatedSeed, 0)} % | ${r.phrases.toLocaleString('en')} | ${r.terms.toLocaleString('en')} | ${fmt(r.indexMb)} MB | ${fmt(r.storedMb)} MB | ${fmt(r.heapMb, 0)} MB | ${fmt(r.importS)} s | ${fmt(r.mineS)} s | ${fmt(r.longestSliceMs, 0)} ms | ${fmt(r.wakeMs, 0)} ms | ${fmt(r.linkOneMs, 0)} ms |`);
}
console.log(`\nContent script, \`PageReader\` in Node (median of 21): 35 KB page ${fmt(readP90, 2)} ms, the first 100,000 characters of a 1 MB page ${fmt(readBig, 2)} ms. Upper bounds (every word taken to be in some phrase); the same at every collection size: the page never sees the vocabulary.`);

/** Labelled pages' text, repeated to about `chars` characters. */
function labelledTextOfSize(chars: number): string {
  const texts = labelledPages().map(labelledText);
  let text = '';
  for (let i = 0; text.length < chars; i++) text += `${texts[i % texts.length]}\n`;
  return text.slice(0, chars);
}
