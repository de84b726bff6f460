import type { CairnDb } from '../db/cairn-db.ts';
import { blockOf, SMALL_WRITE, smallBlockOf, type TermBucketRow } from '../db/stored-term-index.ts';
import type { DamagedArticle } from '../../protocol.ts';
import type { IndexedDocument } from '../../shared/search/search-options.ts';
import { bucketOf, editPostings, encodeBucket, readBucket, type EditedTerms } from './bucket-rows.ts';
import { articlesIn, type FieldPostings } from './field-postings.ts';
import { averageFieldLengths, lengthsRow, type FieldLengths } from './field-lengths.ts';
import { indexBatch } from './index-batch.ts';
import { withDelta } from './term-dictionary.ts';
import { dictionaryRow, FIELD_COUNT, stampOf, type TermIndexMemory } from './term-index-memory.ts';

export interface TermChange {
  added: IndexedDocument[];
  /** Articles to take out; an added article whose id is indexed already replaces it. */
  removedIds: number[];
  /**
   * The removed articles as the index holds them, where the writer knows them (a delete, the
   * old version of an edit): their rows are found by their terms instead of by reading their
   * whole block. An id missing here, or whose text no longer gives the lengths the index holds,
   * has its block read.
   */
  removed?: IndexedDocument[];
  revision: number;
  /** The damaged records after the change, for the stamp. */
  damaged: DamagedArticle[];
}

/** A bucket row the change rewrites, whole: every term of the bucket in the block, those it changes decoded. */
interface Row {
  bucket: string;
  block: number;
  terms: EditedTerms;
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
  const byTerms = removedByTerms(memory, removed, change.removed);
  // A removed article's postings are in its block's rows, or in its small block's if a small write added it.
  const scanned = new Set([...removed].filter((id) => !byTerms.lengths.has(id)).flatMap((id) => [blockOf(id), smallBlockOf(id)]));
  const rowBlockOf = change.added.length < SMALL_WRITE ? smallBlockOf : blockOf;
  /** Takes the removed ids out of a stored row's terms: every term, or only `only`. */
  const dropFrom = (stored: TermBucketRow, only?: Map<string, unknown>) => {
    const terms = readBucket(stored);
    let changed = false;
    for (const term of terms.keys()) {
      if (only && !only.has(term)) continue;
      const dropped = dropIds(editPostings(terms, term, FIELD_COUNT), removed);
      if (dropped === 0) continue;
      changed = true;
      touched.add(term);
      addDelta(term, -dropped);
    }
    if (changed) rows.set(keyOf(stored.bucket, stored.block), { bucket: stored.bucket, block: stored.block, terms });
  };
  await db.transaction('rw', [db.termBuckets, db.fieldLengths, db.termIndex], async () => {
    for (const block of scanned) await db.termBuckets.where('block').equals(block).each((stored) => dropFrom(stored));
    const keys = new Map<string, [string, number]>();
    for (const [term, postings] of byTerms.terms) {
      for (const block of blocksOf(postings)) if (!scanned.has(block)) keys.set(keyOf(bucketOf(term), block), [bucketOf(term), block]);
    }
    for (const stored of await db.termBuckets.bulkGet([...keys.values()])) if (stored) dropFrom(stored, byTerms.terms);
    const additions = new Map<string, { bucket: string; block: number; terms: Map<string, FieldPostings> }>();
    for (const [term, postings] of batch.terms) {
      addDelta(term, articlesIn(postings));
      touched.add(term);
      const bucket = bucketOf(term);
      for (const [block, part] of splitByBlock(postings, rowBlockOf)) {
        const key = keyOf(bucket, block);
        let addition = additions.get(key);
        if (!addition) additions.set(key, (addition = { bucket, block, terms: new Map() }));
        addition.terms.set(term, part);
      }
    }
    const unread = [...additions].filter(([key]) => !rows.has(key)).map(([key, { bucket, block }]) => ({ key, bucket, block }));
    const stored = await db.termBuckets.bulkGet(unread.map(({ bucket, block }) => [bucket, block] as [string, number]));
    unread.forEach(({ key, bucket, block }, i) => rows.set(key, { bucket, block, terms: stored[i] ? readBucket(stored[i]) : new Map() }));
    for (const [key, addition] of additions) {
      const { terms } = rows.get(key)!;
      for (const [term, part] of addition.terms) merge(editPostings(terms, term, FIELD_COUNT), part);
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

/**
 * The removed articles whose rows can be found by their terms: those `known` gives whose text
 * still has the field lengths the index holds for them (else the text is not what was indexed).
 */
function removedByTerms(memory: TermIndexMemory, removed: Set<number>, known: IndexedDocument[] = []) {
  const documents = known.filter(({ id }) => removed.has(id));
  const unique = [...new Map(documents.map((document) => [document.id, document])).values()];
  const batch = indexBatch(unique);
  for (const [id, fields] of batch.lengths) {
    const held = memory.lengths.get(id);
    if (held === undefined || !sameLengths(held, fields)) batch.lengths.delete(id);
  }
  if (batch.lengths.size === unique.length) return batch;
  // Some text did not match: only the others are found by their terms.
  return indexBatch(unique.filter(({ id }) => batch.lengths.has(id)));
}

/**
 * Whether two articles' field lengths are the same. A field an article lacks is `undefined`, and
 * the arrays may end at its last field or go on to every field (those read back from the stored
 * rows do): after a wake, an article without an author compared unequal and its delete read its
 * whole block, 0.3 s at 10,000 articles (Cairn issue 10).
 */
function sameLengths(a: readonly (number | undefined)[], b: readonly (number | undefined)[]): boolean {
  for (let field = 0; field < Math.max(a.length, b.length); field++) if (a[field] !== b[field]) return false;
  return true;
}

/** The blocks whose rows may hold these postings: each article's block and its small block. */
function blocksOf(postings: FieldPostings): Set<number> {
  const blocks = new Set<number>();
  for (const docs of postings.values()) {
    for (const id of docs.keys()) {
      blocks.add(blockOf(id));
      blocks.add(smallBlockOf(id));
    }
  }
  return blocks;
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

function splitByBlock(postings: FieldPostings, rowBlockOf: (id: number) => number): Map<number, FieldPostings> {
  const parts = new Map<number, FieldPostings>();
  for (const [fieldId, docs] of postings) {
    for (const [id, times] of docs) {
      const block = rowBlockOf(id);
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
