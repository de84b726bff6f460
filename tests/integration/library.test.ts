import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { CairnDb } from '../../lib/background/db/cairn-db.ts';
import { LINKED_REVISION } from '../../lib/background/linking-engine.ts';
import { readBackup } from '../../lib/shared/import/backup-format.ts';
import { exportBackup } from '../../lib/shared/import/export-backup.ts';
import { DEFAULT_LINKING_SETTINGS } from '../../lib/shared/linking/site-policy.ts';
import type {
  ArticleListing,
  BackupArticle,
  ImportResult,
  LinkingSettings,
  LinkingStatus,
  PageImportResult,
  ParsedArticle,
  SearchResult,
} from '../../lib/protocol.ts';
import { visitPage } from './read-page.ts';
import { contentScript, useApps, type Started } from './app-harness.ts';

const apps = useApps();

const cables: ParsedArticle = {
  title: 'Undersea cables reach the Maldives',
  body: 'A new submarine cable links Malé with Singapore and Djibouti.\n\nEngineers finished the landing station in March.',
  url: 'https://news.example/cables',
  source: 'Harbour Times',
  author: 'Ana Lima',
  publishedAt: '2025-03-14',
  tags: ['cables'],
};
const orchard: ParsedArticle = {
  title: 'Apple growers try hail nets',
  body: 'Orchards in the valley are testing nets that stop hail from bruising the fruit.',
};

let batches = 0;
function importFile(s: Started, articles: ParsedArticle[], batchId = `batch-${++batches}-xxxx`) {
  return s.ask<ImportResult>('importArticles', { batchId, origin: 'file', fileName: 'notes/news.json', articles });
}

async function listing(s: Started): Promise<ArticleListing[]> {
  return (await s.ask<{ articles: ArticleListing[] }>('listArticles', {})).articles;
}

const searchTitles = async (s: Started, query: string) =>
  (await s.ask<SearchResult>('search', { query })).hits.map((hit) => hit.title);

describe('importArticles', () => {
  it('stores a file’s articles, lists them and finds them in search at once', async () => {
    const s = apps.start();

    const result = await importFile(s, [cables, orchard]);

    expect(result.added).toHaveLength(2);
    expect(result.duplicates).toBe(0);
    expect(await searchTitles(s, 'hail nets')).toEqual(['Apple growers try hail nets']);
    const rows = await listing(s);
    expect(rows).toHaveLength(7);
    expect(rows.find((row) => row.id === result.added[0])).toMatchObject({
      title: cables.title,
      origin: 'file',
      fileName: 'notes/news.json',
      size: cables.body.length,
      tags: ['cables'],
    });
    expect(s.effects.log.events.at(-1)).toEqual({ event: 'collectionChanged', data: { revision: expect.any(Number) } });
  });

  it('tells the open pages to scan again once linking has taken the import in', async () => {
    const s = apps.start();
    await s.app.ready;
    await s.app.linking.settled();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const before = s.effects.log.rescans.length;

    await importFile(s, [orchard]);
    await s.app.linking.settled();
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(s.effects.log.rescans.slice(before)).toEqual(['all']);
    expect(await s.app.linking.status()).toEqual({ indexed: 6, pending: 0 });
  });

  it('counts the same text or the same URL as a duplicate, also within one file', async () => {
    const s = apps.start();
    await importFile(s, [cables]);
    const respaced = { ...orchard, body: `  ${orchard.body.toUpperCase()}  ` };
    const sameUrl = { ...orchard, title: 'Other', body: 'Entirely different words.', url: cables.url };

    const result = await importFile(s, [orchard, respaced, sameUrl]);

    expect(result.added).toHaveLength(1);
    expect(result.duplicates).toBe(2);
    expect(result.duplicateOf).toEqual([result.added[0], (await listing(s)).find((r) => r.title === cables.title)!.id]);
  });

  it('answers a repeated request (same batch id) without storing twice', async () => {
    const s = apps.start();
    const first = await importFile(s, [cables, orchard], 'batch-repeat-1');

    const again = await importFile(s, [cables, orchard], 'batch-repeat-1');

    expect(again).toEqual(first);
    expect(await s.db.articles.count()).toBe(7);
  });

  it('writes nothing at all when the transaction fails half-way', async () => {
    const s = apps.start();
    await s.app.ready;
    const revision = (await s.db.meta.get('revision'))?.value;
    // The article rows are written, then the library rows fail: the whole file must roll back.
    s.db.listing.hook('creating', () => {
      throw new Error('disk broke');
    });

    await expect(importFile(s, [cables, orchard])).rejects.toThrow('disk broke');

    expect(await s.db.articles.count()).toBe(5);
    expect((await s.db.meta.get('revision'))?.value).toBe(revision);
    expect(await searchTitles(s, 'hail nets')).not.toContain(orchard.title);
  });

  it('explains a full disk in words a user can act on, and keeps what was there', async () => {
    const s = apps.start();
    await s.app.ready;
    s.db.articles.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });

    const failure = importFile(s, [cables]);

    await expect(failure).rejects.toThrow(/StorageFullError: .*no more room.*nothing from this request was saved/);
    expect(await s.db.articles.count()).toBe(5);
  });

  it('refuses articles that break the limits, naming the article', async () => {
    const s = apps.start();

    const empty = await importFile(s, [cables, { title: 'Blank', body: '   ' }]).catch(String);
    const script = await importFile(s, [{ ...cables, url: 'javascript:alert(1)' }]).catch(String);
    const extra = await importFile(s, [{ ...cables, constructor: 'x' } as ParsedArticle]).catch(String);

    expect(empty).toMatch('article 2: the text is empty');
    expect(script).toMatch('article 1: the URL must be an http or https address');
    expect(extra).toMatch(/RequestError/);
    expect(await s.db.articles.count()).toBe(5);
  });

  it('is refused from content scripts', async () => {
    const s = apps.start();

    const attempt = s.ask('importArticles', { batchId: 'batch-cs-0001', origin: 'file', articles: [cables] }, contentScript);

    await expect(attempt).rejects.toThrow('not allowed from this sender');
  });
});

describe('deleteArticles and undo', () => {
  it('removes articles from the list and from search, and puts them back exactly on undo', async () => {
    const s = apps.start();
    const { added } = await importFile(s, [cables, orchard]);
    const before = await s.db.articles.bulkGet(added);

    const { deleted } = await s.ask<{ deleted: BackupArticle[] }>('deleteArticles', { ids: added });
    const gone = (await searchTitles(s, 'hail nets')).filter((title) => title === orchard.title);
    const undo = await s.ask<ImportResult>('restoreArticles', { batchId: 'undo-0001', articles: deleted });

    expect(gone).toEqual([]);
    expect(undo.added).toEqual(added);
    expect(await s.db.articles.bulkGet(added)).toEqual(before);
    expect(await searchTitles(s, 'hail nets')).toEqual(['Apple growers try hail nets']);
  });
});

describe('updateArticle', () => {
  it('changes what the library shows and what search finds', async () => {
    const s = apps.start();
    const { added } = await importFile(s, [orchard]);

    const row = await s.ask<ArticleListing>('updateArticle', {
      id: added[0],
      changes: { title: 'Hail nets save the harvest', author: 'Bo Chen', tags: ['farming', ' farming ', 'weather'], publishedAt: '2025-06-01' },
    });

    expect(row).toMatchObject({ title: 'Hail nets save the harvest', author: 'Bo Chen', tags: ['farming', 'weather'], publishedAt: '2025-06-01' });
    expect(await searchTitles(s, 'harvest')).toEqual(['Hail nets save the harvest']);
  });

  it('clears a field given as empty, and refuses an empty title or a bad date', async () => {
    const s = apps.start();
    const { added } = await importFile(s, [cables]);

    const row = await s.ask<ArticleListing>('updateArticle', { id: added[0], changes: { author: '', publishedAt: '' } });
    const noTitle = await s.ask('updateArticle', { id: added[0], changes: { title: '  ' } }).catch(String);
    const badDate = await s.ask('updateArticle', { id: added[0], changes: { publishedAt: 'last Tuesday' } }).catch(String);

    expect(row.author).toBeUndefined();
    expect(row.publishedAt).toBeUndefined();
    expect(noTitle).toMatch('An article needs a title.');
    expect(badDate).toMatch('the date must look like 2024-04-03');
  });
});

describe('export and restore', () => {
  it('restores every field of every article, and the settings, after the collection is wiped', async () => {
    const settings: LinkingSettings = {
      ...DEFAULT_LINKING_SETTINGS,
      sitesOff: ['news.example'],
      mutedPhrases: [{ key: 'digital silk road', label: 'Digital Silk Road' }],
    };
    const first = apps.start({ settings });
    await importFile(first, [cables, orchard]);
    await first.ask('updateArticle', { id: 1, changes: { tags: ['seed', 'kept'] } });
    const before = await first.db.articles.toArray();
    const { blob } = await exportBackup({
      fetchPage: (afterId) => first.ask('exportArticles', { afterId, limit: 2 }),
      settings: await first.ask<LinkingSettings>('linkingSettings', {}),
      now: new Date('2026-11-23T10:00:00Z'),
    });
    await first.app.ready;
    first.db.close();
    await Dexie.delete(apps.dbName());

    const fresh = apps.start();
    await fresh.ask('deleteArticles', { ids: (await listing(fresh)).map((row) => row.id) });
    const backup = readBackup(JSON.parse(await blob.text()));
    if (!backup.ok) throw new Error(backup.reason);
    const restored = await fresh.ask<ImportResult>('restoreArticles', { batchId: 'restore-0001', articles: backup.articles });
    await fresh.ask('restoreSettings', { settings: backup.settings });

    expect(restored.added).toHaveLength(7);
    expect(await fresh.db.articles.toArray()).toEqual(before);
    expect(await fresh.settings.get()).toEqual(settings);
    expect(await listing(fresh)).toEqual(before.map((a) => expect.objectContaining({ id: a.id, title: a.title, size: a.body.length })));
  });

  it('pages through the collection in id order', async () => {
    const s = apps.start();
    await importFile(s, [cables, orchard]);

    const page1 = await s.ask<{ articles: BackupArticle[]; done: boolean }>('exportArticles', { afterId: 0, limit: 4 });
    const page2 = await s.ask<{ articles: BackupArticle[]; done: boolean }>('exportArticles', { afterId: 4, limit: 4 });

    expect(page1.articles.map((a) => a.id)).toEqual([1, 2, 3, 4]);
    expect(page1.done).toBe(false);
    expect(page2.articles.map((a) => a.id)).toEqual([5, 6, 7]);
    expect(page2.done).toBe(true);
    expect(page2.articles.every((a) => !('contentHash' in a))).toBe(true);
  });
});

describe('restoreDefaultSeeds', () => {
  it('adds back only the default articles that are missing', async () => {
    const s = apps.start();
    await s.ask('deleteArticles', { ids: [2, 4] });

    const first = await s.ask<ImportResult>('restoreDefaultSeeds', {});
    const second = await s.ask<ImportResult>('restoreDefaultSeeds', {});

    expect(first.added).toHaveLength(2);
    expect(second).toEqual({ added: [], duplicates: 5, duplicateOf: expect.any(Array) });
    expect((await listing(s)).filter((row) => row.origin === 'seed')).toHaveLength(5);
  });
});

describe('importPage', () => {
  const page = { title: 'Cables and cooperation', body: 'Two countries agreed to lay a cable.', url: 'https://news.example/agreement' };

  it('adds the article a tab’s page gave, then recognises it as a duplicate', async () => {
    const s = apps.start({ pages: { 7: page } });

    const first = await s.ask<PageImportResult>('importPage', { tabId: 7 });
    const second = await s.ask<PageImportResult>('importPage', { tabId: 7 });

    expect(first).toEqual({ outcome: 'added', id: 6, title: page.title });
    expect(second).toEqual({ outcome: 'duplicate', id: 6, title: page.title });
    expect((await s.db.articles.get(6))?.origin).toBe('page');
  });

  it('explains pages it cannot read, pages without an article, and refuses what a page made up', async () => {
    const s = apps.start({ pages: { 8: null, 9: { ...page, body: 'x', extra: '<script>' } } });

    await expect(s.ask('importPage', { tabId: 3 })).rejects.toThrow('Cairn cannot read this page.');
    await expect(s.ask('importPage', { tabId: 8 })).rejects.toThrow('Cairn found no article text on this page.');
    await expect(s.ask('importPage', { tabId: 9 })).rejects.toThrow(/Cairn could not add this page/);
    expect(await s.db.articles.count()).toBe(5);
  });
});

describe('searchIds', () => {
  it('returns every matching id, best first', async () => {
    const s = apps.start();
    const { added } = await importFile(s, [cables, orchard]);

    const { ids } = await s.ask<{ ids: number[] }>('searchIds', { query: 'cable' });

    expect(ids[0]).toBe(added[0]);
    expect(ids).not.toContain(added[1]);
  });
});

describe('database upgrade', () => {
  it('fills the library rows of a collection stored by the first version', async () => {
    const name = `cairn-upgrade-${Date.now()}`;
    const old = new Dexie(name);
    old.version(1).stores({ articles: '++id, &contentHash, url, importedAt, origin', snapshots: 'key', meta: 'key' });
    await old.table('articles').add({ title: 'Old', body: 'Kept text', origin: 'paste', importedAt: 5, contentHash: 'h1' });
    old.close();

    const db = new CairnDb(name);
    const rows = await db.listing.toArray();
    db.close();

    expect(rows).toEqual([{ id: 1, title: 'Old', origin: 'paste', importedAt: 5, size: 9, tags: [] }]);
  });
});

describe('linking follows the collection', () => {
  const article = (n: number): ParsedArticle => ({
    title: `Quokka Fibre Consortium report ${n}`,
    body: `The Quokka Fibre Consortium laid a new cable in harbour ${n}. Engineers from Marlow Tidal Works tested it.\n\nThe Quokka Fibre Consortium said Marlow Tidal Works would return in spring.`,
  });
  const page = 'A story about the Quokka Fibre Consortium and Marlow Tidal Works, who tested a cable.';

  async function related(s: Started): Promise<string[]> {
    const { links } = await visitPage(s.ask, page, contentScript, s.app);
    return links?.related.map((r) => r.title) ?? [];
  }

  it('links pages to imported articles at once, and forgets deleted ones', async () => {
    const s = apps.start();
    const before = await related(s);

    const { added } = await importFile(s, [article(1)]);
    const afterImport = await related(s);
    await s.ask('deleteArticles', { ids: added });
    const afterDelete = await related(s);

    expect(before).toEqual([]);
    expect(afterImport).toEqual(['Quokka Fibre Consortium report 1']);
    expect(afterDelete).toEqual([]);
  });

  it('reports its progress to the library: what is mined and what waits, and only to extension pages', async () => {
    const s = apps.start();
    await s.app.ready;
    await s.app.linking.settled();
    const seedsOnly = await s.ask<LinkingStatus>('linkingStatus', {});
    await importFile(s, [article(1), article(2)]);
    await s.app.linking.settled();
    const afterImport = await s.ask<LinkingStatus>('linkingStatus', {});
    // A worker that stopped mid-way: two articles' rows are missing when the next one wakes.
    await s.db.links.bulkDelete((await s.db.links.toCollection().primaryKeys()).slice(-2));
    await s.db.meta.delete(LINKED_REVISION);
    const woken = apps.start({ db: s.db });
    const beforeResume = await woken.app.linking.status();

    expect(seedsOnly).toEqual({ indexed: 5, pending: 0 });
    expect(afterImport).toEqual({ indexed: 7, pending: 0 });
    expect(beforeResume.indexed + beforeResume.pending).toBe(7);
    await expect.poll(() => woken.ask<LinkingStatus>('linkingStatus', {})).toEqual({ indexed: 7, pending: 0 });
    await expect(s.ask('linkingStatus', {}, contentScript)).rejects.toThrow('not allowed from this sender');
  });
});
