import type { CairnDb } from '../db/cairn-db.ts';
import { blockOf } from '../db/stored-term-index.ts';
import type { DamagedArticle } from '../../protocol.ts';
import type { IndexedDocument } from '../../shared/search/search-options.ts';
import { bucketOf, decodeBucket, encodeBucket, type BucketTerms } from './bucket-rows.ts';
import { articlesIn, type FieldPostings } from './field-postings.ts';
import { averageFieldLengths, lengthsRow, type FieldLengths } from './field-lengths.ts';
import { indexBatch } from './index-batch.ts';
import { withDelta } from './term-dictionary.ts';
import { dictionaryRow, FIELD_COUNT, stampOf, type TermIndexMemory } from './term-index-memory.ts';

export interface TermChange {
  added: IndexedDocument[];
  /** Articles to take out; an added article whose id is indexed already replaces it. */
  removedIds: number[];
  revision: number;
  /** The damaged records after the change, for the stamp. */
  damaged: DamagedArticle[];
}

/** A bucket row the change rewrites, whole: every term of the bucket in the block. */
interface Row {
  bucket: string;
  block: number;
  terms: BucketTerms;
}

/**
 * Saves a change in one transaction with its stamp: the bucket rows of the terms it touches in
 * the blocks it touches, those blocks' field lengths, the dictionary and the stamp. A removal
 * scans its block's rows (bounded by the block size, not the collection) for the ids it drops.
 * Only once the transaction has committed is `memory` updated; the terms whose postings changed
 * are answered so the caller can drop their cached postings. If it fails, nothing changed,
 * neither stored nor in memory.
 */
export async function writeTermChange(db: CairnDb, memory: TermIndexMemory, change: TermChange): Promise<Set<string>> {
  const batch = indexBatch(change.added);
  const removed = new Set(change.removedIds.filter((id) => memory.lengths.has(id)));
  for (const id of batch.lengths.keys()) if (memory.lengths.has(id)) removed.add(id);
  const rows = new Map<string, Row>();
  const touched = new Set<string>();
  const delta = new Map<string, number>();
  const addDelta = (term: string, n: number) => delta.set(term, (delta.get(term) ?? 0) + n);

  const next = nextLengths(memory.lengths, removed, batch.lengths);
  let dictionary = memory.dictionary;
  await db.transaction('rw', [db.termBuckets, db.fieldLengths, db.termIndex], async () => {
    for (const block of new Set([...removed].map(blockOf))) {
      await db.termBuckets.where('block').equals(block).each((stored) => {
        const terms = decodeBucket(stored, FIELD_COUNT);
        let changed = false;
        for (const [term, postings] of terms) {
          const dropped = dropIds(postings, removed);
          if (dropped === 0) continue;
          changed = true;
          touched.add(term);
          addDelta(term, -dropped);
        }
        if (changed) rows.set(keyOf(stored.bucket, block), { bucket: stored.bucket, block, terms });
      });
    }
    const additions = new Map<string, Row>();
    for (const [term, postings] of batch.terms) {
      addDelta(term, articlesIn(postings));
      touched.add(term);
      const bucket = bucketOf(term);
      for (const [block, part] of splitByBlock(postings)) {
        const key = keyOf(bucket, block);
        let addition = additions.get(key);
        if (!addition) additions.set(key, (addition = { bucket, block, terms: new Map() }));
        addition.terms.set(term, part);
      }
    }
    const unread = [...additions].filter(([key]) => !rows.has(key)).map(([key, { bucket, block }]) => ({ key, bucket, block }));
    const stored = await db.termBuckets.bulkGet(unread.map(({ bucket, block }) => [bucket, block] as [string, number]));
    unread.forEach(({ key, bucket, block }, i) => rows.set(key, { bucket, block, terms: stored[i] ? decodeBucket(stored[i], FIELD_COUNT) : new Map() }));
    for (const [key, addition] of additions) {
      const { terms } = rows.get(key)!;
      for (const [term, part] of addition.terms) {
        let postings = terms.get(term);
        if (!postings) terms.set(term, (postings = new Map()));
        merge(postings, part);
      }
    }

    const packed = [...rows.values()].map((row) => ({ row, stored: encodeBucket(row.bucket, row.block, row.terms) }));
    await db.termBuckets.bulkDelete(packed.filter(({ stored }) => !stored).map(({ row }) => [row.bucket, row.block] as [string, number]));
    await db.termBuckets.bulkPut(packed.flatMap(({ stored }) => stored ?? []));
    for (const block of next.blocks) await db.fieldLengths.put(lengthsRow(block, next.inBlocks, FIELD_COUNT));
    dictionary = withDelta(memory.dictionary, delta);
    await db.termIndex.bulkPut([dictionaryRow(dictionary), stampOf(next.ids, next.ids.length, change.revision, change.damaged)]);
  });

  for (const id of removed) {
    memory.lengths.delete(id);
    memory.documentIds.delete(id);
  }
  for (const [id, fields] of batch.lengths) {
    memory.lengths.set(id, fields);
    memory.documentIds.set(id, id);
  }
  memory.dictionary = dictionary;
  memory.averageFieldLengths = averageFieldLengths(memory.lengths, FIELD_COUNT);
  memory.revision = change.revision;
  memory.damaged = change.damaged;
  return touched;
}

/** The ids after the change, the blocks whose lengths it changes, and every article's lengths in those blocks. */
function nextLengths(lengths: FieldLengths, removed: Set<number>, added: FieldLengths) {
  const blocks = new Set([...removed, ...added.keys()].map(blockOf));
  const inBlocks: FieldLengths = new Map();
  const ids: number[] = [];
  for (const [id, fields] of lengths) {
    if (removed.has(id)) continue;
    ids.push(id);
    if (blocks.has(blockOf(id))) inBlocks.set(id, fields);
  }
  for (const [id, fields] of added) {
    ids.push(id);
    inBlocks.set(id, fields);
  }
  return { blocks, inBlocks, ids };
}

function keyOf(term: string, block: number): string {
  return `${block}\u0000${term}`;
}

/** Takes `ids` out of the postings; answers how many articles lost the term. */
function dropIds(postings: FieldPostings, ids: Set<number>): number {
  const gone = new Set<number>();
  for (const [fieldId, docs] of postings) {
    if (ids.size <= docs.size) {
      for (const id of ids) if (docs.delete(id)) gone.add(id);
    } else {
      for (const id of docs.keys()) if (ids.has(id) && docs.delete(id)) gone.add(id);
    }
    if (docs.size === 0) postings.delete(fieldId);
  }
  return gone.size;
}

function splitByBlock(postings: FieldPostings): Map<number, FieldPostings> {
  const parts = new Map<number, FieldPostings>();
  for (const [fieldId, docs] of postings) {
    for (const [id, times] of docs) {
      const block = blockOf(id);
      let part = parts.get(block);
      if (!part) parts.set(block, (part = new Map()));
      let field = part.get(fieldId);
      if (!field) part.set(fieldId, (field = new Map()));
      field.set(id, times);
    }
  }
  return parts;
}

function merge(into: FieldPostings, from: FieldPostings): void {
  for (const [fieldId, docs] of from) {
    let field = into.get(fieldId);
    if (!field) into.set(fieldId, (field = new Map()));
    for (const [id, times] of docs) field.set(id, times);
  }
}
