import type { FieldPostings } from './field-postings.ts';

/** Roughly what one decoded posting costs in a `Map` (key, value, hash table slot). */
const BYTES_PER_POSTING = 40;
const BYTES_PER_TERM = 200;

export interface PostingsCache {
  get(term: string): FieldPostings | undefined;
  set(term: string, postings: FieldPostings): void;
  delete(term: string): void;
  /** What the cached postings are estimated to weigh. */
  readonly bytes: number;
}

export function postingsBytes(term: string, postings: FieldPostings): number {
  let n = 0;
  for (const docs of postings.values()) n += docs.size;
  return BYTES_PER_TERM + 2 * term.length + BYTES_PER_POSTING * n;
}

/**
 * Decoded postings, least recently used dropped first once they weigh more than `maxBytes`.
 * A term too large for the cache on its own is not kept.
 */
export function createPostingsCache(maxBytes: number): PostingsCache {
  const entries = new Map<string, { postings: FieldPostings; bytes: number }>();
  let total = 0;

  function drop(term: string): void {
    const entry = entries.get(term);
    if (!entry) return;
    entries.delete(term);
    total -= entry.bytes;
  }

  return {
    get(term) {
      const entry = entries.get(term);
      if (!entry) return undefined;
      entries.delete(term);
      entries.set(term, entry);
      return entry.postings;
    },
    set(term, postings) {
      drop(term);
      const bytes = postingsBytes(term, postings);
      if (bytes > maxBytes) return;
      entries.set(term, { postings, bytes });
      total += bytes;
      for (const oldest of entries.keys()) {
        if (total <= maxBytes) break;
        drop(oldest);
      }
    },
    delete: drop,
    get bytes() {
      return total;
    },
  };
}
