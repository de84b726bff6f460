import { blockOf, type FieldLengthsRow } from '../db/stored-term-index.ts';
import { CorruptTermIndexError } from './field-postings.ts';

/**
 * Each article's field lengths as MiniSearch measures them (distinct tokens in the field;
 * `undefined` for a field the article lacks), by article id. It is also the index's set of articles.
 */
export type FieldLengths = Map<number, (number | undefined)[]>;

/**
 * The average length of each field as a MiniSearch that added these articles in id order would
 * hold it (its running mean counts every article, also those lacking the field). Recomputed
 * from the lengths rather than stored, so scores equal a fresh index's whatever the history of
 * adds and deletes.
 */
export function averageFieldLengths(lengths: FieldLengths, fieldCount: number): number[] {
  const ids = [...lengths.keys()];
  // Read at wake in block order, the ids come sorted; after an edit the edited one comes last.
  if (ids.some((id, i) => i > 0 && id < ids[i - 1]!)) ids.sort((a, b) => a - b);
  const average: number[] = new Array<number>(fieldCount);
  ids.forEach((id, count) => {
    const fields = lengths.get(id)!;
    for (let field = 0; field < fieldCount; field++) {
      const length = fields[field];
      if (length === undefined) continue;
      average[field] = ((average[field] || 0) * count + length) / (count + 1);
    }
  });
  return average;
}

/** The stored row of one block's lengths, from every article of `lengths` in it. */
export function lengthsRow(block: number, lengths: FieldLengths, fieldCount: number): FieldLengthsRow {
  const ids = [...lengths.keys()].filter((id) => blockOf(id) === block).sort((a, b) => a - b);
  const packed = new Uint32Array(ids.length * fieldCount);
  ids.forEach((id, i) => {
    const fields = lengths.get(id)!;
    for (let field = 0; field < fieldCount; field++) packed[i * fieldCount + field] = (fields[field] ?? -1) + 1;
  });
  return { block, ids: Uint32Array.from(ids), lengths: packed };
}

/** Adds a stored row's articles to `into`; throws `CorruptTermIndexError` on a malformed row. */
export function readLengthsRow(row: unknown, fieldCount: number, into: FieldLengths): void {
  const { block, ids, lengths } = (row ?? {}) as Partial<FieldLengthsRow>;
  if (!(ids instanceof Uint32Array) || !(lengths instanceof Uint32Array) || lengths.length !== ids.length * fieldCount) {
    throw new CorruptTermIndexError(`search index: field lengths of block ${String(block)} are malformed`);
  }
  ids.forEach((id, i) => {
    if (blockOf(id) !== block || into.has(id)) throw new CorruptTermIndexError(`search index: article ${id} misplaced in the field lengths`);
    const fields: (number | undefined)[] = [];
    for (let field = 0; field < fieldCount; field++) {
      const stored = lengths[i * fieldCount + field]!;
      fields[field] = stored === 0 ? undefined : stored - 1;
    }
    into.set(id, fields);
  });
}
