import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { CairnDb } from '../../lib/background/db/cairn-db.ts';
import { listingOf } from '../../lib/background/db/listing-of.ts';
import { BLOCK_SIZE, blockOf, smallBlockOf } from '../../lib/background/db/stored-term-index.ts';
import { snapshotOf } from '../../lib/background/db/load-or-rebuild.ts';
import { readRevision } from '../../lib/background/db/revision.ts';
import { createIndex, searchSnapshot, toIndexed } from '../../lib/background/search/snapshot.ts';
import { createSearchEngine, type SearchEngine } from '../../lib/background/search-engine.ts';
import type { Article } from '../../lib/protocol.ts';
import {
  article, engineScores, expectSameAnswers, openDb, queriesFor, referenceScores, SOURCES, VOCABULARY, writeArticles, type Draft,
} from './term-index-helpers.ts';

// Cairn issue 10: the search index is stored term by term and each query is answered by a
// MiniSearch holding only its terms; every answer must be the one a single MiniSearch over the
// same articles gives.

const opened: CairnDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function fresh(name?: string): CairnDb {
  const db = openDb(name);
  opened.push(db);
  return db;
}

const QUERIES = queriesFor(VOCABULARY);

/** Counts the bucket rows the index reads back (by key or by block) from now on. */
function countRowReads(db: CairnDb): { count: number; stop(): void } {
  const hook = (row: unknown) => {
    if (row !== undefined) counter.count++;
    return row;
  };
  const counter = { count: 0, stop: () => void db.termBuckets.hook('reading').unsubscribe(hook) };
  db.termBuckets.hook('reading', hook);
  return counter;
}

function draftOf(seed: number): Draft {
  const word = (k: number) => VOCABULARY[(seed * 7 + k * 13 + k * k) % VOCABULARY.length]!;
  const body = Array.from({ length: 4 + (seed % 9) }, (_, k) => word(k + 3)).join(' ');
  return { title: `${word(0)} ${word(1)}`, body, ...(seed % 3 > 0 && { source: SOURCES[seed % 3] }), ...(seed % 4 === 0 && { author: 'Wei Chen' }) };
}

async function expectLikeOneMiniSearch(db: CairnDb, engine: SearchEngine, queries = QUERIES): Promise<void> {
  for (const query of queries) expectSameAnswers(await engineScores(engine, query), await referenceScores(db, query), query);
}

async function collectionOf(count: number): Promise<{ db: CairnDb; engine: SearchEngine; articles: Article[] }> {
  const db = fresh();
  const articles = Array.from({ length: count }, (_, i) => article(i + 1, draftOf(i + 1)));
  await writeArticles(db, articles);
  const engine = createSearchEngine({ db });
  await engine.load();
  return { db, engine, articles };
}

describe('the stored term index', () => {
  it('answers every query as one MiniSearch over the same articles, before and after a restart', async () => {
    const { db, engine } = await collectionOf(40);

    await expectLikeOneMiniSearch(db, engine);
    const restarted = createSearchEngine({ db: fresh(db.name) });

    expect(await restarted.load()).toMatchObject({ how: 'restored', documentCount: 40 });
    await expectLikeOneMiniSearch(db, restarted);
  });

  it('stays equal to one MiniSearch through many adds, edits and deletes, and after a restart', async () => {
    const { db, engine } = await collectionOf(30);
    let revision = await readRevision(db);

    for (let round = 0; round < 12; round++) {
      const added = [article(31 + round * 2, draftOf(100 + round)), article(32 + round * 2, draftOf(200 + round))];
      const edited = article(1 + round, draftOf(300 + round));
      const removedIds = [10 + round];
      revision = await writeArticles(db, [...added, edited], removedIds);
      await engine.applyChange({ added: [...added, edited], removedIds: [...removedIds, edited.id], revision });
    }

    await expectLikeOneMiniSearch(db, engine);
    const restarted = createSearchEngine({ db: fresh(db.name) });
    expect(await restarted.load()).toMatchObject({ how: 'restored', documentCount: await db.articles.count(), revision });
    await expectLikeOneMiniSearch(db, restarted);
  });

  it('keeps articles whose ids fall in other blocks of postings apart, and empties a block', async () => {
    const db = fresh();
    const last = 4 * BLOCK_SIZE + 904;
    const articles = [1, 2, BLOCK_SIZE - 1, BLOCK_SIZE, BLOCK_SIZE + 1, last].map((id, i) => article(id, draftOf(i + 1)));
    await writeArticles(db, articles);
    const engine = createSearchEngine({ db });
    await engine.load();

    const revision = await writeArticles(db, [], [last]);
    await engine.applyChange({ added: [], removedIds: [last], revision });

    await expectLikeOneMiniSearch(db, engine);
    expect(await db.termBuckets.where('block').equals(blockOf(last)).count()).toBe(0);
    expect(await db.fieldLengths.get(blockOf(last))).toMatchObject({ ids: new Uint32Array(0) });
  });

  it('takes a deleted or edited article out by its own terms in any block, and reads its block when its text is not what was indexed', async () => {
    const db = fresh();
    const ids = [1, 2, BLOCK_SIZE + 3, BLOCK_SIZE + 4, 2 * BLOCK_SIZE + 5, 2 * BLOCK_SIZE + 6];
    await writeArticles(db, ids.map((id, i) => article(id, draftOf(i + 11))));
    const engine = createSearchEngine({ db });
    await engine.load();
    const rowsIn = (block: number) => db.termBuckets.where('block').equals(block).count();
    const [inSecond, inThird] = [await rowsIn(1), await rowsIn(2)];
    const rowsRead = countRowReads(db);

    // A delete, with the article as the writer had it: only the rows of its terms are read.
    const [gone] = await db.articles.bulkGet([BLOCK_SIZE + 3]);
    let revision = await writeArticles(db, [], [BLOCK_SIZE + 3]);
    await engine.applyChange({ added: [], removedIds: [BLOCK_SIZE + 3], removed: [gone!], revision });
    await engine.flush();
    expect(rowsRead.count).toBeGreaterThan(0);
    expect(rowsRead.count).toBeLessThan(inSecond);
    await expectLikeOneMiniSearch(db, engine);

    // An edit whose old text is not what the index holds (changed behind Cairn's back): the block is read.
    const [old] = await db.articles.bulkGet([2 * BLOCK_SIZE + 5]);
    const edited = article(2 * BLOCK_SIZE + 5, draftOf(99));
    rowsRead.count = 0;
    revision = await writeArticles(db, [edited]);
    await engine.applyChange({ added: [edited], removedIds: [edited.id], removed: [{ ...old!, body: `${old!.body} quixotically` }], revision });
    await engine.flush();
    await expectLikeOneMiniSearch(db, engine);
    expect(rowsRead.count).toBeGreaterThanOrEqual(inThird);
    rowsRead.stop();

    const restarted = createSearchEngine({ db: fresh(db.name) });
    expect(await restarted.load()).toMatchObject({ how: 'restored' });
    await expectLikeOneMiniSearch(db, restarted);
  });

  it('takes a deleted article that lacks a field out by its own terms after a restart too', async () => {
    const db = fresh();
    // draftOf(3) has neither source nor author; the others fill the block.
    const ids = [BLOCK_SIZE + 1, BLOCK_SIZE + 2, BLOCK_SIZE + 3, BLOCK_SIZE + 4];
    await writeArticles(db, ids.map((id, i) => article(id, draftOf(i + 1))));
    await createSearchEngine({ db: fresh(db.name) }).load();
    const restarted = createSearchEngine({ db });
    expect(await restarted.load()).toMatchObject({ how: 'restored' });
    const inBlock = await db.termBuckets.where('block').equals(1).count();
    const rowsRead = countRowReads(db);

    const [gone] = await db.articles.bulkGet([BLOCK_SIZE + 3]);
    expect(gone).not.toHaveProperty('author');
    const revision = await writeArticles(db, [], [BLOCK_SIZE + 3]);
    await restarted.applyChange({ added: [], removedIds: [BLOCK_SIZE + 3], removed: [gone!], revision });
    await restarted.flush();
    rowsRead.stop();

    expect(rowsRead.count).toBeGreaterThan(0);
    expect(rowsRead.count).toBeLessThan(inBlock);
    await expectLikeOneMiniSearch(db, restarted);
  });

  it('stores a small write in small blocks: adding one article rewrites none of its block\'s rows, and deleting it empties them', async () => {
    const { db, engine } = await collectionOf(20);
    const blockRows = () => db.termBuckets.where('block').equals(0).toArray();
    const before = await blockRows();
    const added = article(21, draftOf(77));

    let revision = await writeArticles(db, [added]);
    await engine.applyChange({ added: [added], revision });
    await engine.flush();
    expect(await blockRows()).toEqual(before);
    expect(await db.termBuckets.where('block').equals(smallBlockOf(21)).count()).toBeGreaterThan(0);
    await expectLikeOneMiniSearch(db, engine);

    revision = await writeArticles(db, [], [21]);
    await engine.applyChange({ added: [], removedIds: [21], removed: [added], revision });
    await engine.flush();
    expect(await db.termBuckets.where('block').equals(smallBlockOf(21)).count()).toBe(0);
    await expectLikeOneMiniSearch(db, engine);
  });

  it('after a save aborted half way, wakes consistent: rebuilt, with the same answers', async () => {
    const { db, engine } = await collectionOf(20);
    const rowsBefore = await db.termBuckets.count();
    const cut = () => {
      throw new Error('the worker stopped');
    };
    db.fieldLengths.hook('creating', cut);
    db.fieldLengths.hook('updating', cut);
    const added = article(21, draftOf(99));
    const revision = await writeArticles(db, [added]);

    await engine.applyChange({ added: [added], revision });
    await engine.flush();

    db.fieldLengths.hook('creating').unsubscribe(cut);
    db.fieldLengths.hook('updating').unsubscribe(cut);
    expect(await db.termBuckets.count()).toBe(rowsBefore);
    expect(await db.termIndex.get('stamp')).toMatchObject({ revision: revision - 1 });
    const restarted = createSearchEngine({ db: fresh(db.name) });
    expect(await restarted.load()).toMatchObject({ how: 'rebuilt', reason: 'stale', documentCount: 21 });
    await expectLikeOneMiniSearch(db, restarted);
    await expectLikeOneMiniSearch(db, engine);
  });

  it('rebuilds an index saved as one snapshot before issue 10, losing nothing, and drops the snapshot', async () => {
    const db = fresh();
    const articles = Array.from({ length: 25 }, (_, i) => article(i + 1, draftOf(i + 1)));
    const revision = await writeArticles(db, articles);
    const old = createIndex();
    old.addAll(articles.map(toIndexed));
    await db.snapshots.put(snapshotOf(searchSnapshot, old, { revision, documentCount: 25, damaged: [] }, 1));

    const engine = createSearchEngine({ db });

    expect(await engine.load()).toMatchObject({ how: 'rebuilt', reason: 'stale', documentCount: 25 });
    expect(await db.snapshots.count()).toBe(0);
    await expectLikeOneMiniSearch(db, engine);
  });

  it('rebuilds an index saved term by term (one row per term and block, before buckets), losing nothing', async () => {
    const name = `cairn-terms-v4-${Date.now()}`;
    const articles = Array.from({ length: 12 }, (_, i) => article(i + 1, draftOf(i + 1)));
    // The database as the release before buckets left it: its tables, a stamp of its format, one row per term.
    const old = new Dexie(name);
    old.version(4).stores({
      articles: '++id, &contentHash, url, importedAt, origin', snapshots: 'key', meta: 'key', listing: 'id', batches: 'id, at', links: 'id',
      postings: '[term+block], block', fieldLengths: 'block', termIndex: 'key',
    });
    await old.table('articles').bulkPut(articles);
    await old.table('listing').bulkPut(articles.map(listingOf));
    await old.table('meta').put({ key: 'revision', value: 1 });
    await old.table('postings').put({ term: 'alpha', block: 0, data: Uint32Array.of(1, 1, 1, 1) });
    await old.table('termIndex').put({ key: 'terms', terms: 'alpha', counts: Uint32Array.of(1) });
    await old.table('termIndex').put({ key: 'stamp', options: 'terms1:block1024:old', revision: 1, documentCount: 12, ids: 'x', damaged: [] });
    old.close();

    const db = fresh(name);
    const engine = createSearchEngine({ db });

    expect(await engine.load()).toMatchObject({ how: 'rebuilt', reason: 'stale', documentCount: 12 });
    expect(db.tables.map((table) => table.name)).not.toContain('postings');
    expect(await db.termBuckets.count()).toBeGreaterThan(0);
    await expectLikeOneMiniSearch(db, engine);
  });

  it('saves a burst of changes not awaited one by one as one MiniSearch would answer them', async () => {
    const { db, engine } = await collectionOf(10);
    let revision = await readRevision(db);
    const pending: Promise<void>[] = [];

    for (let round = 0; round < 8; round++) {
      const added = article(11 + round, draftOf(400 + round));
      const removedIds = round % 2 === 0 ? [1 + round] : [11 + round - 1];
      revision = await writeArticles(db, [added], removedIds);
      pending.push(engine.applyChange({ added: [added], removedIds, revision }));
    }
    await Promise.all(pending);

    await expectLikeOneMiniSearch(db, engine);
    await engine.flush();
    const restarted = createSearchEngine({ db: fresh(db.name) });
    expect(await restarted.load()).toMatchObject({ how: 'restored', revision });
    await expectLikeOneMiniSearch(db, restarted);
  });

  it('property: any run of adds, edits, deletes and restarts answers as one MiniSearch', async () => {
    const HINTS = ['none', 'known', 'wrong'] as const;
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), seeds: fc.array(fc.nat(10_000), { minLength: 1, maxLength: 4 }) }),
      fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), seed: fc.nat(10_000), hint: fc.constantFrom(...HINTS) }),
      fc.record({ kind: fc.constant('delete' as const), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), hint: fc.constantFrom(...HINTS) }),
      fc.record({ kind: fc.constant('restart' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), fc.array(fc.constantFrom(...QUERIES), { minLength: 4, maxLength: 8 }), async (ops, queries) => {
        const { db, articles } = await collectionOf(8);
        let engine = createSearchEngine({ db });
        await engine.load();
        const ids = articles.map((a) => a.id);
        let nextId = ids.length + 1;
        for (const step of ops) {
          if (step.kind === 'restart') {
            await engine.flush();
            engine = createSearchEngine({ db: fresh(db.name) });
            expect(await engine.load()).toMatchObject({ how: 'restored' });
            continue;
          }
          let put: Article[] = [];
          let removed: number[] = [];
          if (step.kind === 'add') put = step.seeds.map((seed) => article(nextId++, draftOf(seed)));
          if (step.kind === 'edit' && ids.length > 0) put = [article(ids[step.pick % ids.length]!, draftOf(step.seed))];
          if (step.kind === 'delete') removed = [...new Set(step.picks.filter(() => ids.length > 0).map((p) => ids[p % ids.length]!))];
          const replaced = step.kind === 'edit' ? put.map((a) => a.id) : [];
          // The writer names the removed articles as they were, so their rows are found by their
          // terms; a text that is not what was indexed must fall back to reading the block.
          const before = (await db.articles.bulkGet([...removed, ...replaced])).filter((a) => a !== undefined);
          const hint = 'hint' in step ? step.hint : 'none';
          const known = hint === 'none' ? undefined : hint === 'known' ? before : before.map((a) => ({ ...a, body: `${a.body} quixotically` }));
          const revision = await writeArticles(db, put, removed);
          for (const id of removed) ids.splice(ids.indexOf(id), 1);
          for (const a of put) if (!ids.includes(a.id)) ids.push(a.id);
          await engine.applyChange({ added: put, removedIds: [...removed, ...replaced], removed: known, revision });
        }
        await expectLikeOneMiniSearch(db, engine, queries);
      }),
      { numRuns: 12 },
    );
  });
});
