import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CairnDb } from '../../lib/background/db/cairn-db.ts';
import type { App } from '../../lib/background/create-app.ts';
import { contentScript, countTableCounts, self, useApps } from './app-harness.ts';
import type { Article, CollectionInfo, MessageSender, SearchResult } from '../../lib/protocol.ts';
import { prepareArticles, storeArticles } from '../../lib/background/store-articles.ts';

const popup: MessageSender = { id: self.id, url: `${self.origin}popup.html` };

const apps = useApps();
const { openDb } = apps;
const startApp = (db?: CairnDb): App => apps.start({ db }).app;

async function ask<T>(app: App, type: string, data: unknown, sender = popup): Promise<T> {
  const response = await app.dispatch({ type, data }, sender);
  if (!response.ok) throw new Error(`${response.error.name}: ${response.error.message}`);
  return response.value as T;
}

const titles = (result: SearchResult) => result.hits.map((hit) => hit.title);

describe('first run', () => {
  it('installs the five seed articles with their metadata', async () => {
    const app = startApp();

    const info = await ask<CollectionInfo>(app, 'collectionInfo', {});

    expect(info.articleCount).toBe(5);
    expect(info.recent.every((a) => a.origin === 'seed')).toBe(true);
    expect(info.recent.map((a) => a.title)).toContain('China takes responsible approach in global cyberspace governance');
  });

  it('does not install the seeds again when the worker restarts or the extension updates', async () => {
    const first = startApp();
    await first.ready;

    const second = startApp();
    const info = await ask<CollectionInfo>(second, 'collectionInfo', {});

    expect(info.articleCount).toBe(5);
  });

  it('does not bring back a seed the user deleted', async () => {
    const db = openDb();
    await startApp(db).ready;
    const seed = await db.articles.toCollection().first();
    await db.articles.delete(seed!.id);

    const info = await ask<CollectionInfo>(startApp(openDb()), 'collectionInfo', {});

    expect(info.articleCount).toBe(4);
  });

  it('counts the articles once, then keeps the count with every change instead of counting again', async () => {
    const { app, db } = apps.start();
    const first = await ask<CollectionInfo>(app, 'collectionInfo', {});
    const counts = countTableCounts(db);

    const { added } = await app.writer.add([{ title: 'A pasted note', body: 'About the harbour cables.', origin: 'paste' }], {});
    const afterAdd = await ask<CollectionInfo>(app, 'collectionInfo', {});
    await app.writer.remove([added[0]!, first.recent[0]!.id]);
    const afterRemove = await ask<CollectionInfo>(app, 'collectionInfo', {});

    expect([first.articleCount, afterAdd.articleCount, afterRemove.articleCount]).toEqual([5, 6, 4]);
    expect(counts()).toBe(0);
    expect(await db.articles.count()).toBe(4);
  });

  it('installs the seeds once when two workers start at the same moment', async () => {
    const [a, b] = [startApp(), startApp()];
    await Promise.all([a.ready, b.ready]);

    expect(await openDb().articles.count()).toBe(5);
  });
});

describe('search', () => {
  it('finds both Wuzhen articles', async () => {
    const app = startApp();

    const result = await ask<SearchResult>(app, 'search', { query: 'Wuzhen' });

    expect(titles(result).sort()).toEqual([
      'China pushes forward the agenda of technological prosperity',
      'China takes responsible approach in global cyberspace governance',
    ]);
  });

  it('ranks the information-infrastructure article first for "submarine cables"', async () => {
    const result = await ask<SearchResult>(startApp(), 'search', { query: 'submarine cables' });

    expect(result.hits[0]?.title).toBe(
      'China Vows to Enhance Global Communication and Cooperation in Information Infrastructure',
    );
    expect(result.hits[0]?.snippet.highlights.length).toBeGreaterThan(0);
  });

  it('finds the governance articles for "cyberspace governance", best first', async () => {
    const result = await ask<SearchResult>(startApp(), 'search', { query: 'cyberspace governance' });

    expect(titles(result)).toContain('China takes responsible approach in global cyberspace governance');
    expect(titles(result)).toContain(
      'Chinese President’s Call for Unity: Tackling AI Challenges and Cyber Development Together',
    );
    expect(result.hits[0]?.title).toBe('China takes responsible approach in global cyberspace governance');
  });

  it('completes the word being typed and forgives one typo', async () => {
    const app = startApp();

    const prefix = await ask<SearchResult>(app, 'search', { query: 'wuzh' });
    const typo = await ask<SearchResult>(app, 'search', { query: 'Wuzhem' });

    expect(prefix.total).toBe(2);
    expect(typo.total).toBe(2);
  });

  it('never shows web boilerplate that was scraped along with the seeds', async () => {
    const db = openDb();
    const app = startApp(db);
    const boilerplate = ['Read More', 'Scroll to Top', 'Leave a Replay', 'verification code', 'Also Read', 'Related articles', 'Reading this article requires'];

    const shown: string[] = [];
    for (const phrase of boilerplate) {
      const result = await ask<SearchResult>(app, 'search', { query: phrase });
      for (const hit of result.hits) if (hit.snippet.text.toLowerCase().includes(phrase.toLowerCase())) shown.push(phrase);
    }
    const stored = (await db.articles.toArray()).flatMap((a) =>
      boilerplate.filter((phrase) => a.body.toLowerCase().includes(phrase.toLowerCase())),
    );

    expect(shown).toEqual([]);
    expect(stored).toEqual([]);
  });

  it('answers a query of stop words with nothing, not everything', async () => {
    const result = await ask<SearchResult>(startApp(), 'search', { query: 'the of and' });

    expect(result).toEqual({ query: 'the of and', hits: [], total: 0 });
  });

  it('finds a newly stored article at once', async () => {
    const db = openDb();
    const app = startApp(db);
    await app.ready;
    const prepared = await prepareArticles(
      [{ title: '数字丝绸之路', body: '中国推进网络空间治理与数字丝绸之路建设。', origin: 'paste' }],
      Date.now(),
    );
    const stored = await storeArticles(db, prepared);
    await app.engine.applyChange(stored);

    const result = await ask<SearchResult>(app, 'search', { query: '治理' });

    expect(titles(result)).toEqual(['数字丝绸之路']);
  });
});

describe('the index across worker restarts', () => {
  it('restores the saved snapshot instead of re-indexing when nothing changed', async () => {
    const db = openDb();
    const first = startApp(db);
    await ask(first, 'search', { query: 'wuzhen' });
    await first.engine.flush();

    const second = startApp(openDb());
    await second.ready;

    expect(await second.engine.load()).toMatchObject({ how: 'restored', documentCount: 5 });
    expect((await ask<SearchResult>(second, 'search', { query: 'wuzhen' })).total).toBe(2);
  });

  it('rebuilds when the collection changed after the snapshot was saved', async () => {
    const db = openDb();
    await startApp(db).ready;
    const prepared = await prepareArticles([{ title: 'Late arrival', body: 'Written while no index listened.', origin: 'paste' }], 1);
    await storeArticles(db, prepared);

    const app = startApp(openDb());

    expect(await app.engine.load()).toMatchObject({ how: 'rebuilt', reason: 'stale', documentCount: 6 });
    expect(titles(await ask<SearchResult>(app, 'search', { query: 'arrival' }))).toEqual(['Late arrival']);
  });

  it('rebuilds from the articles when the stored index is corrupt', async () => {
    const db = openDb();
    await startApp(db).ready;
    await db.termIndex.put({ key: 'terms', terms: 'wuzhen', counts: 'many' } as never);

    const app = startApp(openDb());

    expect(await app.engine.load()).toMatchObject({ how: 'rebuilt', reason: 'corrupt' });
    expect((await ask<SearchResult>(app, 'search', { query: 'wuzhen' })).total).toBe(2);
  });

  it('rebuilds when the stored index is missing', async () => {
    const db = openDb();
    await startApp(db).ready;
    await db.termIndex.clear();

    const app = startApp(openDb());

    expect(await app.engine.load()).toMatchObject({ how: 'rebuilt', reason: 'missing' });
  });
});

describe('requests', () => {
  it('returns a whole article for the reader', async () => {
    const db = openDb();
    const app = startApp(db);
    await app.ready;
    const [first] = await db.articles.toArray();

    const article = await ask<Article>(app, 'getArticle', { id: first!.id });

    expect(article).toEqual(first);
  });

  it('answers null for an article that is not there', async () => {
    expect(await ask(startApp(), 'getArticle', { id: 999 })).toBeNull();
  });

  it('refuses malformed requests with a reason', async () => {
    const app = startApp();

    const cases = [
      await app.dispatch(null, popup),
      await app.dispatch({ type: 'dropDatabase', data: {} }, popup),
      await app.dispatch({ type: 'search', data: { query: 42 } }, popup),
      await app.dispatch({ type: 'search', data: { query: 'x'.repeat(501) } }, popup),
      await app.dispatch({ type: 'getArticle', data: { id: -1 } }, popup),
      await app.dispatch({ type: 'search', data: { query: 'a', extra: true } }, popup),
      await app.dispatch({ type: '__proto__', data: {} }, popup),
    ];

    for (const response of cases) expect(response).toMatchObject({ ok: false, error: { name: 'RequestError' } });
  });

  it('refuses collection requests from content scripts and other extensions', async () => {
    const app = startApp();

    const fromPage = await app.dispatch({ type: 'getArticle', data: { id: 1 } }, contentScript);
    const fromStranger = await app.dispatch({ type: 'search', data: { query: 'x' } }, { id: 'other', url: 'chrome-extension://other/' });

    expect(fromPage).toMatchObject({ ok: false, error: { message: expect.stringContaining('not allowed') } });
    expect(fromStranger).toMatchObject({ ok: false, error: { message: expect.stringContaining('not allowed') } });
  });
});
