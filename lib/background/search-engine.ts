import type MiniSearch from 'minisearch';
import type { CairnDb } from './db/cairn-db.ts';
import { readRevision } from './db/revision.ts';
import type { Article, IndexStatus, SearchHit, SearchResult } from '../protocol.ts';
import { makeSnippet } from './search/make-snippet.ts';
import { markTerms } from './search/mark-terms.ts';
import { planQuery } from '../shared/search/query-plan.ts';
import type { IndexedDocument } from '../shared/search/search-options.ts';
import { createIndex, restoreSnapshot, takeSnapshot } from './search/snapshot.ts';

export interface SearchEngineDeps {
  db: CairnDb;
  now?: () => number;
  /**
   * How long to wait after a change before saving the snapshot, so a burst of imports is saved
   * once. Default 1000 ms. Correctness does not depend on it: an unsaved change only means the
   * next wake rebuilds.
   */
  saveDelayMs?: number;
}

export interface SearchEngine {
  search(query: string, limit: number): Promise<SearchResult>;
  /** The ids of every matching article, best first. */
  searchIds(query: string): Promise<number[]>;
  /** Tells the engine what a write did, so the index follows without a rebuild. */
  applyChange(change: { added: Article[]; removedIds?: number[]; revision: number }): Promise<void>;
  /** Writes the snapshot now if the index has changes not yet saved. */
  flush(): Promise<void>;
  /** Loads the index (from the snapshot or by rebuilding) if it is not in memory yet. */
  load(): Promise<IndexStatus>;
}

interface Loaded {
  index: MiniSearch<IndexedDocument>;
  revision: number;
  info: IndexStatus;
}

/**
 * Keeps the MiniSearch index in step with the database across service-worker restarts: on first
 * use it restores the saved snapshot when its stamp matches the collection, and rebuilds from
 * `articles` otherwise.
 */
export function createSearchEngine({ db, now = Date.now, saveDelayMs = 1000 }: SearchEngineDeps): SearchEngine {
  let loading: Promise<Loaded> | null = null;
  let dirty = false;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;

  function load(): Promise<Loaded> {
    loading ??= loadOrRebuild(db, now).catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  }

  async function save(): Promise<void> {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = null;
    if (!dirty || !loading) return;
    const { index, revision } = await loading;
    dirty = false;
    await db.snapshots.put(takeSnapshot(index, revision, now()));
  }

  function scheduleSave(): void {
    dirty = true;
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void save().catch((e) => console.error('search-engine: snapshot not saved', e)), saveDelayMs);
  }

  return {
    async load() {
      return (await load()).info;
    },

    async search(query, limit) {
      const { index } = await load();
      return runSearch(db, index, query, limit);
    },

    async searchIds(query) {
      const { index } = await load();
      return rankedMatches(index, query).map((result) => result.id as number);
    },

    async applyChange({ added, removedIds = [], revision }) {
      if (!loading) return; // Not loaded yet: the next load reads the database as it is.
      const loaded = await loading;
      if (loaded.revision >= revision) return; // Loaded after the write: it has it already.
      if (loaded.revision !== revision - 1) {
        // A change was missed (another writer, a failed update): rebuild on next use.
        loading = null;
        return;
      }
      for (const id of removedIds) if (loaded.index.has(id)) loaded.index.discard(id);
      loaded.index.addAll(added.map(toIndexed));
      loaded.revision = revision;
      scheduleSave();
    },

    flush: save,
  };
}

async function loadOrRebuild(db: CairnDb, now: () => number): Promise<Loaded> {
  const started = now();
  const [revision, documentCount, snapshot] = await db.transaction('r', db.meta, db.articles, db.snapshots, () =>
    Promise.all([readRevision(db), db.articles.count(), db.snapshots.get('search')]),
  );
  const restored = restoreSnapshot(snapshot, { revision, documentCount });
  if (restored.index) {
    return {
      index: restored.index,
      revision,
      info: { how: 'restored', documentCount, revision, ms: now() - started },
    };
  }
  const { articles, revision: rebuiltAt } = await db.transaction('r', db.meta, db.articles, async () => ({
    articles: await db.articles.toArray(),
    revision: await readRevision(db),
  }));
  const index = createIndex();
  index.addAll(articles.map(toIndexed));
  await db.snapshots.put(takeSnapshot(index, rebuiltAt, now()));
  return {
    index,
    revision: rebuiltAt,
    info: { how: 'rebuilt', reason: restored.reason, documentCount: articles.length, revision: rebuiltAt, ms: now() - started },
  };
}

function toIndexed(article: Article): IndexedDocument {
  const { id, title, body, source, author } = article;
  return { id, title, body, source, author };
}

/** Queries with every word required; if that finds nothing, with any word. */
function rankedMatches(index: MiniSearch<IndexedDocument>, query: string) {
  const all = planQuery(query, 'AND');
  if (all.terms.length === 0) return [];
  const results = index.search(query, all.options);
  if (results.length > 0 || all.terms.length === 1) return results;
  return index.search(query, planQuery(query, 'OR').options);
}

async function runSearch(
  db: CairnDb,
  index: MiniSearch<IndexedDocument>,
  query: string,
  limit: number,
): Promise<SearchResult> {
  const results = rankedMatches(index, query);
  if (results.length === 0) return { query, hits: [], total: 0 };
  const top = results.slice(0, limit);
  const articles = await db.articles.bulkGet(top.map((r) => r.id as number));
  const hits: SearchHit[] = [];
  top.forEach((result, i) => {
    const article = articles[i];
    if (!article) return; // Deleted between the query and the read.
    const terms = new Set(result.terms);
    hits.push({
      id: article.id,
      title: article.title,
      source: article.source,
      author: article.author,
      publishedAt: article.publishedAt,
      origin: article.origin,
      url: article.url,
      score: result.score,
      titleHighlights: markTerms(article.title, terms),
      snippet: makeSnippet(article.body, terms),
    });
  });
  return { query, hits, total: results.length };
}
