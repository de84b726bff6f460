import MiniSearch from 'minisearch';
import { SEARCH_OPTIONS, SEARCH_OPTIONS_ID, type IndexedDocument } from '../../shared/search/search-options.ts';

/** What a snapshot was built from; a snapshot is used only when this matches the collection. */
export interface SnapshotStamp {
  /** `SEARCH_OPTIONS_ID` at build time. */
  options: string;
  /** The collection revision the index reflects. */
  revision: number;
  /** How many articles it holds. */
  documentCount: number;
}

export interface StoredSnapshot {
  /** `search`: the MiniSearch index; `linking`: the vocabulary and its compiled matcher. */
  key: 'search' | 'linking';
  stamp: SnapshotStamp;
  /** `MiniSearch#toJSON`, serialised. */
  json: string;
  savedAt: number;
}

export type RestoreOutcome =
  | { index: MiniSearch<IndexedDocument>; reason: 'restored' }
  | { index: null; reason: 'missing' | 'stale' | 'corrupt' };

export function createIndex(): MiniSearch<IndexedDocument> {
  return new MiniSearch<IndexedDocument>(SEARCH_OPTIONS);
}

export function takeSnapshot(
  index: MiniSearch<IndexedDocument>,
  revision: number,
  now: number,
): StoredSnapshot {
  return {
    key: 'search',
    stamp: { options: SEARCH_OPTIONS_ID, revision, documentCount: index.documentCount },
    json: JSON.stringify(index),
    savedAt: now,
  };
}

/**
 * Loads a snapshot if it was built with today's options from the collection as it is now
 * (`expected`), and only then. Anything else (no snapshot, another revision, another format,
 * unreadable JSON, a count that does not add up) is reported so the caller rebuilds.
 */
export function restoreSnapshot(
  snapshot: StoredSnapshot | undefined,
  expected: Omit<SnapshotStamp, 'options'>,
): RestoreOutcome {
  if (!snapshot) return { index: null, reason: 'missing' };
  const { stamp } = snapshot;
  if (
    stamp?.options !== SEARCH_OPTIONS_ID ||
    stamp.revision !== expected.revision ||
    stamp.documentCount !== expected.documentCount
  ) {
    return { index: null, reason: 'stale' };
  }
  try {
    const index = MiniSearch.loadJSON<IndexedDocument>(snapshot.json, SEARCH_OPTIONS);
    if (index.documentCount !== expected.documentCount) return { index: null, reason: 'corrupt' };
    return { index, reason: 'restored' };
  } catch {
    return { index: null, reason: 'corrupt' };
  }
}
