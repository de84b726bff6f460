import MiniSearch from 'minisearch';
import { SEARCH_OPTIONS, type IndexedDocument } from '../lib/shared/search/search-options.ts';

/**
 * A prototype of a columnar snapshot, to measure rather than guess what leaving MiniSearch's
 * JSON would gain: postings are arrays of delta-coded ids and of frequencies instead of objects
 * keyed by id, which V8 parses and builds slowly. It reads and writes MiniSearch's private
 * fields, so it lives in the bench only; a product version would pin the MiniSearch version.
 */
type Postings = Map<number, Map<number, number>>;

interface Internals {
  _index: Iterable<[string, Postings]> & { set(term: string, postings: Postings): void };
  _documentIds: Map<number, number>;
  _idToShortId: Map<number, number>;
  _fieldLength: Map<number, number[]>;
  _documentCount: number;
  _nextId: number;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _dirtCount: number;
}

interface Columnar {
  documentCount: number;
  nextId: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  dirtCount: number;
  shortIds: number[];
  ids: number[];
  fieldLength: number[][];
  terms: string[];
  /** Per term: fieldId, count, then `count` id deltas and `count` frequencies, per field. */
  postings: number[][];
}

const internals = (index: MiniSearch<IndexedDocument>) => index as unknown as Internals;

export function toColumnarJson(index: MiniSearch<IndexedDocument>): string {
  const m = internals(index);
  const shortIds = [...m._documentIds.keys()];
  const columnar: Columnar = {
    documentCount: m._documentCount,
    nextId: m._nextId,
    fieldIds: m._fieldIds,
    averageFieldLength: m._avgFieldLength,
    dirtCount: m._dirtCount,
    shortIds,
    ids: shortIds.map((s) => m._documentIds.get(s)!),
    fieldLength: shortIds.map((s) => m._fieldLength.get(s) ?? []),
    terms: [],
    postings: [],
  };
  for (const [term, fields] of m._index) {
    const row: number[] = [];
    for (const [fieldId, freqs] of fields) {
      const ids = [...freqs.keys()].sort((a, b) => a - b);
      row.push(fieldId, ids.length);
      ids.forEach((id, i) => row.push(i === 0 ? id : id - ids[i - 1]!));
      for (const id of ids) row.push(freqs.get(id)!);
    }
    columnar.terms.push(term);
    columnar.postings.push(row);
  }
  return JSON.stringify(columnar);
}

export function loadColumnarJson(json: string): MiniSearch<IndexedDocument> {
  const c = JSON.parse(json) as Columnar;
  const index = MiniSearch.loadJS<IndexedDocument>(
    {
      documentCount: c.documentCount,
      nextId: c.nextId,
      documentIds: {},
      fieldIds: c.fieldIds,
      fieldLength: {},
      averageFieldLength: c.averageFieldLength,
      storedFields: {},
      dirtCount: c.dirtCount,
      index: [],
      serializationVersion: 2,
    },
    SEARCH_OPTIONS,
  );
  const m = internals(index);
  c.shortIds.forEach((shortId, i) => {
    m._documentIds.set(shortId, c.ids[i]!);
    m._idToShortId.set(c.ids[i]!, shortId);
    m._fieldLength.set(shortId, c.fieldLength[i]!);
  });
  c.terms.forEach((term, t) => {
    const row = c.postings[t]!;
    const fields: Postings = new Map();
    for (let at = 0; at < row.length; ) {
      const fieldId = row[at++]!;
      const count = row[at++]!;
      const freqs = new Map<number, number>();
      for (let i = 0, id = 0; i < count; i++) {
        id += row[at + i]!;
        freqs.set(id, row[at + count + i]!);
      }
      at += 2 * count;
      fields.set(fieldId, freqs);
    }
    m._index.set(term, fields);
  });
  return index;
}
