import type { CollectionWriter } from './collection-writer.ts';
import type { SearchEngine } from './search-engine.ts';

/**
 * The search engine as requests see it: a search first lets the index take in the writes already
 * answered (`CollectionWriter.indexed`), so an article reported imported is found at once. It
 * waits for index updates already queued (a batch or two during an import), never for a write
 * still under way, so searching keeps answering while an import runs. Everything else is the
 * engine's own, whatever shape the engine takes.
 */
export function searchAfterWrites(engine: SearchEngine, writer: Pick<CollectionWriter, 'indexed'>): SearchEngine {
  const search: SearchEngine['search'] = async (query, limit) => {
    await writer.indexed();
    return engine.search(query, limit);
  };
  const searchIds: SearchEngine['searchIds'] = async (query) => {
    await writer.indexed();
    return engine.searchIds(query);
  };
  return new Proxy(engine, {
    get(target, key) {
      if (key === 'search') return search;
      if (key === 'searchIds') return searchIds;
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
