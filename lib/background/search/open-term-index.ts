import { cmp, type IndexableType } from 'dexie';
import * as v from 'valibot';
import type { CairnDb } from '../db/cairn-db.ts';
import { readRevision } from '../db/revision.ts';
import { idsChecksum } from '../db/stored-snapshot.ts';
import { termDictionarySchema, termIndexStampSchema } from '../db/stored-term-index.ts';
import { readLengthsRow, type FieldLengths } from './field-lengths.ts';
import { readDictionary } from './term-dictionary.ts';
import { createMemory, FIELD_COUNT, TERM_INDEX_FORMAT, type TermIndexMemory } from './term-index-memory.ts';

export type Unusable = { reason: 'missing' | 'stale' | 'corrupt' };

/**
 * Reads what a wake needs of the stored index (its stamp, term dictionary and field lengths,
 * never a posting) and checks it against the collection: the stamp must name the current
 * format and revision, the field lengths the articles it lists, and the table's last id must be
 * the last it knows (a row added behind Cairn's back, which bumped no revision). It does not
 * count the table: Chromium reads every row to count them, 300 ms at 50,000 articles; the
 * storage panel's status does (`SearchEngine.load`). An index saved by the design before
 * issue 10 (a whole-index snapshot) is `stale`.
 */
export async function openTermIndex(db: CairnDb): Promise<{ memory: TermIndexMemory } | Unusable> {
  const [revision, lastId, stampRecord, dictionaryRecord, lengthRows, oldSnapshots] = await db.transaction(
    'r',
    [db.meta, db.articles, db.termIndex, db.fieldLengths, db.snapshots],
    () =>
      Promise.all([
        readRevision(db),
        db.articles.orderBy(':id').lastKey(),
        db.termIndex.get('stamp') as Promise<unknown>,
        db.termIndex.get('terms') as Promise<unknown>,
        db.fieldLengths.toArray() as Promise<unknown[]>,
        db.snapshots.count(),
      ]),
  );
  if (stampRecord === undefined) return { reason: oldSnapshots > 0 ? 'stale' : 'missing' };
  const stamp = v.safeParse(termIndexStampSchema, stampRecord);
  const dictionary = v.safeParse(termDictionarySchema, dictionaryRecord);
  if (!stamp.success || !dictionary.success) return { reason: 'corrupt' };
  const { options, documentCount, damaged, ids } = stamp.output;
  if (options !== TERM_INDEX_FORMAT || stamp.output.revision !== revision) return { reason: 'stale' };

  const lengths: FieldLengths = new Map();
  try {
    for (const row of lengthRows) readLengthsRow(row, FIELD_COUNT, lengths);
  } catch {
    return { reason: 'corrupt' };
  }
  if (lengths.size !== documentCount || idsChecksum(lengths.keys()) !== ids) return { reason: 'corrupt' };
  if (!sameKey(lastId, lastOf(lengths.keys(), damaged))) return { reason: 'stale' };
  try {
    return { memory: createMemory(readDictionary(dictionary.output.terms, dictionary.output.counts), lengths, revision, damaged) };
  } catch {
    return { reason: 'corrupt' };
  }
}

/** The greatest of the indexed and damaged articles' ids, in IndexedDB's order of keys. */
function lastOf(ids: Iterable<number>, damaged: readonly { id: number | string }[]): IndexableType | undefined {
  let highest = -Infinity;
  for (const id of ids) if (id > highest) highest = id;
  let last: IndexableType | undefined = highest === -Infinity ? undefined : highest;
  for (const { id } of damaged) if (last === undefined || cmp(id, last) > 0) last = id;
  return last;
}

function sameKey(a: IndexableType | undefined, b: IndexableType | undefined): boolean {
  return a === undefined || b === undefined ? a === b : cmp(a, b) === 0;
}
