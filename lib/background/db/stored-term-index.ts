import * as v from 'valibot';
import type { DamagedArticle } from '../../protocol.ts';

/**
 * Article ids per block: a bucket of terms is stored one row per block, so a write rewrites only
 * its block's part. Each row written costs Chromium 40–70 µs whatever its size, and 10,000 Brown
 * articles make 32,385 rows in blocks of 1,024 but 11,302 in blocks of 4,096 (Cairn issue 10,
 * docs/benchmarks.md "sixth pass"). A save decodes only the terms it changes in a row, and a
 * delete finds its rows by the article's terms, so bigger blocks cost a single write little.
 */
export const BLOCK_SIZE = 4096;

export function blockOf(id: number): number {
  return Math.floor(id / BLOCK_SIZE);
}

/**
 * A small write (fewer than `SMALL_WRITE` articles: a paste, a page saved, an edit) stores its
 * postings in rows of a small block of `SMALL_BLOCK_SIZE` ids, numbered from `SMALL_BLOCKS`,
 * instead of its block's rows: adding one article to a full block of 4,096 rewrote about 300
 * rows holding every article of the block (142 ms at 50,000 articles, Cairn issue 10). A query
 * reads every row of a bucket and adds their postings up, so it does not care which row holds an
 * article; field lengths stay per block. Small blocks are as big as the blocks before issue 10's
 * sixth pass: a collection built one article at a time costs what it did then, to save and to
 * query (smaller ones would make a save cheaper and every query read more rows).
 */
export const SMALL_WRITE = 50;
export const SMALL_BLOCK_SIZE = 1024;
export const SMALL_BLOCKS = 2 ** 24;

export function smallBlockOf(id: number): number {
  return SMALL_BLOCKS + Math.floor(id / SMALL_BLOCK_SIZE);
}

/**
 * The postings of the terms of one bucket (`bucketOf`) among the articles of one block
 * (`encodeBucket`): the terms in order, joined by newlines; where each one's packed postings
 * (`encodePostings`) end in `data`.
 */
export interface TermBucketRow {
  bucket: string;
  block: number;
  terms: string;
  ends: Uint32Array;
  data: Uint32Array;
}

/** The field lengths of one block's articles: `ids` ascending, four lengths each plus one (0: no such field). */
export interface FieldLengthsRow {
  block: number;
  ids: Uint32Array;
  lengths: Uint32Array;
}

/** What the stored index reflects; written in the same transaction as every change to it. */
export interface TermIndexStamp {
  key: 'stamp';
  /** The index format (`TERM_INDEX_FORMAT`): another one is rebuilt. */
  options: string;
  revision: number;
  documentCount: number;
  /** `idsChecksum` of the indexed articles' ids. */
  ids: string;
  damaged: DamagedArticle[];
}

/** Every term of the index, joined by newlines, with how many articles hold each. */
export interface TermDictionaryRow {
  key: 'terms';
  terms: string;
  counts: Uint32Array;
}

export type TermIndexRow = TermIndexStamp | TermDictionaryRow;

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const termIndexStampSchema = v.object({
  key: v.literal('stamp'),
  options: v.string(),
  revision: count,
  documentCount: count,
  ids: v.string(),
  damaged: v.array(v.object({ id: v.union([v.number(), v.string()]), title: v.optional(v.string()), reason: v.string() })),
});

export const termDictionarySchema = v.object({
  key: v.literal('terms'),
  terms: v.string(),
  counts: v.instance(Uint32Array),
});
