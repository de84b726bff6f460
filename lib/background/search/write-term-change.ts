import type { CairnDb } from '../db/cairn-db.ts';
import { blockOf } from '../db/stored-term-index.ts';
import type { DamagedArticle } from '../../protocol.ts';
import type { IndexedDocument } from '../../shared/search/search-options.ts';
import { articlesIn, decodePostings, encodePostings, type FieldPostings } from './field-postings.ts';
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

interface Row {
  term: string;
  block: number;
  postings: FieldPostings;
}

/**
 * Saves a change in one transaction with its stamp: the rows of the terms it touches in the
 * blocks it touches, those blocks' field lengths, the dictionary and the stamp. A removal scans
 * its block's rows (bounded by the block size, not the collection) for the ids it drops. Only
 * once the transaction has committed is `memory` updated; the touched terms are answered so
 * the caller can drop their cached postings. If it fails, nothing changed, neither stored nor
 * in memory.
 */
export async function writeTermChange(db: CairnDb, memory: TermIndexMemory, change: TermChange): Promise<Set<string>> {
  const batch = indexBatch(change.added);
  const removed = new Set(change.removedIds.filter((id) => memory.lengths.has(id)));
  for (const id of batch.lengths.keys()) if (memory.lengths.has(id)) removed.add(id);
  const rows = new Map<string, Row>();
  const delta = new Map<string, number>();
  const addDelta = (term: string, n: number) => delta.set(term, (delta.get(term) ?? 0) + n);

  const next = nextLengths(memory.lengths, removed, batch.lengths);
  let dictionary = memory.dictionary;
  await db.transaction('rw', [db.postings, db.fieldLengths, db.termIndex], async () => {
    for (const block of new Set([...removed].map(blockOf))) {
      await db.postings.where('block').equals(block).each((row) => {
        const postings = decodePostings(row.data, FIELD_COUNT);
        const dropped = dropIds(postings, removed);
        if (dropped === 0) return;
        rows.set(keyOf(row.term, block), { term: row.term, block, postings });
        addDelta(row.term, -dropped);
      });
    }
    const additions = new Map<string, Row>();
    for (const [term, postings] of batch.terms) {
      addDelta(term, articlesIn(postings));
      for (const [block, part] of splitByBlock(postings)) additions.set(keyOf(term, block), { term, block, postings: part });
    }
    const unread = [...additions.keys()].filter((key) => !rows.has(key));
    const stored = await db.postings.bulkGet(unread.map((key) => [additions.get(key)!.term, additions.get(key)!.block] as [string, number]));
    unread.forEach((key, i) => {
      const { term, block } = additions.get(key)!;
      rows.set(key, { term, block, postings: stored[i] ? decodePostings(stored[i].data, FIELD_COUNT) : new Map() });
    });
    for (const [key, addition] of additions) merge(rows.get(key)!.postings, addition.postings);

    const emptied = [...rows.values()].filter((row) => isEmpty(row.postings));
    await db.postings.bulkDelete(emptied.map((row) => [row.term, row.block] as [string, number]));
    await db.postings.bulkPut(
      [...rows.values()].filter((row) => !isEmpty(row.postings)).map(({ term, block, postings }) => ({ term, block, data: encodePostings(postings) })),
    );
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
  return new Set([...rows.values()].map((row) => row.term));
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

function isEmpty(postings: FieldPostings): boolean {
  for (const docs of postings.values()) if (docs.size > 0) return false;
  return true;
}
