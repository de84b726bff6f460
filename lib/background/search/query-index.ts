import SearchableMap from 'minisearch/SearchableMap';
import type { FieldPostings } from './field-postings.ts';
import type { FieldLengths } from './field-lengths.ts';
import { createIndex, type SearchIndex } from './snapshot.ts';

/** What every query shares: the collection's articles and the statistics BM25 needs. */
export interface CollectionStats {
  /** Article id → article id: the query index uses article ids as its internal ids. */
  documentIds: Map<number, number>;
  lengths: FieldLengths;
  averageFieldLengths: number[];
}

/**
 * The fields of MiniSearch 7 a query reads. Filling them in here and reading them in
 * `topMatches` are the two places that lean on MiniSearch's internals;
 * tests/integration/term-index.test.ts and tests/unit/top-matches.test.ts compare every answer
 * with a whole MiniSearch's, so an upgrade that renames them fails there.
 */
export interface Internals {
  _index: SearchableMap<FieldPostings>;
  _documentCount: number;
  _documentIds: Map<number, number>;
  _idToShortId: Map<number, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: FieldLengths;
  _avgFieldLength: number[];
  _nextId: number;
}

/**
 * A MiniSearch that holds only the given terms' postings but the whole collection's document
 * count, field lengths and averages: for the queries that reach only those terms it answers
 * exactly what an index of everything would, with MiniSearch's own semantics and scores.
 */
export function queryIndex(stats: CollectionStats, postings: Map<string, FieldPostings>): SearchIndex {
  const index = createIndex();
  const tree = new SearchableMap<FieldPostings>();
  for (const [term, data] of postings) tree.set(term, data);
  const internals = index as unknown as Internals;
  internals._index = tree;
  internals._documentCount = stats.documentIds.size;
  internals._documentIds = stats.documentIds;
  internals._idToShortId = stats.documentIds;
  internals._fieldLength = stats.lengths;
  internals._avgFieldLength = stats.averageFieldLengths;
  internals._nextId = Number.MAX_SAFE_INTEGER;
  return index;
}
