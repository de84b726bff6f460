import * as v from 'valibot';
import type { Article, DamagedArticle } from '../../protocol.ts';
import type { CairnDb } from './cairn-db.ts';
import { readCollection } from './read-articles.ts';
import { readRevision } from './revision.ts';
import { idsChecksum, storedSnapshotSchema, type SnapshotStamp, type StoredSnapshot } from './stored-snapshot.ts';

/** How one kind of snapshot (the search index, the linking vocabulary) is read, built and saved. */
export interface SnapshotKind<T> {
  key: StoredSnapshot['key'];
  /** The current format: a snapshot stamped with another is stale. */
  options: string;
  /**
   * Reads the saved data, or answers null when it is not valid: wrong shape, or not made of
   * exactly the articles the stamp names (`idsChecksum(ids) === stamp.ids`). Must not throw.
   */
  restore(json: string, stamp: SnapshotStamp): T | null;
  /** Builds afresh from the valid articles. */
  build(articles: Article[]): Promise<T> | T;
  /** Serialises for saving, with the ids of the articles it holds. */
  save(value: T): { json: string; ids: Iterable<number> };
}

export interface Loaded<T> {
  value: T;
  revision: number;
  how: 'restored' | 'rebuilt';
  reason?: 'missing' | 'stale' | 'corrupt';
  documentCount: number;
  damaged: DamagedArticle[];
}

/**
 * The one load-or-rebuild of every snapshot: restores the saved copy when its stamp matches the
 * collection (format, revision, and article count with the damaged ones) and its data is valid
 * and made of the articles the stamp names; otherwise builds from the valid articles, leaves the
 * damaged ones out (listed in the stamp) and saves the result.
 */
export async function loadOrRebuild<T>(db: CairnDb, kind: SnapshotKind<T>, now: () => number): Promise<Loaded<T>> {
  const [revision, tableCount, record] = await db.transaction('r', db.meta, db.articles, db.snapshots, () =>
    Promise.all([readRevision(db), db.articles.count(), db.snapshots.get(kind.key) as Promise<unknown>]),
  );
  const checked = checkSnapshot(record, kind, revision, tableCount);
  if ('value' in checked) {
    const { stamp } = checked;
    return { value: checked.value, revision, how: 'restored', documentCount: stamp.documentCount, damaged: stamp.damaged };
  }
  const { articles, damaged, revision: builtAt } = await readCollection(db);
  const value = await kind.build(articles);
  await db.snapshots.put(snapshotOf(kind, value, { revision: builtAt, documentCount: articles.length, damaged }, now()));
  return { value, revision: builtAt, how: 'rebuilt', reason: checked.reason, documentCount: articles.length, damaged };
}

/** The record that saves `value`, stamped with what it was built from. */
export function snapshotOf<T>(
  kind: SnapshotKind<T>,
  value: T,
  from: { revision: number; documentCount: number; damaged: DamagedArticle[] },
  savedAt: number,
): StoredSnapshot {
  const { json, ids } = kind.save(value);
  return { key: kind.key, stamp: { options: kind.options, ...from, ids: idsChecksum(ids) }, json, savedAt };
}

function checkSnapshot<T>(
  record: unknown,
  kind: SnapshotKind<T>,
  revision: number,
  tableCount: number,
): { value: T; stamp: SnapshotStamp } | { reason: 'missing' | 'stale' | 'corrupt' } {
  if (record === undefined) return { reason: 'missing' };
  const parsed = v.safeParse(storedSnapshotSchema, record);
  if (!parsed.success) return { reason: 'corrupt' };
  const { stamp, json } = parsed.output;
  if (stamp.options !== kind.options || stamp.revision !== revision) return { reason: 'stale' };
  if (stamp.documentCount + stamp.damaged.length !== tableCount) return { reason: 'stale' };
  const value = kind.restore(json, stamp);
  return value === null ? { reason: 'corrupt' } : { value, stamp };
}
