import type { CairnDb } from './db/cairn-db.ts';
import { loadOrRebuild, snapshotOf } from './db/load-or-rebuild.ts';
import { readArticles } from './db/read-articles.ts';
import { checkStoredArticle } from './db/stored-article.ts';
import { summaryOf } from './db/summary-of.ts';
import type { Article, DamagedArticle, IndexStatus, SearchHit, SearchResult } from '../protocol.ts';
import { makeSnippet } from './search/make-snippet.ts';
import { markTerms } from './search/mark-terms.ts';
import { parseQuery } from '../shared/search/parse-query.ts';
import { checkCandidates, type Checked } from './search/check-candidates.ts';
import { findCandidates } from './search/find-candidates.ts';
import { searchSnapshot, toIndexed, type SearchIndex } from './search/snapshot.ts';

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
  /** The best `limit` articles for a query in the search box's syntax (`parseQuery`). */
  search(query: string, limit: number): Promise<SearchResult>;
  /** The ids of every matching article, best first (of phrase and filter searches, those among the first `MAX_CHECKED` candidates). */
  searchIds(query: string): Promise<number[]>;
  /** Tells the engine what a write did, so the index follows without a rebuild. */
  applyChange(change: { added: Article[]; removedIds?: (number | string)[]; revision: number }): Promise<void>;
  /** Writes the snapshot now if the index has changes not yet saved. */
  flush(): Promise<void>;
  /** Loads the index (from the snapshot or by rebuilding) if it is not in memory yet. */
  load(): Promise<IndexStatus>;
}

interface Loaded {
  index: SearchIndex;
  revision: number;
  info: IndexStatus;
}

/**
 * Keeps the MiniSearch index in step with the database across service-worker restarts: on first
 * use it restores the saved snapshot when its stamp matches the collection, and rebuilds from
 * `articles` otherwise. Damaged articles are kept out of the index and listed in `load()`'s answer.
 */
export function createSearchEngine({ db, now = Date.now, saveDelayMs = 1000 }: SearchEngineDeps): SearchEngine {
  let loading: Promise<Loaded> | null = null;
  let dirty = false;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;

  function load(): Promise<Loaded> {
    loading ??= loadIndex(db, now).catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  }

  async function save(): Promise<void> {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = null;
    if (!dirty || !loading) return;
    const { index, revision, info } = await loading;
    dirty = false;
    await db.snapshots.put(snapshotOf(searchSnapshot, index, { revision, documentCount: index.documentCount, damaged: info.damaged }, now()));
  }

  function scheduleSave(): void {
    dirty = true;
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void save().catch((e) => console.error('search-engine: snapshot not saved', e)), saveDelayMs);
  }

  /** A record found damaged after the index was built: out of the index, into the list. */
  async function quarantine(damaged: DamagedArticle): Promise<void> {
    const loaded = await load();
    if (loaded.info.damaged.some((d) => d.id === damaged.id)) return;
    if (typeof damaged.id === 'number' && loaded.index.has(damaged.id)) loaded.index.discard(damaged.id);
    loaded.info = { ...loaded.info, damaged: [...loaded.info.damaged, damaged], documentCount: loaded.index.documentCount };
    scheduleSave();
  }

  return {
    async load() {
      return (await load()).info;
    },

    async search(query, limit) {
      const { index } = await load();
      return runSearch(db, index, query, limit, (damaged) => void quarantine(damaged));
    },

    async searchIds(query) {
      const { index } = await load();
      const { results } = await rankedMatches(db, index, query, Infinity);
      return results.map((result) => result.id as number);
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
      const removed = new Set(removedIds);
      for (const id of removedIds) if (typeof id === 'number' && loaded.index.has(id)) loaded.index.discard(id);
      const damaged = loaded.info.damaged.filter((d) => !removed.has(d.id));
      for (const article of added) {
        const checked = checkStoredArticle(article);
        if (checked.ok) loaded.index.add(toIndexed(checked.article));
        else damaged.push(checked.damaged);
      }
      loaded.revision = revision;
      loaded.info = { ...loaded.info, revision, documentCount: loaded.index.documentCount, damaged };
      scheduleSave();
    },

    flush: save,
  };
}

async function loadIndex(db: CairnDb, now: () => number): Promise<Loaded> {
  const started = now();
  const loaded = await loadOrRebuild(db, searchSnapshot, now);
  const { value: index, revision, how, reason, documentCount, damaged } = loaded;
  if (damaged.length > 0) console.warn(`search-engine: ${damaged.length} damaged article(s) left out of search`, damaged.slice(0, 10));
  return { index, revision, info: { how, ...(reason && { reason }), documentCount, revision, ms: now() - started, damaged } };
}

/** The candidates of a query that pass its phrase and field checks, best first. */
async function rankedMatches(db: CairnDb, index: SearchIndex, query: string, wanted: number, onDamaged?: (damaged: DamagedArticle) => void): Promise<Checked> {
  const parsed = parseQuery(query);
  return checkCandidates(db, findCandidates(index, parsed), parsed, wanted, onDamaged);
}

async function runSearch(
  db: CairnDb,
  index: SearchIndex,
  query: string,
  limit: number,
  onDamaged: (damaged: DamagedArticle) => void,
): Promise<SearchResult> {
  const matches = await rankedMatches(db, index, query, limit, onDamaged);
  const { results } = matches;
  if (results.length === 0) return { query, hits: [], total: 0, ...(!matches.complete && { totalAtLeast: true as const }) };
  const top = results.slice(0, limit);
  const unread = top.map((r) => r.id as number).filter((id) => !matches.articles.has(id));
  const read = await readArticles(db, unread, onDamaged);
  unread.forEach((id, i) => read[i] && matches.articles.set(id, read[i]));
  const hits: SearchHit[] = [];
  for (const result of top) {
    const article = matches.articles.get(result.id as number);
    if (!article) continue; // Deleted (or found damaged) between the query and the read.
    const terms = new Set(result.terms);
    hits.push({
      ...summaryOf(article),
      score: result.score,
      titleHighlights: markTerms(article.title, terms),
      snippet: makeSnippet(article.body, terms),
    });
  }
  return { query, hits, total: results.length, ...(!matches.complete && { totalAtLeast: true as const }) };
}
