import { DOCUMENT_COMMON, DOCUMENT_MEAN, WORD_VECTOR_COUNT, WORD_VECTOR_DIMENSIONS } from './word-vectors-data.ts';

/** Length of a meaning vector (`meaningOf`). */
export const MEANING_DIMENSIONS = WORD_VECTOR_DIMENSIONS;

/**
 * Where the table is packaged: under `public/` in the source tree, at the extension's root once
 * built (`scripts/make-word-vectors.ts` writes it). It stays out of the background's script, which
 * every wake of the worker evaluates: 1.3 MB that only linking needs.
 */
export const WORD_VECTORS_PATH = '/linking/word-vectors.bin';

/** Size of the table in bytes: `WORD_VECTOR_COUNT` keys of 4 bytes, then as many vectors of `WORD_VECTOR_DIMENSIONS` bytes. */
export const WORD_VECTORS_BYTES = WORD_VECTOR_COUNT * (4 + WORD_VECTOR_DIMENSIONS);

/** The word table is missing or not the one this build expects. */
export class WordVectorsError extends Error {
  override name = 'WordVectorsError';
}

let table: { keys: Uint32Array; vectors: Int8Array } | undefined;

/**
 * Makes `bytes` the table `wordVectorSlot` and `meaningOf` read: the keys' low 32 bits (uint32,
 * ascending, little-endian), then each key's vector as signed bytes (x × 127). Throws a
 * `WordVectorsError` when the length is not this build's, so a stale or cut-short file is caught
 * here rather than read as nonsense.
 */
export function installWordVectors(bytes: ArrayBuffer): void {
  if (bytes.byteLength !== WORD_VECTORS_BYTES) {
    throw new WordVectorsError(
      `word-vectors: ${WORD_VECTORS_PATH} has ${bytes.byteLength} bytes where this build expects ${WORD_VECTORS_BYTES} (${WORD_VECTOR_COUNT} words × ${WORD_VECTOR_DIMENSIONS} dimensions); rebuild or reinstall the extension`,
    );
  }
  table = {
    keys: new Uint32Array(bytes, 0, WORD_VECTOR_COUNT),
    vectors: new Int8Array(bytes, WORD_VECTOR_COUNT * 4, WORD_VECTOR_COUNT * WORD_VECTOR_DIMENSIONS),
  };
}

function installed(): { keys: Uint32Array; vectors: Int8Array } {
  if (!table) {
    throw new WordVectorsError('word-vectors: the word table is not installed; linking must await its loader (installWordVectors) before it mines or ranks');
  }
  return table;
}

/** Where the word with this key hash has its vector in the table, or -1 (a name, a rare word, a stop word). */
export function wordVectorSlot(hash: number): number {
  const { keys } = installed();
  const low = hash % 2 ** 32;
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = keys[mid]!;
    if (at === low) return mid;
    if (at < low) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * What a document is about, as one unit vector of `MEANING_DIMENSIONS` signed bytes: the sum of its
 * words' vectors (GloVe, reduced; `scripts/make-word-vectors.ts`), each weighed by (1 + ln count) ×
 * how rare it is in English, with what every English document has in common taken out. Two
 * documents on one subject point the same way even when they share few words ("undersea cables"
 * and "submarine cables", "internet watchdog" and "Cyberspace Administration"). Words the table
 * lacks add nothing; a document with none of them gets the zero vector, close to nothing.
 */
export function meaningOf(hashes: ArrayLike<number>, counts: ArrayLike<number>, idfOfHash: (hash: number) => number): Int8Array {
  const { vectors } = installed();
  const sum = new Float64Array(WORD_VECTOR_DIMENSIONS);
  let found = 0;
  for (let i = 0; i < hashes.length; i++) {
    const slot = wordVectorSlot(hashes[i]!);
    if (slot < 0) continue;
    const weight = (1 + Math.log(counts[i]!)) * idfOfHash(hashes[i]!);
    if (!(weight > 0)) continue;
    found++;
    const base = slot * WORD_VECTOR_DIMENSIONS;
    for (let d = 0; d < WORD_VECTOR_DIMENSIONS; d++) sum[d]! += weight * vectors[base + d]!;
  }
  const meaning = new Int8Array(WORD_VECTOR_DIMENSIONS);
  if (found === 0) return meaning;
  normalise(sum);
  let along = 0;
  for (let d = 0; d < WORD_VECTOR_DIMENSIONS; d++) {
    sum[d]! -= DOCUMENT_MEAN[d]!;
    along += sum[d]! * DOCUMENT_COMMON[d]!;
  }
  for (let d = 0; d < WORD_VECTOR_DIMENSIONS; d++) sum[d]! -= along * DOCUMENT_COMMON[d]!;
  normalise(sum);
  for (let d = 0; d < WORD_VECTOR_DIMENSIONS; d++) meaning[d] = Math.round(sum[d]! * 127);
  return meaning;
}

/** Cosine of two meaning vectors, −1 to 1 (0 when either is the zero vector). */
export function meaningSimilarity(a: Int8Array, b: Int8Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let d = 0; d < a.length; d++) {
    dot += a[d]! * b[d]!;
    na += a[d]! * a[d]!;
    nb += b[d]! * b[d]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

function normalise(vector: Float64Array): void {
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < vector.length; d++) vector[d]! /= norm;
}
