import type { TermBucketRow } from '../db/stored-term-index.ts';
import { CorruptTermIndexError, decodePostings, encodePostings, type FieldPostings } from './field-postings.ts';

/**
 * Terms are stored in buckets: every term that starts with the same three characters, in one row
 * per block of article ids. In Chromium each IndexedDB row written costs about 70 µs whatever its
 * size (measured: 24,000 small rows 1.5–2.1 s, the same data in 1,024 rows 0.14 s), and a batch
 * of 500 Brown articles touched 23,500 term rows but only 3,600 bucket rows. A query's prefix
 * (from its third letter) lies in one bucket, so it is still one key range.
 */
export const BUCKET_CHARS = 3;

export function bucketOf(term: string): string {
  return term.slice(0, BUCKET_CHARS);
}

/** The terms of one bucket in one block, with their postings. */
export type BucketTerms = Map<string, FieldPostings>;

/** Packs a bucket's terms (those with postings) into a row; `undefined` when none has any. */
export function encodeBucket(bucket: string, block: number, terms: BucketTerms): TermBucketRow | undefined {
  const kept = [...terms].filter(([, postings]) => [...postings.values()].some((docs) => docs.size > 0)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (kept.length === 0) return undefined;
  const parts = kept.map(([, postings]) => encodePostings(postings));
  const ends = new Uint32Array(parts.length);
  let size = 0;
  parts.forEach((part, i) => (ends[i] = size += part.length));
  const data = new Uint32Array(size);
  parts.forEach((part, i) => data.set(part, i === 0 ? 0 : ends[i - 1]));
  return { bucket, block, terms: kept.map(([term]) => term).join('\n'), ends, data };
}

/**
 * Unpacks a row's terms, or only those `wanted` says yes to, adding to `into` (a term's rows
 * from several blocks add up). Throws `CorruptTermIndexError` when the row is not what
 * `encodeBucket` wrote.
 */
export function decodeBucket(row: unknown, fieldCount: number, wanted?: (term: string) => boolean, into: BucketTerms = new Map()): BucketTerms {
  const { terms, ends, data, bucket } = (typeof row === 'object' && row !== null ? row : {}) as Partial<TermBucketRow>;
  if (typeof terms !== 'string' || typeof bucket !== 'string' || !(ends instanceof Uint32Array) || !(data instanceof Uint32Array)) {
    throw new CorruptTermIndexError('search index: a bucket row is not terms, ends and data');
  }
  const list = terms.split('\n');
  if (list.length !== ends.length || ends.at(-1) !== data.length) throw new CorruptTermIndexError(`search index: bucket "${bucket}" lists ${list.length} terms for ${ends.length} ends`);
  let start = 0;
  list.forEach((term, i) => {
    const end = ends[i]!;
    if (end <= start || bucketOf(term) !== bucket) throw new CorruptTermIndexError(`search index: bucket "${bucket}" is malformed at term ${i}`);
    if (!wanted || wanted(term)) {
      let postings = into.get(term);
      if (!postings) into.set(term, (postings = new Map()));
      decodePostings(data.subarray(start, end), fieldCount, postings);
    }
    start = end;
  });
  return into;
}
