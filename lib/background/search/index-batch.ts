import type { IndexedDocument } from '../../shared/search/search-options.ts';
import type { FieldPostings } from './field-postings.ts';
import type { FieldLengths } from './field-lengths.ts';
import { createIndex } from './snapshot.ts';

export interface IndexedBatch {
  /** Each term's postings among the batch's articles, by article id. */
  terms: Map<string, FieldPostings>;
  /** Each article's field lengths. */
  lengths: FieldLengths;
}

/**
 * What MiniSearch makes of a few articles, keyed by article id: MiniSearch itself tokenizes,
 * processes terms and measures fields, so the stored index cannot drift from what it would hold.
 */
export function indexBatch(documents: readonly IndexedDocument[]): IndexedBatch {
  const index = createIndex();
  index.addAll(documents);
  const plain = index.toJSON();
  const idOf = new Map(Object.entries(plain.documentIds).map(([short, id]) => [Number(short), id as number]));
  const terms = new Map<string, FieldPostings>();
  for (const [term, fields] of plain.index) {
    const postings: FieldPostings = new Map();
    for (const [fieldId, docs] of Object.entries(fields)) {
      const byId = new Map<number, number>();
      for (const [short, times] of Object.entries(docs)) byId.set(idOf.get(Number(short))!, times);
      postings.set(Number(fieldId), byId);
    }
    terms.set(term, postings);
  }
  const lengths: FieldLengths = new Map();
  for (const [short, fieldLengths] of Object.entries(plain.fieldLength)) {
    lengths.set(idOf.get(Number(short))!, Array.from(fieldLengths, (n) => (typeof n === 'number' ? n : undefined)));
  }
  return { terms, lengths };
}
