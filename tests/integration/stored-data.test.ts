import { describe, expect, it } from 'vitest';
import type { CairnDb } from '../../lib/background/db/cairn-db.ts';
import type { TermBucketRow } from '../../lib/background/db/stored-term-index.ts';
import { idsChecksum } from '../../lib/background/db/stored-snapshot.ts';
import type { IndexStatus, LinkingData, LinkingStatus, MessageSender, SearchResult } from '../../lib/protocol.ts';
import { visitPage } from './read-page.ts';
import { countLinkRowReads, countTableCounts, useApps, type Started } from './app-harness.ts';
import { visibleText } from './page-text.ts';

// Cairn issue 8: everything read back from storage is checked as strictly as a message; a bad
// snapshot is rebuilt, a bad article is quarantined, and search and linking go on for the rest.

const { start, openDb } = useApps();
const page: MessageSender = { id: 'cairn-test', url: 'https://news.example.com/story', tab: { id: 4, url: 'https://news.example.com/story' }, frameId: 0 };
const PAGE_TEXT = visibleText('related-wuzhen-news.html');

/** A started app whose snapshots are saved; `restart` plays a new service worker over the same data. */
async function collection(): Promise<{ first: Started; restart: () => Promise<Started> }> {
  const first = start();
  await first.app.ready;
  await first.app.linking.settled();
  await first.app.engine.flush();
  return {
    first,
    restart: async () => {
      const next = start({ db: openDb() });
      await next.app.ready;
      return next;
    },
  };
}

async function searchTotal(app: Started, query = 'wuzhen'): Promise<number> {
  return (await app.ask<SearchResult>('search', { query })).total;
}

/** What the content script does on a page; answers the related titles. */
async function relatedTitles(app: Started): Promise<string[]> {
  const { links } = await visitPage(app.ask, PAGE_TEXT, page, app.app);
  return links?.related.map((article) => article.title) ?? [];
}

async function editIndexRow(db: CairnDb, key: 'stamp' | 'terms', edit: (record: Record<string, unknown>) => unknown): Promise<void> {
  const record = await db.termIndex.get(key);
  await db.termIndex.put(edit(structuredClone(record) as unknown as Record<string, unknown>) as never);
}

describe('a corrupt stored search index', () => {
  it('whose field lengths list no article is rebuilt, and the articles are found again', async () => {
    const { first, restart } = await collection();
    await first.db.fieldLengths.clear();

    const second = await restart();

    expect(await second.app.engine.load()).toMatchObject({ how: 'rebuilt', reason: 'corrupt', documentCount: 5 });
    expect(await searchTotal(second)).toBe(2);
    await second.app.engine.flush();
    const third = await restart();
    expect(await third.app.engine.load()).toMatchObject({ how: 'restored', documentCount: 5 });
    expect(await searchTotal(third)).toBe(2);
  });

  it('whose stamp names other articles than it lists is rebuilt', async () => {
    const { first, restart } = await collection();
    await editIndexRow(first.db, 'stamp', (record) => ({ ...record, ids: idsChecksum([1, 2, 3, 4, 99]) }));

    const second = await restart();

    expect(await second.app.engine.load()).toMatchObject({ how: 'rebuilt', reason: 'corrupt' });
    expect(await searchTotal(second)).toBe(2);
  });

  it.each([
    ['a stamp without a revision', 'stamp', (record: Record<string, unknown>) => ({ ...record, revision: undefined }), 'corrupt'],
    ['a stamp of an older format', 'stamp', (record: Record<string, unknown>) => ({ ...record, options: 'terms0' }), 'stale'],
    ['a dictionary that is a number', 'terms', () => ({ key: 'terms', terms: 5, counts: new Uint32Array(0) }), 'corrupt'],
    ['a dictionary with fewer counts than terms', 'terms', (record: Record<string, unknown>) => ({ ...record, counts: new Uint32Array(1) }), 'corrupt'],
    ['a dictionary listing a term twice', 'terms', () => ({ key: 'terms', terms: 'a\na', counts: Uint32Array.of(1, 1) }), 'corrupt'],
  ] as const)('with %s is rebuilt and search goes on', async (_name, key, edit, reason) => {
    const { first, restart } = await collection();
    await editIndexRow(first.db, key, edit);

    const second = await restart();

    expect(await second.app.engine.load()).toMatchObject({ how: 'rebuilt', reason, documentCount: 5 });
    expect(await searchTotal(second)).toBe(2);
  });

  it.each([
    ['field lengths that are a string', (db: CairnDb) => db.fieldLengths.toCollection().modify({ lengths: 'long' } as never)],
    ['field lengths of the wrong size', (db: CairnDb) => db.fieldLengths.toCollection().modify({ lengths: new Uint32Array(3) } as never)],
  ])('with %s is rebuilt and search goes on', async (_name, edit) => {
    const { first, restart } = await collection();
    await edit(first.db);

    const second = await restart();

    expect(await second.app.engine.load()).toMatchObject({ how: 'rebuilt', reason: 'corrupt', documentCount: 5 });
    expect(await searchTotal(second)).toBe(2);
  });

  it.each([
    ['postings that are a string', () => ({ data: 'junk' })],
    ['postings cut short', (row: TermBucketRow) => ({ data: row.data.slice(0, -1) })],
    ['postings of a field that does not exist', (row: TermBucketRow) => ({ data: Uint32Array.from(row.data, (n, i) => (i === 0 ? 7 : n)) })],
    ['more terms than postings', (row: TermBucketRow) => ({ terms: `${row.terms}\nwuzzle` })],
    ['a term of another bucket', (row: TermBucketRow) => ({ terms: row.terms.replace('wuzhen', 'zhen') })],
  ])('with %s is rebuilt when a query reads them, and the query is answered', async (_name, edit) => {
    const { first, restart } = await collection();
    const rows = first.db.termBuckets.where('[bucket+block]').between(['wuz', 0], ['wuz', Infinity]);
    expect(await rows.count()).toBeGreaterThan(0);
    await rows.modify((row) => void Object.assign(row, edit(row)));

    const second = await restart();

    expect(await searchTotal(second)).toBe(2);
    expect(await second.app.engine.load()).toMatchObject({ how: 'rebuilt', reason: 'corrupt', documentCount: 5 });
  });
});

describe('corrupt linking rows', () => {
  it.each([
    ['a row that is a string', () => 'Wuzhen'],
    ['phrases without hashes', (row: Record<string, unknown>) => ({ ...row, phraseHashes: new Float64Array(0) })],
    ['a weight above 1', (row: Record<string, unknown>) => ({ ...row, weights: (row.weights as number[]).map(() => 7) })],
    ['labels missing', (row: Record<string, unknown>) => ({ ...row, labels: undefined })],
    ['an older format', (row: Record<string, unknown>) => ({ ...row, format: 0 })],
  ])('with %s are mined again, and pages are linked as before', async (_name, edit) => {
    const { first, restart } = await collection();
    const before = await relatedTitles(first);
    const rows = await first.db.links.toArray();
    await first.db.links.bulkPut(rows.map((row) => {
      const edited = edit(structuredClone(row) as unknown as Record<string, unknown>);
      return (typeof edited === 'object' ? edited : { id: row.id, junk: edited }) as never;
    }));

    const second = await restart();

    expect((await second.ask<LinkingData>('linkingData', {}, page)).enabled).toBe(true);
    expect(before.length).toBeGreaterThan(0);
    expect(await relatedTitles(second)).toEqual(before);
    expect(await second.app.linking.status()).toEqual({ indexed: 5, pending: 0 });
  });
});

describe('a damaged article', () => {
  const hash = '0'.repeat(64);
  const damaged = [
    ['a body that is a number', { id: 900, title: 'Broken body', body: 42, origin: 'file', importedAt: 1, contentHash: hash }, 'Broken body', /^the text is 42, not a string$/],
    ['no title', { id: 901, body: 'Wuzhen once more, with no title at all.', origin: 'file', importedAt: 1, contentHash: hash }, undefined, /^the title is missing$/],
    ['a title that is an object', { id: 902, title: { text: 'x' }, body: 'Wuzhen again.', origin: 'file', importedAt: 1, contentHash: hash }, undefined, /^the title is .*, not a string$/],
    ['tags that are a string', { id: 903, title: 'Odd tags', body: 'Wuzhen tags.', tags: 'wuzhen', origin: 'file', importedAt: 1, contentHash: hash }, 'Odd tags', /tags.*not an array/],
  ] as const;

  it.each(damaged)('with %s is quarantined: kept, listed, and search and linking go on', async (_name, record, title, reason) => {
    const { first, restart } = await collection();
    const before = await relatedTitles(first);
    await first.db.articles.put(record as never);

    const second = await restart();

    expect(await searchTotal(second)).toBe(2);
    expect(await relatedTitles(second)).toEqual(before);
    const status = await second.ask<IndexStatus>('indexStatus', {});
    expect(status.damaged).toHaveLength(1);
    expect(status.damaged[0]).toMatchObject({ id: record.id, ...(title && { title }) });
    expect(status.damaged[0]!.reason).toMatch(reason);
    expect(await second.db.articles.get(record.id)).toBeDefined();
  });

  it('stays listed after a restart from the saved snapshot, and goes when the user deletes it', async () => {
    const { first, restart } = await collection();
    await first.db.articles.put(damaged[0][1] as never);
    const second = await restart();
    await second.app.engine.flush();

    const third = await restart();
    const status = await third.ask<IndexStatus>('indexStatus', {});
    expect(status).toMatchObject({ how: 'restored', damaged: [{ id: 900, title: 'Broken body' }] });
    // The storage panel's line: the index in memory, before any query filled the cache.
    expect(status.memory).toMatchObject({ cachedBytes: 0, cacheLimit: 64 * 1024 * 1024 });
    expect(status.memory!.terms).toBeGreaterThan(100);
    expect(status.memory!.keptBytes).toBeGreaterThan(0);
    await searchTotal(third);
    expect((await third.ask<IndexStatus>('indexStatus', {})).memory!.cachedBytes).toBeGreaterThan(0);

    const answer = await third.ask<{ deleted: number }>('deleteDamagedArticles', { ids: [900, 1] });

    expect(answer).toEqual({ deleted: 1 });
    expect(await third.db.articles.get(900)).toBeUndefined();
    expect(await third.db.articles.get(1)).toBeDefined();
    expect((await third.ask<IndexStatus>('indexStatus', {})).damaged).toEqual([]);
    expect(await searchTotal(third)).toBe(2);
  });

  it('put in the table behind Cairn is found when the worker wakes, without counting the table', async () => {
    const { first } = await collection();
    await first.db.articles.put(damaged[1][1] as never);
    const db = openDb();
    const counts = countTableCounts(db);
    const woken = start({ db });
    await woken.app.ready;

    const answer = await woken.ask<SearchResult>('search', { query: 'wuzhen' });
    const countedForAnswer = counts();
    const status = await woken.ask<IndexStatus>('indexStatus', {});

    expect(answer.total).toBe(2);
    expect(countedForAnswer).toBe(0);
    expect(status).toMatchObject({ how: 'rebuilt', reason: 'stale', documentCount: 5, damaged: [{ id: 901 }] });
  });

  it('put in the table behind Cairn below the last id is found by the storage panel, which counts the table', async () => {
    const { first, restart } = await collection();
    await first.app.writer.remove([3]);
    await first.app.engine.flush();
    await first.db.articles.put({ ...damaged[0][1], id: 3 } as never);

    const woken = await restart();
    const status = await woken.ask<IndexStatus>('indexStatus', {});

    expect(status).toMatchObject({ how: 'rebuilt', reason: 'stale', documentCount: 4, damaged: [{ id: 3 }] });
    expect(await searchTotal(woken)).toBe(2);
  });

  it('is not counted as waiting to be linked, and a later wake does not read every link row for it', async () => {
    const { first, restart } = await collection();
    await first.db.articles.put(damaged[0][1] as never);
    const second = await restart();
    const status = await second.ask<LinkingStatus>('linkingStatus', {});
    await second.app.linking.settled();

    const third = await restart();
    const rowsRead = countLinkRowReads(third.db);
    await third.ask<SearchResult>('search', { query: 'wuzhen' });
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(status.pending).toBe(0);
    expect(status.indexed).toBe(await second.db.links.count());
    expect(rowsRead()).toBe(0);
  });

  it('damaged after the index was saved is left out of results instead of failing the search', async () => {
    const { first, restart } = await collection();
    const [hit] = (await first.ask<SearchResult>('search', { query: 'wuzhen' })).hits;
    await first.db.articles.update(hit!.id, { body: 7 } as never);

    const second = await restart();
    const result = await second.ask<SearchResult>('search', { query: 'wuzhen' });

    expect(result.hits.map((h) => h.id)).not.toContain(hit!.id);
    expect(result.hits.length).toBeGreaterThan(0);
    expect((await second.ask<IndexStatus>('indexStatus', {})).damaged).toMatchObject([{ id: hit!.id }]);
  });

  it('is shown neither as the reader article nor in the recent list', async () => {
    const { first, restart } = await collection();
    await first.db.articles.put({ ...damaged[0][1], importedAt: Date.now() + 1000 } as never);

    const second = await restart();

    expect(await second.ask('getArticle', { id: 900 })).toBeNull();
    const info = await second.ask<{ recent: { id: number }[] }>('collectionInfo', {});
    expect(info.recent.map((a) => a.id)).not.toContain(900);
    expect(info.recent).toHaveLength(5);
  });
});
