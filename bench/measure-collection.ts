/// <reference types="node" />
import os from 'node:os';
import { loadBrownCorpus } from './brown-corpus.ts';
import { makeArticles, type BenchArticle } from './make-articles.ts';
import { measureIndex, measureRestoreParts, PRODUCT_INDEX, TITLE_SHARD } from './measure-index.ts';
import { measureColumnar, measureTokenizer } from './measure-ideas.ts';
import { measureQuerySet } from './measure-queries.ts';
import { CURRENT, type SearchVariant } from './product-search.ts';
import { makeQueries } from './queries.ts';
import type { CollectionResult, VariantResult } from './results.ts';
import { loadSeedArticles, type SeedParser } from './seed-articles.ts';
import { settledHeap } from './stats.ts';

/** The product as it is, then the cheap design changes tried against the same queries. */
export const VARIANTS: SearchVariant[] = [
  CURRENT,
  { name: 'prefix from 3 letters', minPrefix: 3 },
  { name: 'typos only as fallback', fuzzyOnlyAsFallback: true },
  { name: 'prefix from 3 + typos as fallback', minPrefix: 3, fuzzyOnlyAsFallback: true },
];

/** Everything measured for one collection: 0 articles means the seeds. */
export async function measureCollection(size: number, queryCount: number): Promise<CollectionResult> {
  const started = performance.now();
  const loadAtStart = os.loadavg()[0]!;
  const corpus = loadBrownCorpus();
  const queries = makeQueries(corpus, queryCount);
  let parser: SeedParser | undefined;
  let articles: BenchArticle[];
  if (size === 0) {
    ({ articles, parser } = await loadSeedArticles());
  } else {
    articles = makeArticles(corpus, size);
  }
  const articleById = (id: number) => articles[id - 1]!;
  log(size, `${articles.length} articles ready`);

  // The title shard goes first, into a heap without the full index, as it would in a split design.
  const title = measureIndex(articles, TITLE_SHARD);
  log(size, `title shard restored in ${title.cost.snapshot.restoreMs.map((ms) => ms.toFixed(0)).join('/')} ms`);

  const baseHeapBytes = settledHeap();
  const split: { parts?: ReturnType<typeof measureRestoreParts> } = {};
  const full = measureIndex(articles, PRODUCT_INDEX, (snapshot) => (split.parts = measureRestoreParts(snapshot.json)));
  const heapAfterBuildBytes = baseHeapBytes + full.cost.heapBytes;
  log(size, `built in ${full.cost.buildMs.toFixed(0)} ms, restored in ${full.cost.snapshot.restoreMs.map((ms) => ms.toFixed(0)).join('/')} ms`);
  const { parts } = split;
  if (!parts) throw new Error('measure-collection: the restore was not split');
  const columnar = measureColumnar(full.restored, queries.mix);
  log(size, `columnar restore ${columnar.restoreMs.map((ms) => ms.toFixed(0)).join('/')} ms, ${columnar.mismatches.length} mismatches`);
  const tokenizer = measureTokenizer(articles);

  const variants: VariantResult[] = VARIANTS.map((variant) => {
    const measure = (set: typeof queries.mix) => measureQuerySet(full.restored, articleById, set, variant);
    const result = { variant: variant.name, mix: measure(queries.mix), oneChar: measure(queries.oneChar), twoChar: measure(queries.twoChar) };
    log(size, `${variant.name}: mix p95 ${result.mix.search[1].p95.toFixed(2)} ms`);
    return result;
  });

  const titleShard = { ...title.cost, mix: measureQuerySet(title.restored, articleById, queries.mix, CURRENT) };

  return {
    label: size === 0 ? 'seeds' : `${size.toLocaleString('en')} articles`,
    articles: articles.length,
    ...(parser ? { parser } : {}),
    bodyWords: articles.reduce((n, a) => n + a.body.split(/\s+/).filter(Boolean).length, 0),
    bodyChars: articles.reduce((n, a) => n + a.body.length, 0),
    baseHeapBytes,
    heapAfterBuildBytes,
    full: full.cost,
    ...parts,
    columnar,
    tokenizer,
    titleShard,
    variants,
    totalMs: performance.now() - started,
    loadAverage: [loadAtStart, os.loadavg()[0]!],
  };
}

function log(size: number, message: string): void {
  console.error(`[bench ${size === 0 ? 'seeds' : size}] ${message}`);
}
