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

/**
 * A row's terms as a save edits them: the terms it changes decoded, the others left packed as
 * stored (`encodePostings`'s output), so adding one article to a block of thousands decodes and
 * packs only the postings of that article's terms.
 */
export type EditedTerms = Map<string, FieldPostings | Uint32Array>;

/** Packs a bucket's terms (those with postings) into a row; `undefined` when none has any. */
export function encodeBucket(bucket: string, block: number, terms: BucketTerms | EditedTerms): TermBucketRow | undefined {
  const kept = [...terms].filter(([, postings]) => hasPostings(postings)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (kept.length === 0) return undefined;
  const parts = kept.map(([, postings]) => (postings instanceof Uint32Array ? postings : encodePostings(postings)));
  const ends = new Uint32Array(parts.length);
  let size = 0;
  parts.forEach((part, i) => (ends[i] = size += part.length));
  const data = new Uint32Array(size);
  parts.forEach((part, i) => data.set(part, i === 0 ? 0 : ends[i - 1]));
  return { bucket, block, terms: kept.map(([term]) => term).join('\n'), ends, data };
}

function hasPostings(postings: FieldPostings | Uint32Array): boolean {
  return postings instanceof Uint32Array ? postings.length > 0 : [...postings.values()].some((docs) => docs.size > 0);
}

/**
 * A stored row's terms, each with its packed postings as stored (a view, not a copy): what a
 * save starts from (`EditedTerms`). Throws `CorruptTermIndexError` when the row is not what
 * `encodeBucket` wrote; a term's postings are checked when they are decoded.
 */
export function readBucket(row: unknown): EditedTerms {
  const { list, ends, data, bucket } = rowParts(row);
  const terms: EditedTerms = new Map();
  let start = 0;
  list.forEach((term, i) => {
    const end = ends[i]!;
    if (end <= start || bucketOf(term) !== bucket) throw new CorruptTermIndexError(`search index: bucket "${bucket}" is malformed at term ${i}`);
    terms.set(term, data.subarray(start, end));
    start = end;
  });
  return terms;
}

/** The decoded postings of `term` in `terms`, decoding them in place if they are still packed. */
export function editPostings(terms: EditedTerms, term: string, fieldCount: number): FieldPostings {
  const held = terms.get(term);
  if (held instanceof Map) return held;
  const postings = held ? decodePostings(held, fieldCount) : new Map();
  terms.set(term, postings);
  return postings;
}

function rowParts(row: unknown): { list: string[]; ends: Uint32Array; data: Uint32Array; bucket: string } {
  const { terms, ends, data, bucket } = (typeof row === 'object' && row !== null ? row : {}) as Partial<TermBucketRow>;
  if (typeof terms !== 'string' || typeof bucket !== 'string' || !(ends instanceof Uint32Array) || !(data instanceof Uint32Array)) {
    throw new CorruptTermIndexError('search index: a bucket row is not terms, ends and data');
  }
  const list = terms.split('\n');
  if (list.length !== ends.length || ends.at(-1) !== data.length) throw new CorruptTermIndexError(`search index: bucket "${bucket}" lists ${list.length} terms for ${ends.length} ends`);
  return { list, ends, data, bucket };
}

/**
 * Unpacks a row's terms, or only those `wanted` says yes to, adding to `into` (a term's rows
 * from several blocks add up). Throws `CorruptTermIndexError` when the row is not what
 * `encodeBucket` wrote.
 */
export function decodeBucket(row: unknown, fieldCount: number, wanted?: (term: string) => boolean, into: BucketTerms = new Map()): BucketTerms {
  const { list, ends, data, bucket } = rowParts(row);
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
