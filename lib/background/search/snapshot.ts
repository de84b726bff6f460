import MiniSearch from 'minisearch';
import * as v from 'valibot';
import type { SnapshotKind } from '../db/load-or-rebuild.ts';
import { idsChecksum } from '../db/stored-snapshot.ts';
import { SEARCH_OPTIONS, SEARCH_OPTIONS_ID, type IndexedDocument } from '../../shared/search/search-options.ts';

export type SearchIndex = MiniSearch<IndexedDocument>;

export function createIndex(): SearchIndex {
  return new MiniSearch<IndexedDocument>(SEARCH_OPTIONS);
}

const int = v.pipe(v.number(), v.integer(), v.minValue(0));

/** A plain object whose every value passes `check` (a loop: these hold one entry per article or term). */
const recordOf = (check: (value: unknown) => boolean, message: string) =>
  v.custom<Record<string, unknown>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(check),
    message,
  );

const isArticleId = (id: unknown) => Number.isInteger(id) && (id as number) >= 1;
// A field an article lacks is a hole in its lengths, which JSON writes as null.
const isLengths = (lengths: unknown) => Array.isArray(lengths) && lengths.every((n) => n === null || typeof n === 'number');
const isTermEntry = (entry: unknown) =>
  Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'object' && entry[1] !== null;

/** `MiniSearch#toJSON` as this version writes it; the postings inside each term are left to `loadJS`. */
const serializedIndexSchema = v.object({
  documentCount: int,
  nextId: int,
  documentIds: recordOf(isArticleId, 'an article id is not a whole number'),
  fieldIds: v.record(v.string(), int),
  fieldLength: recordOf(isLengths, 'field lengths are not numbers'),
  averageFieldLength: v.array(v.number()),
  storedFields: recordOf(() => true, 'stored fields are not an object'),
  dirtCount: v.optional(int),
  index: v.custom<unknown[]>((value) => Array.isArray(value) && value.every(isTermEntry), 'a term entry is malformed'),
  serializationVersion: v.number(),
});

/** The saved ids of an index, read from what `toJSON` gives. */
function idsOf(plain: { documentIds: Record<string, unknown> }): number[] {
  return Object.values(plain.documentIds) as number[];
}

/**
 * The search index as a snapshot: restored only when its JSON has MiniSearch's shape and lists
 * exactly the articles its stamp names (a snapshot claiming five articles and listing none is
 * corrupt, not empty).
 */
export const searchSnapshot: SnapshotKind<SearchIndex> = {
  key: 'search',
  options: SEARCH_OPTIONS_ID,
  restore(json, stamp) {
    try {
      const parsed = v.safeParse(serializedIndexSchema, JSON.parse(json));
      if (!parsed.success) return null;
      const plain = parsed.output;
      const ids = idsOf(plain);
      if (plain.documentCount !== stamp.documentCount || ids.length !== stamp.documentCount) return null;
      if (idsChecksum(ids) !== stamp.ids) return null;
      const index = MiniSearch.loadJS<IndexedDocument>(plain as Parameters<typeof MiniSearch.loadJS>[0], SEARCH_OPTIONS);
      return index.documentCount === stamp.documentCount ? index : null;
    } catch {
      return null;
    }
  },
  build(articles) {
    const index = createIndex();
    index.addAll(articles.map(toIndexed));
    return index;
  },
  save(index) {
    const plain = index.toJSON();
    return { json: JSON.stringify(plain), ids: idsOf(plain) };
  },
};

/** What of an article the index holds. */
export function toIndexed({ id, title, body, source, author }: IndexedDocument): IndexedDocument {
  return { id, title, body, source, author };
}
