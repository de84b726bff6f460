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

/** `MiniSearch#toJSON` as this version writes it; the nested index is left to `loadJS`. */
const serializedIndexSchema = v.object({
  documentCount: int,
  nextId: int,
  documentIds: v.record(v.string(), v.pipe(v.number(), v.integer(), v.minValue(1))),
  fieldIds: v.record(v.string(), int),
  // A field an article lacks is a hole in its array, which JSON writes as null.
  fieldLength: v.record(v.string(), v.array(v.nullable(v.number()))),
  averageFieldLength: v.array(v.number()),
  storedFields: v.record(v.string(), v.unknown()),
  dirtCount: v.optional(int),
  index: v.array(v.tuple([v.string(), v.record(v.string(), v.unknown())])),
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
