import SearchableMap from 'minisearch/SearchableMap';
import type { DamagedArticle } from '../../protocol.ts';
import { idsChecksum } from '../db/stored-snapshot.ts';
import { BLOCK_SIZE, type TermDictionaryRow, type TermIndexStamp } from '../db/stored-term-index.ts';
import { SEARCH_OPTIONS, SEARCH_OPTIONS_ID } from '../../shared/search/search-options.ts';
import { averageFieldLengths, type FieldLengths } from './field-lengths.ts';
import type { CollectionStats } from './query-index.ts';
import type { TermDictionary } from './query-terms.ts';

/** The stored index's format: one stamped with another is rebuilt. */
export const TERM_INDEX_FORMAT = `terms1:block${BLOCK_SIZE}:${SEARCH_OPTIONS_ID}`;
export const FIELD_COUNT = SEARCH_OPTIONS.fields.length;

/** What the worker keeps of the index between queries: no postings, only what finds and scores them. */
export interface TermIndexMemory extends CollectionStats {
  /** Every term, in a radix tree for completions and typos. */
  dictionary: TermDictionary;
  /** How many articles hold each term (the same numbers as `dictionary`, quicker to walk). */
  counts: Map<string, number>;
  revision: number;
  damaged: DamagedArticle[];
}

export function createMemory(counts: Map<string, number>, lengths: FieldLengths, revision: number, damaged: DamagedArticle[]): TermIndexMemory {
  const dictionary: TermDictionary = new SearchableMap();
  for (const [term, n] of counts) dictionary.set(term, n);
  const documentIds = new Map<number, number>();
  for (const id of lengths.keys()) documentIds.set(id, id);
  return { dictionary, counts, lengths, documentIds, averageFieldLengths: averageFieldLengths(lengths, FIELD_COUNT), revision, damaged };
}

/** The dictionary row for `counts` changed by `delta` (terms that reach 0 articles are left out). */
export function dictionaryRow(counts: Map<string, number>, delta: Map<string, number> = new Map()): TermDictionaryRow {
  const terms: string[] = [];
  const numbers: number[] = [];
  const keep = (term: string, n: number) => {
    if (n <= 0) return;
    terms.push(term);
    numbers.push(n);
  };
  for (const [term, n] of counts) keep(term, n + (delta.get(term) ?? 0));
  for (const [term, n] of delta) if (!counts.has(term)) keep(term, n);
  return { key: 'terms', terms: terms.join('\n'), counts: Uint32Array.from(numbers) };
}

export function stampOf(ids: Iterable<number>, documentCount: number, revision: number, damaged: DamagedArticle[]): TermIndexStamp {
  return { key: 'stamp', options: TERM_INDEX_FORMAT, revision, documentCount, ids: idsChecksum(ids), damaged };
}
