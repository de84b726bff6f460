import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CairnDb } from '../../lib/background/db/cairn-db.ts';
import { listingOf } from '../../lib/background/db/listing-of.ts';
import { EXACT_COUNT_BUDGET } from '../../lib/background/search/check-candidates.ts';
import { createIndex, toIndexed } from '../../lib/background/search/snapshot.ts';
import { createSearchEngine, type SearchEngine } from '../../lib/background/search-engine.ts';
import type { Article } from '../../lib/protocol.ts';
import { planQuery } from '../../lib/shared/search/query-plan.ts';

let counter = 0;
const opened: CairnDb[] = [];

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

type Draft = Pick<Article, 'title' | 'body'> & Partial<Article>;

function article(id: number, draft: Draft): Article {
  return { id, origin: 'paste', importedAt: 1_700_000_000_000 + id, contentHash: id.toString(16).padStart(64, "0"), ...draft };
}

const COLLECTION: Draft[] = [
  { title: 'Cables under the sea', body: 'Submarine cables carry most of the internet traffic between continents.', source: 'The Hindu', publishedAt: '2023-11-08', tags: ['Infrastructure'] },
  { title: 'Cable ships', body: 'A submarine surfaced near the cables of the harbour; the ships repair them.', source: 'Xinhua', publishedAt: '2024-02-10', tags: ['infrastructure', 'ships'] },
  { title: 'World Internet Conference', body: 'Delegates met in Wuzhen to talk about cyberspace governance and submarine cables.', source: 'China Daily', publishedAt: '2024-11-20' },
  { title: 'Undated note', body: 'Submarine cables are fragile.', source: 'The Hindu' },
  { title: 'Résumé writing', body: 'How to write a résumé for a job in governance.', source: 'Le Monde diplomatique', publishedAt: '2022-05-01', tags: ['careers'] },
];

async function engineOver(drafts: readonly Draft[]): Promise<{ engine: SearchEngine; articles: Article[] }> {
  const db = new CairnDb(`cairn-syntax-${Date.now()}-${++counter}`);
  opened.push(db);
  const articles = drafts.map((draft, i) => article(i + 1, draft));
  await db.articles.bulkAdd(articles);
  await db.listing.bulkAdd(articles.map(listingOf));
  return { engine: createSearchEngine({ db, saveDelayMs: 60_000 }), articles };
}

async function titles(engine: SearchEngine, query: string): Promise<string[]> {
  return (await engine.search(query, 20)).hits.map((hit) => hit.title).sort();
}

describe('search with the query syntax', () => {
  it('finds a quoted phrase only where its words stand together', async () => {
    const { engine } = await engineOver(COLLECTION);

    expect(await titles(engine, '"submarine cables"')).toEqual(['Cables under the sea', 'Undated note', 'World Internet Conference']);
    expect(await titles(engine, 'submarine cables')).toContain('Cable ships');
  });

  it('counts phrase matches exactly when every candidate was checked', async () => {
    const { engine } = await engineOver(COLLECTION);

    const result = await engine.search('"submarine cables"', 1);

    expect(result.hits).toHaveLength(1);
    expect(result.total).toBe(3);
    expect(result.totalAtLeast).toBeUndefined();
  });

  it('drops articles holding an excluded word, in any of its forms', async () => {
    const { engine } = await engineOver(COLLECTION);

    expect(await titles(engine, 'submarine -wuzhen')).toEqual(['Cable ships', 'Cables under the sea', 'Undated note']);
    expect(await titles(engine, 'submarine -ship')).toEqual(['Cables under the sea', 'Undated note', 'World Internet Conference']);
  });

  it('drops articles holding an excluded phrase but keeps those with its words apart', async () => {
    const { engine } = await engineOver(COLLECTION);

    expect(await titles(engine, 'submarine -"submarine cables"')).toEqual(['Cable ships']);
  });

  it('filters by source, tag and dates on the article’s own fields', async () => {
    const { engine } = await engineOver(COLLECTION);

    expect(await titles(engine, 'submarine source:hindu')).toEqual(['Cables under the sea', 'Undated note']);
    expect(await titles(engine, 'source:"china daily"')).toEqual(['World Internet Conference']);
    expect(await titles(engine, 'cables tag:INFRASTRUCTURE')).toEqual(['Cable ships', 'Cables under the sea']);
    expect(await titles(engine, 'submarine before:2024')).toEqual(['Cables under the sea']);
    expect(await titles(engine, 'submarine after:2024-02-11')).toEqual(['World Internet Conference']);
    expect(await titles(engine, 'submarine after:2024-02-10')).toEqual(['Cable ships', 'World Internet Conference']);
    expect(await titles(engine, 'after:2023-12 before:2024-11')).toEqual(['Cable ships']);
  });

  it('combines a phrase, an exclusion and filters', async () => {
    const { engine } = await engineOver(COLLECTION);

    expect(await titles(engine, '"submarine cables" -wuzhen source:hindu after:2023')).toEqual(['Cables under the sea']);
  });

  it('answers filters or exclusions alone from the whole collection', async () => {
    const { engine } = await engineOver(COLLECTION);

    expect(await titles(engine, 'tag:careers')).toEqual(['Résumé writing']);
    expect((await engine.search('-submarine', 20)).hits.map((hit) => hit.title)).toEqual(['Résumé writing']);
  });

  it('finds nothing, without failing, for what cannot match', async () => {
    const { engine } = await engineOver(COLLECTION);

    for (const query of ['"cables submarine"', 'source:nowhere', 'before:1900', 'submarine -submarine', '"the of"', '-', 'source:', 'before:2024-13', '""']) {
      expect((await engine.search(query, 20)).hits, query).toEqual([]);
    }
  });

  it('gives the library the ids of every match, best first', async () => {
    const { engine } = await engineOver(COLLECTION);

    expect(await engine.searchIds('"submarine cables" source:hindu')).toEqual(expect.arrayContaining([1, 4]));
    expect(await engine.searchIds('"submarine cables" source:hindu')).toHaveLength(2);
  });

  it('says the count is only a lower bound when it stopped checking', async () => {
    const many = Array.from({ length: EXACT_COUNT_BUDGET + 100 }, (_, i) => ({ title: `Note ${i}`, body: `Submarine cables, note ${i}.`, source: 'The Hindu' }));
    const { engine } = await engineOver(many);

    const result = await engine.search('"submarine cables"', 10);

    expect(result.hits).toHaveLength(10);
    expect(result.totalAtLeast).toBe(true);
    expect(result.total).toBeGreaterThanOrEqual(EXACT_COUNT_BUDGET);
    expect(result.total).toBeLessThan(many.length);
  });
});

describe('search with plain words', () => {
  // How the engine ranked plain words before the syntax existed: every word, then any word.
  function before(articles: Article[], query: string): number[] {
    const index = createIndex();
    index.addAll(articles.map(toIndexed));
    const all = planQuery(query, 'AND');
    if (all.terms.length === 0) return [];
    let results = index.search(query, all.options);
    if (results.length === 0 && all.terms.length > 1) results = index.search(query, planQuery(query, 'OR').options);
    return results.map((result) => result.id as number);
  }

  it('ranks plain queries exactly as before', async () => {
    const { engine, articles } = await engineOver(COLLECTION);

    for (const query of ['submarine cables', 'cable', 'cab', 'wuzhem', 'resume', 'governance wuzhen ', 'submarine nothingatall', 'the of', 'e-mail', '治理']) {
      const result = await engine.search(query, 20);

      expect(result.hits.map((hit) => hit.id), query).toEqual(before(articles, query));
      expect(result.totalAtLeast, query).toBeUndefined();
      expect(await engine.searchIds(query), query).toEqual(before(articles, query));
    }
  });
});
