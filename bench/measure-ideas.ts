/// <reference types="node" />
import type MiniSearch from 'minisearch';
import { planQuery } from '../lib/shared/search/query-plan.ts';
import type { IndexedDocument } from '../lib/shared/search/search-options.ts';
import { fold } from '../lib/shared/text/fold.ts';
import { tokenize } from '../lib/shared/text/tokenize.ts';
import { loadColumnarJson, toColumnarJson } from './columnar-snapshot.ts';
import type { BenchArticle } from './make-articles.ts';
import type { BenchQuery } from './queries.ts';
import type { ColumnarResult, TokenizerResult } from './results.ts';
import { settledHeap } from './stats.ts';

const RUNS = 3;

/** Times the columnar prototype and checks it answers every query exactly as the JSON snapshot does. */
export function measureColumnar(index: MiniSearch<IndexedDocument>, queries: readonly BenchQuery[]): ColumnarResult {
  const serialiseMs: number[] = [];
  let json = '';
  for (let i = 0; i < 2; i++) {
    const start = performance.now();
    json = toColumnarJson(index);
    serialiseMs.push(performance.now() - start);
  }
  const restoreMs: number[] = [];
  let restored: MiniSearch<IndexedDocument> | null = null;
  for (let i = 0; i < RUNS; i++) {
    restored = null;
    settledHeap();
    const start = performance.now();
    restored = loadColumnarJson(json);
    restoreMs.push(performance.now() - start);
  }
  const mismatches = queries.filter((q) => !sameAnswers(index, restored!, q.text)).map((q) => q.text);
  return { utf8Bytes: Buffer.byteLength(json, 'utf8'), serialiseMs, restoreMs, mismatches };
}

/**
 * The same articles with the same scores. Scores may differ in the last bits: the prefix tree
 * is rebuilt in another order, so expanded terms are summed in another order.
 */
function sameAnswers(a: MiniSearch<IndexedDocument>, b: MiniSearch<IndexedDocument>, query: string): boolean {
  const { options } = planQuery(query);
  const expected = new Map(a.search(query, options).map((r) => [r.id as number, r.score]));
  const actual = b.search(query, options);
  return (
    actual.length === expected.size &&
    actual.every((r) => Math.abs(r.score - (expected.get(r.id as number) ?? NaN)) <= 1e-9 * Math.abs(r.score))
  );
}

// What a tokenizer without Intl.Segmenter would cost: Latin words only, so a lower bound, not a
// drop-in (Chinese and Japanese need the segmenter).
const LATIN_WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const SAMPLE = 300;
const WORD_SEGMENTER = new Intl.Segmenter('und', { granularity: 'word' });

/** How fast the product's tokenizer reads article bodies, against a plain regular expression. */
export function measureTokenizer(articles: readonly BenchArticle[]): TokenizerResult {
  const bodies = articles.slice(0, SAMPLE).map((a) => a.body);
  const time = (split: (text: string) => number) => {
    let words = 0;
    let ms = 0;
    for (let run = 0; run < 2; run++) {
      words = 0;
      const start = performance.now();
      for (const body of bodies) words += split(body);
      ms = performance.now() - start;
    }
    return { words, ms };
  };
  const product = time((text) => tokenize(text).length);
  const segmenter = time((text) => {
    let words = 0;
    for (const segment of WORD_SEGMENTER.segment(text)) if (segment.isWordLike) words++;
    return words;
  });
  const regex = time((text) => text.match(LATIN_WORD)?.length ?? 0);
  const regexFold = time((text) => (text.match(LATIN_WORD) ?? []).map(fold).length);
  const perWord = (t: { words: number; ms: number }) => (t.ms * 1000) / Math.max(1, t.words);
  return {
    bodies: bodies.length,
    words: product.words,
    tokenizeMsPerBody: product.ms / Math.max(1, bodies.length),
    tokenizeMicrosPerWord: perWord(product),
    segmenterMicrosPerWord: perWord(segmenter),
    regexMicrosPerWord: perWord(regex),
    regexFoldMicrosPerWord: perWord(regexFold),
  };
}
