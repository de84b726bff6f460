/// <reference types="node" />
import MiniSearch from 'minisearch';
import { SEARCH_OPTIONS, type IndexedDocument } from '../lib/shared/search/search-options.ts';
import { snapshotOf } from '../lib/background/db/load-or-rebuild.ts';
import type { StoredSnapshot } from '../lib/background/db/stored-snapshot.ts';
import { createIndex, searchSnapshot } from '../lib/background/search/snapshot.ts';
import type { BenchArticle } from './make-articles.ts';
import type { IndexCost } from './results.ts';
import { settledHeap, timed } from './stats.ts';

const SERIALISE_RUNS = 2;
const RESTORE_RUNS = 3;

export interface MeasuredIndex {
  cost: IndexCost;
  /** The last restored copy: the index a woken service worker would search. */
  restored: MiniSearch<IndexedDocument>;
  snapshot: StoredSnapshot;
}

/** How to make one kind of index and get it back from a snapshot. */
export interface IndexRecipe {
  fields: string[];
  create: () => MiniSearch<IndexedDocument>;
  load: (snapshot: StoredSnapshot) => MiniSearch<IndexedDocument>;
}

/** The product's index: `createIndex`, restored by `searchSnapshot.restore` (validated, then MiniSearch.loadJS). */
export const PRODUCT_INDEX: IndexRecipe = {
  fields: SEARCH_OPTIONS.fields,
  create: createIndex,
  load: (snapshot) => {
    const index = searchSnapshot.restore(snapshot.json, snapshot.stamp);
    if (!index) throw new Error('measure-index: the snapshot did not restore');
    return index;
  },
};

const TITLE_SHARD_OPTIONS = { ...SEARCH_OPTIONS, fields: ['title', 'source', 'author'] };

/** Title, source and author only, with the product's tokenizer: the small shard of a split index. */
export const TITLE_SHARD: IndexRecipe = {
  fields: TITLE_SHARD_OPTIONS.fields,
  create: () => new MiniSearch<IndexedDocument>(TITLE_SHARD_OPTIONS),
  load: (snapshot) => MiniSearch.loadJSON<IndexedDocument>(snapshot.json, TITLE_SHARD_OPTIONS),
};

/**
 * Builds an index of `articles`, then snapshots and restores it the way the product does,
 * measuring time and heap at each step.
 */
export function measureIndex(
  articles: readonly BenchArticle[],
  recipe: IndexRecipe,
  /** Runs between snapshot and restore, while no index is in memory. */
  beforeRestore?: (snapshot: StoredSnapshot) => void,
): MeasuredIndex {
  const { snapshot, ...built } = buildAndSnapshot(articles, recipe.create);
  beforeRestore?.(snapshot);

  // Measured here, once the built index's frame is gone: a stale interpreter register could
  // otherwise keep it alive and hide the restored copy's heap.
  const heapBase = settledHeap();
  const restoreMs: number[] = [];
  let restored = restoreTimed(snapshot, recipe.load, restoreMs, built.documentCount);
  const restoredHeapBytes = settledHeap() - heapBase;
  for (let i = 1; i < RESTORE_RUNS; i++) restored = restoreTimed(snapshot, recipe.load, restoreMs, built.documentCount);
  return {
    cost: {
      fields: recipe.fields,
      buildMs: built.buildMs,
      heapBytes: built.heapBytes,
      termCount: built.termCount,
      snapshot: {
        utf16Units: snapshot.json.length,
        utf8Bytes: Buffer.byteLength(snapshot.json, 'utf8'),
        serialiseMs: built.serialiseMs,
        restoreMs,
        restoredHeapBytes,
      },
    },
    restored,
    snapshot,
  };
}

function buildAndSnapshot(articles: readonly BenchArticle[], create: () => MiniSearch<IndexedDocument>) {
  const heapBefore = settledHeap();
  const start = performance.now();
  const index = create();
  index.addAll(articles);
  const buildMs = performance.now() - start;
  const heapBytes = settledHeap() - heapBefore;

  const serialiseMs: number[] = [];
  let snapshot: StoredSnapshot | null = null;
  for (let i = 0; i < SERIALISE_RUNS; i++) {
    snapshot = null;
    const started = performance.now();
    snapshot = snapshotOf(searchSnapshot, index, { revision: 1, documentCount: index.documentCount, damaged: [] }, Date.now());
    serialiseMs.push(performance.now() - started);
  }
  if (!snapshot) throw new Error('measure-index: no snapshot was taken');
  return { buildMs, heapBytes, termCount: index.termCount, documentCount: index.documentCount, serialiseMs, snapshot };
}

function restoreTimed(
  snapshot: StoredSnapshot,
  load: IndexRecipe['load'],
  times: number[],
  expectedCount: number,
): MiniSearch<IndexedDocument> {
  const start = performance.now();
  const index = load(snapshot);
  times.push(performance.now() - start);
  if (index.documentCount !== expectedCount) {
    throw new Error(`measure-index: restored ${index.documentCount} articles of ${expectedCount}`);
  }
  return index;
}

type PlainIndex = Parameters<typeof MiniSearch.loadJS>[0];

/** Splits a restore into its two halves, and times reading only the term list. */
export function measureRestoreParts(json: string) {
  const parse = timed(() => JSON.parse(json) as PlainIndex);
  const loadJs = timed(() => MiniSearch.loadJS<IndexedDocument>(parse.value, SEARCH_OPTIONS));
  const terms = JSON.stringify((parse.value as unknown as { index: [string, unknown][] }).index.map(([term]) => term));
  const vocabulary = timed(() => JSON.parse(terms) as string[]);
  return {
    restoreSplit: { jsonParseMs: parse.ms, loadJsMs: loadJs.ms },
    vocabularyOnly: { utf8Bytes: Buffer.byteLength(terms, 'utf8'), parseMs: vocabulary.ms },
  };
}
