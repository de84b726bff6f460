import * as v from 'valibot';
import type { DamagedArticle } from '../../protocol.ts';

/** What a snapshot was built from; a snapshot is used only when this matches the collection. */
export interface SnapshotStamp {
  /** The format of what was saved (the search options' id, the linking format). */
  options: string;
  /** The collection revision it reflects. */
  revision: number;
  /** How many articles it was built from. */
  documentCount: number;
  /** `idsChecksum` of those articles' ids: the saved data must list exactly these. */
  ids: string;
  /** The records left out as damaged; with `documentCount` they make up the whole table. */
  damaged: DamagedArticle[];
}

export interface StoredSnapshot {
  /** `search`: the MiniSearch index (linking keeps its own rows, table `links`). */
  key: 'search';
  stamp: SnapshotStamp;
  /** The saved data, serialised. */
  json: string;
  savedAt: number;
}

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** A snapshot record as it must be read back; anything else is rebuilt. */
export const storedSnapshotSchema = v.object({
  key: v.literal('search'),
  stamp: v.object({
    options: v.string(),
    revision: count,
    documentCount: count,
    ids: v.string(),
    damaged: v.array(
      v.object({ id: v.union([v.number(), v.string()]), title: v.optional(v.string()), reason: v.string() }),
    ),
  }),
  json: v.string(),
  savedAt: v.number(),
});

/**
 * A checksum of a set of article ids that does not depend on their order: how many, and two
 * 32-bit sums of mixed ids. Cheap at 50,000 ids, and tells a snapshot listing other articles
 * (or none) than its stamp claims.
 */
export function idsChecksum(ids: Iterable<unknown>): string {
  let n = 0;
  let sum = 0;
  let xor = 0;
  for (const id of ids) {
    const h = typeof id === 'number' ? mix((id >>> 0) ^ mix(Math.floor(id / 2 ** 32))) : hashString(String(id));
    sum = (sum + h) >>> 0;
    xor = (xor ^ Math.imul(h, 0x9e3779b1)) >>> 0;
    n += 1;
  }
  return `${n}:${sum.toString(16)}:${xor.toString(16)}`;
}

function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix(h ^ 0x5bd1e995);
}
