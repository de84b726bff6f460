import type { CairnDb } from './db/cairn-db.ts';
import { backupOf } from './db/backup-of.ts';
import { listingOf } from './db/listing-of.ts';
import { bumpRevision } from './db/revision.ts';
import type { Article, ArticleChanges, ArticleListing, BackupArticle, ImportResult } from '../protocol.ts';
import type { LinkingEngine } from './linking-engine.ts';
import type { BrowserEffects } from './linking-stores.ts';
import { RequestError } from './request-error.ts';
import type { SearchEngine } from './search-engine.ts';
import { explainStorageFailure } from './storage-failure.ts';
import { prepareArticles, storeArticles, type NewArticle, type StoreResult } from './store-articles.ts';
import { normalizeTags } from '../shared/import/normalize-tags.ts';

/** How long a batch's answer is kept for a repeated request. */
const BATCH_MEMORY_MS = 24 * 60 * 60 * 1000;
/** Time without a new batch after which an import counts as over, for `quiet()` (ms). */
const QUIET_MS = 1000;

export interface CollectionWriter {
  /** Stores new articles (one file, page or paste) in one transaction. */
  add(items: NewArticle[], options: { batchId?: string; matchUrls?: boolean }): Promise<ImportResult>;
  /** Stores several files' articles in one transaction, with a result per file. */
  addFiles(files: NewArticle[][], options: { batchId?: string; matchUrls?: boolean }): Promise<ImportResult[]>;
  /** Deletes articles and answers with them whole, for an undo. */
  remove(ids: number[]): Promise<BackupArticle[]>;
  update(id: number, changes: ArticleChanges): Promise<ArticleListing>;
  /**
   * Settles once the search index has taken in every write answered so far. An import's answer
   * waits only for the index to queue its change, not to save it (Cairn issue 10); a search waits
   * for this instead, so it never misses an article whose import was already reported.
   */
  indexed(): Promise<void>;
  /**
   * Settles once no batch has come for a moment (`QUIET_MS`). Linking mines between its slices
   * only then, so an import does not share the worker's thread with mining (Cairn issue 10).
   */
  quiet(): Promise<void>;
}

export interface WriterDeps {
  db: CairnDb;
  engine: SearchEngine;
  linking: LinkingEngine;
  effects: BrowserEffects;
  now: () => number;
}

/**
 * Every change to the collection goes through here, one at a time: each is one transaction that
 * also bumps the revision, and the search index, the linking vocabulary and open pages follow in
 * the order the changes were made. A full disk is reported in words a user can act on.
 */
export function createCollectionWriter({ db, engine, linking, effects, now }: WriterDeps): CollectionWriter {
  let queue: Promise<unknown> = Promise.resolve();
  /** The index updates of the writes so far, chained in the order of their revisions. */
  let indexing: Promise<void> = Promise.resolve();
  let lastBatchAt = -Infinity;

  function serial<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run.catch((error: unknown) => {
      throw explainStorageFailure(error);
    });
  }

  /**
   * Hands a committed write to the index; settles once the index has queued it. Called and
   * awaited inside `serial`, so the changes reach the index in the order of their revisions, and
   * the next write waits while the index's queue is full (`SearchEngine.applyChange`): without
   * that, an import outran the index by seconds on a busy machine, every search (which waits for
   * the index to have what was answered) waited as long, and the unsaved text grew without bound.
   */
  function changed(change: { added: Article[]; removedIds?: number[]; removed?: Article[]; revision: number }): Promise<void> {
    const update = indexing.then(async () => {
      await engine.applyChange(change);
      // Linking mines the new articles in the background and asks pages to scan again when done.
      linking.changed(change);
      effects.broadcast({ event: 'collectionChanged', data: { revision: change.revision } });
    });
    // One failed update must not stop the next: the engine rebuilds when it sees a revision gap.
    indexing = update.catch((error: unknown) => console.error('collection-writer: the index did not take a change', error));
    return update;
  }

  const addFiles: CollectionWriter['addFiles'] = async (files, { batchId, matchUrls = true }) => {
    lastBatchAt = performance.now();
    // Hashed before taking a turn, so one batch is hashed while the one before it is written.
    const prepared = await prepareArticles(files.flat(), now());
    return serial(async () => {
      type Stored = { repeated: ImportResult[] } | { result: StoreResult; answers: ImportResult[] };
      const stored = await db.transaction('rw', db.articles, db.listing, db.meta, db.batches, async (): Promise<Stored> => {
        const earlier = batchId ? await db.batches.get(batchId) : undefined;
        if (earlier) return { repeated: earlier.results };
        const result = await storeArticles(db, prepared, { matchUrls });
        const answers = splitByFile(result, files.map((file) => file.length));
        if (batchId) {
          await db.batches.where('at').below(now() - BATCH_MEMORY_MS).delete();
          await db.batches.put({ id: batchId, at: now(), results: answers });
        }
        return { result, answers };
      });
      if ('repeated' in stored) return stored.repeated;
      // The answer waits for the index to queue the change, not to save it: `indexed()` is there
      // for whoever needs that. A failed update is logged by `changed`; the articles are stored.
      if (stored.result.added.length > 0) await changed(stored.result).catch(() => undefined);
      return stored.answers;
    });
  };

  return {
    addFiles,
    add: async (items, options) => (await addFiles([items], options))[0]!,
    indexed: () => indexing,
    quiet: () =>
      new Promise((resolve) => {
        const check = () => {
          const wait = lastBatchAt + QUIET_MS - performance.now();
          if (wait <= 0) resolve();
          else setTimeout(check, wait);
        };
        setTimeout(check, 0);
      }),

    remove: (ids) =>
      serial(async () => {
        const done = await db.transaction('rw', db.articles, db.listing, db.links, db.meta, async () => {
          const found = (await db.articles.bulkGet(ids)).filter((a): a is Article => a !== undefined);
          if (found.length === 0) return null;
          const removedIds = found.map((a) => a.id);
          await db.articles.bulkDelete(removedIds);
          await db.listing.bulkDelete(removedIds);
          await db.links.bulkDelete(removedIds);
          return { found, removedIds, revision: await bumpRevision(db, -removedIds.length) };
        });
        if (!done) return [];
        await changed({ added: [], removedIds: done.removedIds, removed: done.found, revision: done.revision });
        return done.found.map(backupOf);
      }),

    update: (id, changes) =>
      serial(async () => {
        const done = await db.transaction('rw', db.articles, db.listing, db.links, db.meta, async () => {
          const article = await db.articles.get(id);
          if (!article) throw new RequestError('This article is not in your collection any more.');
          const next = applyChanges(article, changes);
          await db.articles.put(next);
          await db.listing.put(listingOf(next));
          // Its phrases are mined again from the new text.
          await db.links.delete(id);
          return { next, previous: article, revision: await bumpRevision(db, 0) };
        });
        await changed({ added: [done.next], removedIds: [id], removed: [done.previous], revision: done.revision });
        return listingOf(done.next);
      }),
  };
}

/** Cuts the outcomes of one write into the results of the files it held, in order. */
function splitByFile({ outcomes }: StoreResult, counts: number[]): ImportResult[] {
  let at = 0;
  return counts.map((count) => {
    const result: ImportResult = { added: [], duplicates: 0, duplicateOf: [] };
    for (const outcome of outcomes.slice(at, at + count)) {
      if (outcome.outcome === 'added') result.added.push(outcome.id);
      else {
        result.duplicates += 1;
        result.duplicateOf.push(outcome.existingId);
      }
    }
    at += count;
    return result;
  });
}

/** An empty string clears an optional field; the title cannot be cleared. */
function applyChanges(article: Article, changes: ArticleChanges): Article {
  const next: Article = { ...article };
  if (changes.title !== undefined) {
    if (changes.title.trim() === '') throw new RequestError('An article needs a title.');
    next.title = changes.title.trim();
  }
  for (const key of ['source', 'author', 'publishedAt'] as const) {
    const value = changes[key]?.trim();
    if (value === undefined) continue;
    if (value === '') delete next[key];
    else next[key] = value;
  }
  if (changes.tags !== undefined) {
    const tags = normalizeTags(changes.tags);
    if (tags.length > 0) next.tags = tags;
    else delete next.tags;
  }
  return next;
}
