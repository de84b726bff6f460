import type { DamagedArticle, IndexMemory } from '../../protocol.ts';
import { idsChecksum } from '../db/stored-snapshot.ts';
import { BLOCK_SIZE, SMALL_BLOCK_SIZE, type TermDictionaryRow, type TermIndexStamp } from '../db/stored-term-index.ts';
import { SEARCH_OPTIONS, SEARCH_OPTIONS_ID } from '../../shared/search/search-options.ts';
import { BUCKET_CHARS } from './bucket-rows.ts';
import { averageFieldLengths, type FieldLengths } from './field-lengths.ts';
import type { CollectionStats } from './query-index.ts';
import type { TermDictionary } from './term-dictionary.ts';

/** The stored index's format: one stamped with another is rebuilt. */
export const TERM_INDEX_FORMAT = `terms2:block${BLOCK_SIZE}:small${SMALL_BLOCK_SIZE}:bucket${BUCKET_CHARS}:${SEARCH_OPTIONS_ID}`;
export const FIELD_COUNT = SEARCH_OPTIONS.fields.length;

/** What the worker keeps of the index between queries: no postings, only what finds and scores them. */
export interface TermIndexMemory extends CollectionStats {
  /** Every term, with how many articles hold it. */
  dictionary: TermDictionary;
  revision: number;
  damaged: DamagedArticle[];
}

export function createMemory(dictionary: TermDictionary, lengths: FieldLengths, revision: number, damaged: DamagedArticle[]): TermIndexMemory {
  const documentIds = new Map<number, number>();
  for (const id of lengths.keys()) documentIds.set(id, id);
  return { dictionary, lengths, documentIds, averageFieldLengths: averageFieldLengths(lengths, FIELD_COUNT), revision, damaged };
}

/** The stored form of a dictionary. */
export function dictionaryRow({ terms, counts }: TermDictionary): TermDictionaryRow {
  return { key: 'terms', terms: terms.join('\n'), counts: Uint32Array.from(counts) };
}

export function stampOf(ids: Iterable<number>, documentCount: number, revision: number, damaged: DamagedArticle[]): TermIndexStamp {
  return { key: 'stamp', options: TERM_INDEX_FORMAT, revision, documentCount, ids: idsChecksum(ids), damaged };
}

/**
 * Rough engine costs, in bytes: a term string's header and its array slot and count, and one
 * article's field lengths (a Map entry holding a small array of numbers).
 */
const TERM_OVERHEAD = 40;
const ARTICLE_BYTES = 130;

/** What the index keeps in memory, estimated: the storage panel's "in memory" line. */
export function memoryOf(memory: TermIndexMemory, cachedBytes: number, cacheLimit: number): IndexMemory {
  let keptBytes = memory.lengths.size * ARTICLE_BYTES;
  for (const term of memory.dictionary.terms) keptBytes += term.length * 2 + TERM_OVERHEAD;
  return { terms: memory.dictionary.terms.length, keptBytes, cachedBytes, cacheLimit };
}
