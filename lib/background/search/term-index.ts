import { Dexie } from 'dexie';
import type { CairnDb } from '../db/cairn-db.ts';
import { readCollection } from '../db/read-articles.ts';
import type { ParsedQuery } from '../../shared/search/parse-query.ts';
import { bucketOf, decodeBucket, type BucketTerms } from './bucket-rows.ts';
import type { FieldPostings } from './field-postings.ts';
import { openTermIndex, type Unusable } from './open-term-index.ts';
import { buildTermIndex } from './build-term-index.ts';
import { createPostingsCache } from './postings-cache.ts';
import { queryIndex } from './query-index.ts';
import { queryTerms, type QueryTerms } from './query-terms.ts';
import type { SearchIndex } from './snapshot.ts';
import { FIELD_COUNT, type TermIndexMemory } from './term-index-memory.ts';
import { writeTermChange, type TermChange } from './write-term-change.ts';

/** Default bound of the decoded postings kept between queries: 64 MB. */
export const DEFAULT_CACHE_BYTES = 64 * 2 ** 20;

export interface TermIndex {
  readonly memory: TermIndexMemory;
  /** A MiniSearch that answers `parsed` as the whole index would (see `queryIndex`). */
  indexFor(parsed: ParsedQuery): Promise<SearchIndex>;
  /** Saves a change and applies it (see `writeTermChange`). */
  apply(change: TermChange): Promise<void>;
  /** Estimated bytes of the decoded postings cached. */
  cachedBytes(): number;
}

export interface OpenedTermIndex {
  index: TermIndex;
  how: 'restored' | 'rebuilt';
  reason?: Unusable['reason'];
}

/**
 * Opens the stored index, or builds it from the articles when it is missing, stale or corrupt
 * (or when `rebuild` says why it must be, e.g. a query found a corrupt row).
 */
export async function loadTermIndex(db: CairnDb, cacheBytes = DEFAULT_CACHE_BYTES, rebuild?: Unusable): Promise<OpenedTermIndex> {
  const opened = rebuild ?? (await openTermIndex(db));
  if ('memory' in opened) return { index: createTermIndex(db, opened.memory, cacheBytes), how: 'restored' };
  const memory = await buildTermIndex(db, await readCollection(db));
  return { index: createTermIndex(db, memory, cacheBytes), how: 'rebuilt', reason: opened.reason };
}

/**
 * The stored index in use: postings are read from IndexedDB per term, decoded once and kept in
 * a cache bounded in bytes. A write bumps `generation`, so a read that started before it does
 * not cache what the write replaced.
 */
export function createTermIndex(db: CairnDb, memory: TermIndexMemory, cacheBytes: number): TermIndex {
  const cache = createPostingsCache(cacheBytes);
  let generation = 0;

  /**
   * The postings of every term, from the cache or IndexedDB. The terms missing from the cache
   * are read by bucket (`bucketOf`): one key range per bucket, every block at once, so the
   * completions of a prefix are one request, not hundreds.
   */
  async function postingsOf({ terms }: QueryTerms): Promise<Map<string, FieldPostings>> {
    const found = new Map<string, FieldPostings>();
    const unread = new Set<string>();
    for (const term of terms) {
      const cached = cache.get(term);
      if (cached) found.set(term, cached);
      else unread.add(term);
    }
    if (unread.size === 0) return found;
    const buckets = [...new Set([...unread].map(bucketOf))];
    const readAt = generation;
    const read = await db.transaction('r', db.termBuckets, () =>
      Promise.all(buckets.map((bucket) => db.termBuckets.where('[bucket+block]').between([bucket, Dexie.minKey], [bucket, Dexie.maxKey]).toArray())),
    );
    const decoded: BucketTerms = new Map([...unread].map((term) => [term, new Map()]));
    for (const row of read.flat()) decodeBucket(row, FIELD_COUNT, (term) => unread.has(term), decoded);
    for (const [term, postings] of decoded) {
      found.set(term, postings);
      if (readAt === generation) cache.set(term, postings);
    }
    return found;
  }

  return {
    memory,
    async indexFor(parsed) {
      return queryIndex(memory, await postingsOf(queryTerms(memory.dictionary, parsed)));
    },
    async apply(change) {
      generation += 1;
      const touched = await writeTermChange(db, memory, change);
      generation += 1;
      for (const term of touched) cache.delete(term);
    },
    cachedBytes: () => cache.bytes,
  };
}
