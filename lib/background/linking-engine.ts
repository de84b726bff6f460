import type { CairnDb } from './db/cairn-db.ts';
import { readArticles } from './db/read-articles.ts';
import { readRevision } from './db/revision.ts';
import { isLinksRecord, LinkIndex, linksRecord, type ArticleLinks } from './linking/link-index.ts';
import { mineArticle } from './linking/mine-article.ts';
import { createWordVectorsLoader } from './linking/word-vectors-loader.ts';
import type { LinkingStatus } from '../protocol.ts';

export interface LinkingEngine {
  /** The index as it stands (loaded from the stored rows on first use); mining goes on behind it. */
  load(): Promise<LinkIndex>;
  /**
   * The collection changed: drop what was removed, and mine what was added, in the background.
   * A change that names its revision and added articles, following the last one taken in, is
   * mined from them alone; any other (or one after a gap) makes the catch-up compare every
   * article id with the rows (about a second at 50,000 articles in Chromium).
   */
  changed(change: { removedIds?: readonly number[]; added?: readonly { id: number }[]; revision?: number }): void;
  /**
   * The worker woke: mines what a stopped worker left unmined, if anything. A catch-up that ends
   * writes the collection revision it took in (`linkedRevision`); when that is still the
   * collection's, nothing is left, and the wake reads two small rows: neither every link row
   * (seconds at 50,000 articles, on the thread the search needs) nor a count (Chromium counts
   * by reading every row: 50 ms at 10,000 articles).
   */
  resume(): Promise<void>;
  /** Settles when every article present is mined (tests, the benchmark). */
  settled(): Promise<void>;
  /**
   * The index once mining has caught up, if that is a matter of a few articles (a first install, a
   * paste, a small import), so a page is not ranked against a half-mined collection; at once when
   * a large import is still being mined (the page is scanned again when it is done). Either way
   * the word table is installed by then: ranking a page reads it (`meaningOf`).
   */
  caughtUp(): Promise<LinkIndex>;
  /** Articles mined and left to mine, not counting the `unreadable` (damaged) ones, which never will be. */
  status(unreadable?: number): Promise<LinkingStatus>;
  /** Called after mining adds or removes articles, at most once per burst of work. */
  onIndexed(listener: () => void): void;
}

export interface LinkingEngineOptions {
  db: CairnDb;
  /**
   * Reads the word table's bytes (`word-vectors.ts`), packaged beside the scripts rather than in
   * them. Called when linking first mines an article or ranks a page, never for a wake that only
   * searches; again after a failure.
   */
  loadWordVectors: () => Promise<ArrayBuffer>;
  /** Milliseconds of mining before the worker hands the thread back. Default 25. */
  sliceMs?: number;
  /** Articles read from the database at a time. */
  readChunk?: number;
  /** Waits between two slices of mining: in the extension, for an import under way to pause (`CollectionWriter.quiet`). */
  pause?: () => Promise<void>;
  /**
   * Hands the thread back between two slices of loading the stored rows (`readIndex`): a 0 ms
   * timer by default. Loading does not wait for an import's pause as mining does: the rows are
   * read once per wake, and what waits for them (a page to rank, a new article to take in)
   * should not wait longer than the reading takes.
   */
  yieldThread?: () => Promise<void>;
}

/**
 * Keeps the linking index in step with the collection, article by article (issue 9):
 * - each article is mined once, from itself alone (`mineArticle`), into a row of `links` written
 *   in one transaction with a check that the article is still there; a removed article's row goes
 *   in the same transaction as the article (`collection-writer`);
 * - what is mined is the difference between the articles and the rows, so the work is resumable
 *   by construction: a worker stopped mid-way finds the rest still to do, and never a half-built
 *   vocabulary, since the index holds exactly the rows that exist;
 * - mining runs in slices of `sliceMs` and yields between them, so searches and imports go on.
 */
export function createLinkingEngine({ db, loadWordVectors, sliceMs = 25, readChunk = 64, pause = defaultPause, yieldThread = defaultPause }: LinkingEngineOptions): LinkingEngine {
  const wordVectors = createWordVectorsLoader(loadWordVectors);
  let loading: Promise<LinkIndex> | null = null;
  let running: Promise<void> | null = null;
  let dirty = true;
  /** Articles left to mine in the current catch-up; -1 while it is still finding out. */
  let remaining = 0;
  const removals: number[] = [];
  /** Articles the changes since the last pass added. */
  const additions = new Set<number>();
  /**
   * The collection revision whose articles all have a row or are queued in `additions`; null
   * when not known (after a wake until `resume` finds it, or after a change that skipped one).
   * While null, a pass compares every id with the rows.
   */
  let accounted: number | null = null;
  const listeners: (() => void)[] = [];

  function load(): Promise<LinkIndex> {
    loading ??= readIndex(db, sliceMs, yieldThread).then(
      ({ index, dropped }) => {
        // Rows of another format were dropped: their articles are mined again, found by comparing every id.
        if (dropped > 0) {
          accounted = null;
          void kick().catch(reportFailure);
        }
        return index;
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  }

  async function catchUp(): Promise<void> {
    remaining = -1;
    const index = await load();
    let revision = 0;
    while (dirty) {
      dirty = false;
      remaining = -1;
      let touched = removals.length > 0;
      for (const id of removals.splice(0)) index.remove(id);
      const added = [...additions];
      additions.clear();
      let pending: number[];
      if (accounted === null) {
        // The revision read with the keys: what this pass takes in is the collection at that revision.
        const [keys, seen] = await db.transaction('r', db.articles, db.meta, () => Promise.all([db.articles.toCollection().primaryKeys(), readRevision(db)]));
        accounted = Math.max(revision, seen);
        const present = new Set(keys);
        const gone = [...index.ids()].filter((id) => !present.has(id));
        if (gone.length > 0) {
          await db.links.bulkDelete(gone);
          for (const id of gone) index.remove(id);
          touched = true;
        }
        pending = [...present].filter((id) => !index.has(id));
      } else {
        // Deleted meanwhile: `readArticles` finds nothing, and `store` writes no row for it.
        pending = added.filter((id) => !index.has(id));
      }
      revision = accounted;
      pending.sort((a, b) => a - b);
      remaining = pending.length;
      // Mining reads the word table; a pass that only drops rows has no need of it.
      if (pending.length > 0) await wordVectors();
      let sliceStart = performance.now();
      for (let at = 0; at < pending.length; at += readChunk, remaining = Math.max(0, pending.length - at)) {
        const ids = pending.slice(at, at + readChunk);
        const articles = await readArticles(db, ids);
        const rows: ArticleLinks[] = [];
        for (const article of articles) {
          if (!article) continue; // damaged (listed by the storage panel) or deleted meanwhile
          rows.push(linksRecord(article.id, mineArticle(article)));
          if (performance.now() - sliceStart > sliceMs) {
            await store(index, rows.splice(0));
            await pause();
            sliceStart = performance.now();
          }
        }
        await store(index, rows);
        touched ||= rows.length > 0 || articles.some((a) => a !== undefined);
      }
      remaining = 0;
      if (touched) for (const listener of listeners) listener();
    }
    await db.meta.put({ key: LINKED_REVISION, value: revision });
  }

  /** Writes mined rows for the articles still present, and adds them to the index. */
  async function store(index: LinkIndex, rows: ArticleLinks[]): Promise<void> {
    if (rows.length === 0) return;
    const kept = await db.transaction('rw', db.articles, db.links, async () => {
      const exists = await db.articles.bulkGet(rows.map((row) => row.id));
      const live = rows.filter((_, i) => exists[i] !== undefined);
      await db.links.bulkPut(live);
      return live;
    });
    for (const row of kept) index.add(row);
  }

  function kick(): Promise<void> {
    dirty = true;
    running ??= catchUp().then(
      () => {
        running = null;
        // A change came in while the last slice was written: take it in too.
        if (dirty) void kick().catch(reportFailure);
      },
      (error: unknown) => {
        // Not retried here: a closed or broken database would fail again at once, for ever. What
        // is left stays pending, and the next change or wake takes it in: the articles this pass
        // had taken off the queue are found again by comparing every id with the rows.
        running = null;
        accounted = null;
        throw error;
      },
    );
    return running;
  }

  return {
    load,
    changed({ removedIds = [], added = [], revision: next }) {
      // An edited article comes back as removed and added: its row went with the edit, and its
      // entry leaves the index before the next catch-up mines it again.
      removals.push(...removedIds);
      for (const { id } of added) additions.add(id);
      if (next === undefined || accounted === null || next > accounted + 1) accounted = null;
      else accounted = Math.max(accounted, next);
      void kick().catch(reportFailure);
    },
    async resume() {
      const [revision, linked] = await db.transaction('r', db.meta, () => Promise.all([readRevision(db), db.meta.get(LINKED_REVISION)]));
      if (linked?.value !== revision) void kick().catch(reportFailure);
      // Every article up to this revision has its row; the changes after it come through `changed`.
      else if (accounted === null && !running) accounted = revision;
    },
    async settled() {
      await kick();
      while (running) await running;
    },
    async caughtUp() {
      const [index] = await Promise.all([load(), wordVectors()]);
      while (running && remaining <= WAIT_FOR_AT_MOST) {
        // Until the catch-up has counted what it has to do, look again shortly rather than wait for all of it.
        await (remaining < 0 ? Promise.race([running, new Promise((resolve) => setTimeout(resolve, 10))]) : running);
      }
      return index;
    },
    async status(unreadable = 0) {
      const index = await load();
      const total = await db.articles.count();
      return { indexed: index.articleCount, pending: Math.max(0, total - unreadable - index.articleCount) };
    },
    onIndexed(listener) {
      listeners.push(listener);
    },
  };
}

/** The `meta` row naming the collection revision the last finished catch-up took in. */
export const LINKED_REVISION = 'linkedRevision';

function reportFailure(error: unknown): void {
  console.error('Cairn could not update its links:', error);
}

/**
 * Reads every stored row into a fresh index; rows of another format or damaged are dropped (and
 * counted), to be mined again. It yields every `sliceMs` of work: at 50,000 articles the rows take
 * over a second to add, and a search that came meanwhile (the worker woke for a paste, and linking
 * loads to take the new article in) waited behind whole runs of rows, 1–2 s (Cairn issue 10).
 */
async function readIndex(db: CairnDb, sliceMs: number, yieldThread: () => Promise<void>): Promise<{ index: LinkIndex; dropped: number }> {
  const index = new LinkIndex();
  const stale: number[] = [];
  let sliceStart = performance.now();
  // In runs of rows by key (`getAll` under the hood): a cursor costs a round trip per row, and one
  // read of everything would hold every row in memory at once.
  for (let after = 0; ;) {
    const rows = (await db.links.where(':id').above(after).limit(READ_RUN).toArray()) as unknown[];
    for (const row of rows) {
      if (isLinksRecord(row)) index.add(row);
      else if (typeof row === 'object' && row !== null && typeof (row as { id?: unknown }).id === 'number') stale.push((row as { id: number }).id);
      if (performance.now() - sliceStart > sliceMs) {
        await yieldThread();
        sliceStart = performance.now();
      }
    }
    if (rows.length < READ_RUN) break;
    after = (rows.at(-1) as { id: number }).id;
  }
  if (stale.length > 0) await db.links.bulkDelete(stale);
  return { index, dropped: stale.length };
}

/** Rows read at a time when the index is loaded. */
const READ_RUN = 2000;

/** Articles left to mine that a page report waits for (a few hundred ms of work at most). */
const WAIT_FOR_AT_MOST = 100;

function defaultPause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
