import type { CairnDb } from './db/cairn-db.ts';
import { readRevision } from './db/revision.ts';
import { checkStoredArticle } from './db/stored-article.ts';
import type { Article, DamagedArticle, IndexStatus, SearchResult } from '../protocol.ts';
import { rankedMatches, searchArticles } from './search/search-articles.ts';
import { CorruptTermIndexError } from './search/field-postings.ts';
import { toIndexed } from './search/snapshot.ts';
import type { Unusable } from './search/open-term-index.ts';
import { mergeChanges } from './search/merge-changes.ts';
import type { TermChange } from './search/write-term-change.ts';
import { DEFAULT_CACHE_BYTES, loadTermIndex, type TermIndex } from './search/term-index.ts';
import { memoryOf, type TermIndexMemory } from './search/term-index-memory.ts';
import { blockOf, SMALL_WRITE } from './db/stored-term-index.ts';
import type { IndexedDocument } from '../shared/search/search-options.ts';

export interface SearchEngineDeps {
  db: CairnDb;
  now?: () => number;
  /**
   * Unused since issue 10: a change is saved as it is applied, in proportion to what it
   * touched. Kept so the callers that still pass it need not change.
   */
  saveDelayMs?: number;
  /** Bound of the decoded postings kept between queries, in bytes. Default 64 MB. */
  cacheBytes?: number;
  /**
   * Bound of the change waiting behind the running save, in articles added. Default 6,000
   * (`MAX_QUEUED_ARTICLES`), 1,000 while someone searches (`SEARCHING_QUEUE`). `applyChange`
   * waits for room beyond it.
   */
  maxQueuedArticles?: number;
  /** The same bound in characters of added text (titles and bodies). Default 24 M, 4 M while someone searches. */
  maxQueuedChars?: number;
  /**
   * Milliseconds the newest block's part of a large append waits for the rest of its block
   * before it is saved (`HOLD_MS`); 0 saves every change whole at once.
   */
  holdMs?: number;
}

/**
 * Articles a queued change may hold before `applyChange` waits: a block of ids (`BLOCK_SIZE`,
 * 4,096) held for the batch that fills it, and the batches behind it. Below a block, a block
 * held back is saved early, in parts, and each part rewrites the rows the last one wrote.
 */
const MAX_QUEUED_ARTICLES = 6_000;
/**
 * Characters of text a queued change may hold before `applyChange` waits: about 48 MB of strings
 * at most, while an import runs (a block of 4,096 Brown-sized articles is 11 M characters).
 */
const MAX_QUEUED_CHARS = 24_000_000;
/**
 * An import adds articles in batches that do not line up with the index's blocks of ids: saved
 * batch by batch, each block's rows were rewritten by two or three saves, and every save but the
 * first read them back to merge into (Cairn issue 10: 70,538 rows written and 3.6 s of merge
 * reads for 10,000 articles). So the part of a large append that falls in its newest block waits
 * for the next batch, which fills that block, and the block is saved once. It waits this long at
 * most after the last change; a query, `flush` or `load` saves it at once, so no answer misses it.
 */
const HOLD_MS = 250;
/**
 * A query waits for every change queued before it (an article reported imported is found at
 * once), so during an import its wait is the index's lag behind the writer: a held block and the
 * batches queued behind it, two or three seconds of indexing at worst (Cairn issue 10). For this
 * long after a query, the engine keeps that lag short instead of saving blocks once: nothing is
 * held, and the queue is bounded by `SEARCHING_QUEUE` (about two import batches). The import
 * then writes more rows and runs slower, only while someone searches.
 */
const SEARCHING_MS = 3_000;
const SEARCHING_QUEUE = { articles: 1_000, chars: 4_000_000 };

export interface SearchEngine {
  /** The best `limit` articles for a query in the search box's syntax (`parseQuery`). */
  search(query: string, limit: number): Promise<SearchResult>;
  /** The ids of every matching article, best first (of phrase and filter searches, those among the first `MAX_CHECKED` candidates). */
  searchIds(query: string): Promise<number[]>;
  /**
   * Tells the engine what a write did, so the index follows without a rebuild. It resolves once
   * the change is queued; the save follows, and every later query waits for it. While the change
   * already queued is full (`maxQueuedArticles`, `maxQueuedChars`), it first waits for the running
   * save to end: that wait is what holds a writer back when the index falls behind.
   */
  applyChange(change: { added: Article[]; removedIds?: (number | string)[]; removed?: Article[]; revision: number }): Promise<void>;
  /** Waits until every change applied so far is saved. */
  flush(): Promise<void>;
  /**
   * Opens the stored index (or rebuilds it) if it is not open yet, checked against the articles
   * table once (see `checkRows`): what the storage panel shows.
   */
  load(): Promise<IndexStatus>;
  /** Opens the stored index if it is not open yet, without counting the table (a wake: see `checkRows`). */
  open(): Promise<void>;
  /** Estimated bytes of the search index in the worker's memory: its cached postings (0 before `load`). */
  cachedBytes(): number;
  /**
   * Settles once no query is running (at once if none is): background work that shares the
   * worker's thread (linking's slices) waits for it, so a keystroke's steps are not each queued
   * behind a slice.
   */
  idle(): Promise<void>;
}

interface Loaded {
  index: TermIndex;
  info: IndexStatus;
}

/**
 * Keeps search in step with the database across service-worker restarts. On first use it opens
 * the stored term index (issue 10: a term dictionary and field lengths, postings read per query)
 * when its stamp matches the collection, and rebuilds it from `articles` otherwise. Each change
 * is saved as it is applied, in one transaction with the revision. Damaged articles are kept
 * out of the index and listed in `load()`'s answer; corrupt index rows found by a query make
 * the index rebuild, and the query runs again.
 */
export function createSearchEngine(deps: SearchEngineDeps): SearchEngine {
  const { db, now = Date.now, cacheBytes = DEFAULT_CACHE_BYTES, maxQueuedArticles = MAX_QUEUED_ARTICLES, maxQueuedChars = MAX_QUEUED_CHARS } = deps;
  let loading: Promise<Loaded> | null = null;
  let loaded: Loaded | null = null;
  /** The table count of the index open now, once started; `stale` once it failed (the next open rebuilds). */
  let checked: Promise<void> | null = null;
  let stale: Unusable | undefined;
  let writing: Promise<void> = Promise.resolve();
  /**
   * A change applied but not saved yet. Saves run one at a time; the changes that arrive while
   * one runs are merged into the next, so a burst of small writes is saved in few transactions.
   * It is bounded (Cairn issue 10): merged without limit, it held the text of every article of
   * a big import until the index caught up.
   */
  let queued: TermChange | null = null;
  /** Settles once the queued change starts saving, which leaves the queue empty. */
  let taken: Promise<void> = Promise.resolve();
  /** The change being saved: the next one follows from it. */
  let saving: TermChange | null = null;
  /** A save of `queued` is on the write chain and has not taken it yet. */
  let scheduled = false;
  /** The next save takes all of `queued`, held part included (a query or `flush` is waiting). */
  let released = false;
  let holdTimer: ReturnType<typeof setTimeout> | undefined;
  const holdMs = deps.holdMs ?? HOLD_MS;
  /** When the last query came (`now()`): see `SEARCHING_MS`. */
  let queriedAt = -Infinity;
  /** Queries started and not answered yet, and who waits for there to be none (`idle`). */
  let queries = 0;
  const idleWaiters: (() => void)[] = [];
  const searching = () => now() - queriedAt < SEARCHING_MS;

  function load(rebuild?: Unusable): Promise<Loaded> {
    loading ??= openIndex(db, now, cacheBytes, rebuild ?? stale).then(
      (opened) => {
        stale = undefined;
        // Built from the table itself: nothing to check.
        if (opened.info.how === 'rebuilt') checked = Promise.resolve();
        return (loaded = opened);
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  }

  function forget(): void {
    queued = null;
    saving = null;
    scheduled = false;
    released = false;
    clearTimeout(holdTimer);
    holdTimer = undefined;
    loading = null;
    loaded = null;
    checked = null;
  }

  /**
   * Counts the table against the open index: the articles it holds and the damaged ones must be
   * every row. Every write of Cairn's bumps the revision, and opening compares the stamp and
   * the last id; only a row put or deleted below the last id by something else (another
   * version, a hand edit) fails this one, and the index is then rebuilt. The storage panel's
   * status runs it, a wake does not: Chromium counts rows by reading them all (300 ms at 50,000
   * articles), and it holds the searches queued behind it.
   */
  function checkRows(): Promise<void> {
    checked ??= write(async ({ index: { memory } }) => {
      if (!db.isOpen()) return; // The worker's database closed (a test's end): nothing to check.
      const [revision, rows] = await db
        .transaction('r', db.meta, db.articles, () => Promise.all([readRevision(db), db.articles.count()]))
        .catch((error: unknown) => {
          console.warn('search-engine: could not check the index against the articles', error);
          return [memory.revision, memory.documentIds.size + memory.damaged.length];
        });
      // A write on its way: `applyChange` checks that it follows from the index's revision.
      if (revision !== memory.revision) return;
      if (memory.documentIds.size + memory.damaged.length === rows) return;
      console.warn(`search-engine: the index holds ${memory.documentIds.size + memory.damaged.length} articles, the table ${rows}; rebuilding`);
      forget();
      stale = { reason: 'stale' };
    });
    return checked;
  }

  /** Runs writes one after another; a failed one leaves the index to be opened again (the stamp tells what is stale). */
  function write(task: (current: Loaded) => Promise<void>): Promise<void> {
    const run = writing.then(async () => {
      if (!loading) return; // Not open: the next load reads the database as it is.
      const current = await loading;
      try {
        await task(current);
      } catch (error) {
        console.error('search-engine: change not saved; the index will be checked again', error);
        forget();
      }
    });
    writing = run.catch(() => undefined);
    return run;
  }

  /** Runs a query; corrupt stored rows make the index rebuild once, then the query runs again. */
  async function withIndex<T>(use: (index: TermIndex) => Promise<T>): Promise<T> {
    queriedAt = now();
    queries += 1;
    try {
      release();
      await writing; // Every change applied before the query is in its answer.
      const { index } = await load();
      try {
        return await use(index);
      } catch (error) {
        if (!(error instanceof CorruptTermIndexError)) throw error;
        console.warn('search-engine: corrupt index rows, rebuilding', error);
        forget();
        return await use((await load({ reason: 'corrupt' })).index);
      }
    } finally {
      queries -= 1;
      if (queries === 0) for (const wake of idleWaiters.splice(0)) wake();
    }
  }

  /** The state the next change follows from: the last one queued or being saved, else the index's. */
  function latest(current: Loaded): { revision: number; damaged: DamagedArticle[] } {
    return queued ?? saving ?? current.index.memory;
  }

  /** Queues a change for saving, merged with one already waiting. */
  function enqueue(change: TermChange): void {
    queued = queued ? mergeChanges(queued, change) : change;
    schedule();
  }

  /** Saves all that is queued, a held block's part included, as the next write. */
  function release(): void {
    clearTimeout(holdTimer);
    holdTimer = undefined;
    if (!queued) return;
    released = true;
    schedule();
  }

  /** Puts a save of the queued change on the write chain, unless one waits there already. */
  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    let leave: () => void = () => undefined;
    taken = new Promise((resolve) => (leave = resolve));
    // Settled in any case, so no writer waits for a save that was dropped.
    void write(async (now) => {
      scheduled = false;
      clearTimeout(holdTimer);
      holdTimer = undefined;
      const next = take(now.index.memory);
      leave();
      if (queued) holdTimer = setTimeout(release, holdMs);
      if (!next) return;
      saving = next;
      try {
        await now.index.apply(next);
      } finally {
        saving = null;
      }
      now.info = { ...now.info, revision: next.revision, documentCount: now.index.memory.documentIds.size, damaged: next.damaged };
    }).then(leave, leave);
  }

  /**
   * What the save starting now takes of the queue: all of it, except the newest block's part of
   * a large append (`HOLD_MS`), which stays queued. The part saved carries the change's revision:
   * a worker stopped before the rest is saved wakes to an index whose last id is not the table's,
   * and rebuilds it, as it does when it stops with a change queued.
   */
  function take(memory: TermIndexMemory): TermChange | null {
    const change = queued;
    const all = released;
    released = false;
    if (!change) return null;
    queued = null;
    // A small write (a paste, a page saved, an edit) is saved at once, whole, into small blocks.
    if (all || holdMs <= 0 || searching() || change.added.length < SMALL_WRITE || !isAppend(change, memory)) return change;
    const newest = change.added.reduce((highest, { id }) => Math.max(highest, blockOf(id)), 0);
    const head: IndexedDocument[] = [];
    const tail: IndexedDocument[] = [];
    for (const document of change.added) (blockOf(document.id) === newest ? tail : head).push(document);
    const rest = { ...change, added: tail };
    if (isFull(rest)) return change;
    queued = rest;
    return head.length > 0 ? { ...change, added: head } : null;
  }

  /** Waits while the queued change holds as much as it may: the running save then takes it. */
  async function roomInQueue(): Promise<void> {
    while (queued && isFull(queued)) await taken;
  }

  function isFull({ added }: TermChange): boolean {
    const bound = searching()
      ? { articles: Math.min(maxQueuedArticles, SEARCHING_QUEUE.articles), chars: Math.min(maxQueuedChars, SEARCHING_QUEUE.chars) }
      : { articles: maxQueuedArticles, chars: maxQueuedChars };
    if (added.length >= bound.articles) return true;
    let chars = 0;
    for (const { title, body } of added) chars += title.length + body.length;
    return chars >= bound.chars;
  }

  /** A record found damaged after the index was built: out of the index, into the list. */
  async function quarantine(damaged: DamagedArticle): Promise<void> {
    if (!loading) return;
    const { revision, damaged: listed } = latest(await loading);
    if (listed.some((d) => d.id === damaged.id)) return;
    enqueue({ added: [], removedIds: typeof damaged.id === 'number' ? [damaged.id] : [], revision, damaged: [...listed, damaged] });
  }

  return {
    async open() {
      await load();
    },

    async load() {
      await load();
      release();
      await checkRows();
      const opened = await load();
      await writing; // A status read after a change (or a quarantine) tells what it did.
      const { index, info } = loaded ?? opened;
      return { ...info, memory: memoryOf(index.memory, index.cachedBytes(), cacheBytes) };
    },

    search(query, limit) {
      return withIndex((index) => searchArticles(db, index.indexFor, query, limit, (damaged) => void quarantine(damaged)));
    },

    searchIds(query) {
      return withIndex(async (index) => {
        const { results } = await rankedMatches(db, index.indexFor, query, Infinity);
        return results.map((result) => result.id as number);
      });
    },

    async applyChange({ added, removedIds = [], removed: known = [], revision }) {
      if (!loading) return; // Not open: the next load reads the database as it is.
      const opening = loading;
      const current = await opening;
      await roomInQueue();
      if (loading !== opening) return;
      const base = latest(current);
      if (base.revision >= revision) return; // Opened after the write: it has it already.
      if (base.revision !== revision - 1) {
        // A change was missed (another writer, a failed update): open again on next use.
        forget();
        return;
      }
      const removed = new Set(removedIds);
      const damaged = base.damaged.filter((d) => !removed.has(d.id));
      const valid: Article[] = [];
      for (const article of added) {
        const checked = checkStoredArticle(article);
        if (checked.ok) valid.push(checked.article);
        else damaged.push(checked.damaged);
      }
      const removedDocuments = known.flatMap((article) => {
        const checked = checkStoredArticle(article);
        return checked.ok ? [toIndexed(checked.article)] : [];
      });
      const change = {
        added: valid.map(toIndexed),
        removedIds: removedIds.filter((id): id is number => typeof id === 'number'),
        ...(removedDocuments.length > 0 && { removed: removedDocuments }),
        revision,
        damaged,
      };
      enqueue(change);
    },

    async flush() {
      release();
      await writing;
    },

    cachedBytes: () => loaded?.index.cachedBytes() ?? 0,

    idle() {
      return queries === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}

/** Whether a change only adds articles the index does not hold: it removes and replaces none. */
function isAppend({ added, removedIds }: TermChange, memory: TermIndexMemory): boolean {
  return removedIds.length === 0 && added.every(({ id }) => !memory.lengths.has(id));
}

async function openIndex(db: CairnDb, now: () => number, cacheBytes: number, rebuild?: Unusable): Promise<Loaded> {
  const started = now();
  const { index, how, reason } = await loadTermIndex(db, cacheBytes, rebuild);
  const { revision, damaged, documentIds } = index.memory;
  if (damaged.length > 0) console.warn(`search-engine: ${damaged.length} damaged article(s) left out of search`, damaged.slice(0, 10));
  return { index, info: { how, ...(reason && { reason }), documentCount: documentIds.size, revision, ms: now() - started, damaged } };
}
