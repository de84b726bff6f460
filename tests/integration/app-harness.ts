import 'fake-indexeddb/auto';
import { afterEach, beforeEach } from 'vitest';
import { CairnDb } from '../../lib/background/db/cairn-db.ts';
import { DEFAULT_LINKING_SETTINGS } from '../../lib/shared/linking/site-policy.ts';
import type { LinkingSettings, MessageSender } from '../../lib/protocol.ts';
import { createApp, type App } from '../../lib/background/create-app.ts';
import { memorySettingsStore, memoryTabStore } from '../../lib/background/linking-stores.ts';
import { parseScrapedArticle } from '../../lib/shared/text/parse-scraped-article.ts';
import { SEEDS } from '../../seeds/index.ts';
import { fakeEffects } from './fake-effects.ts';
import { readWordVectors } from './read-word-vectors.ts';

export const self = { id: 'cairn-test', origin: 'chrome-extension://cairn-test/' };
export const extensionPage: MessageSender = { id: self.id, url: `${self.origin}library.html` };
export const contentScript: MessageSender = { id: self.id, url: 'https://example.com/news', tab: { id: 4, url: 'https://example.com/news' }, frameId: 0 };

export interface Started {
  app: App;
  db: CairnDb;
  effects: ReturnType<typeof fakeEffects>;
  settings: ReturnType<typeof memorySettingsStore>;
  /** Sends a request as the library page would, and returns the answer or throws `Name: message`. */
  ask<T>(type: string, data: unknown, sender?: MessageSender): Promise<T>;
}

/**
 * Starts the background's logic over a fresh fake-indexeddb database per test (or over `db`, to
 * play a worker restart), with in-memory settings and recorded browser effects.
 */
export function useApps() {
  let dbName = '';
  let counter = 0;
  const opened: CairnDb[] = [];
  const started: App[] = [];

  beforeEach(() => {
    dbName = `cairn-lib-${Date.now()}-${++counter}`;
  });

  afterEach(async () => {
    // Linking too: a catch-up still running when the database closes would only report that it closed.
    for (const app of started.splice(0)) await app.ready.then(() => Promise.all([app.engine.flush(), app.linking.settled()])).catch(() => undefined);
    for (const db of opened.splice(0)) db.close();
  });

  function openDb(): CairnDb {
    const db = new CairnDb(dbName);
    opened.push(db);
    return db;
  }

  function start(
    options: { db?: CairnDb; pages?: Record<number, unknown>; settings?: LinkingSettings; loadWordVectors?: () => Promise<ArrayBuffer> } = {},
  ): Started {
    const db = options.db ?? openDb();
    const effects = fakeEffects(options.pages);
    const settings = memorySettingsStore(options.settings ?? DEFAULT_LINKING_SETTINGS);
    const app = createApp({
      db,
      seeds: SEEDS,
      parseSeed: parseScrapedArticle,
      self,
      settings,
      tabs: memoryTabStore(),
      effects,
      loadWordVectors: options.loadWordVectors ?? readWordVectors,
      saveDelayMs: 0,
      rescanDelayMs: 0,
    });
    started.push(app);
    return {
      app,
      db,
      effects,
      settings,
      async ask<T>(type: string, data: unknown, sender = extensionPage): Promise<T> {
        const response = await app.dispatch({ type, data }, sender);
        if (!response.ok) throw new Error(`${response.error.name}: ${response.error.message}`);
        return response.value as T;
      },
    };
  }

  return { start, openDb, dbName: () => dbName };
}

/** Counts the link rows read from `db` from now on (a wake that answers a search should read none). */
/** Counts the `count()` calls on the articles and links tables from now on (Chromium reads every row for one). */
export function countTableCounts(db: CairnDb): () => number {
  let counts = 0;
  for (const table of [db.articles, db.links] as const) {
    const count = table.count.bind(table);
    table.count = ((...args: Parameters<typeof count>) => {
      counts += 1;
      return count(...args);
    }) as typeof count;
  }
  return () => counts;
}

/** Counts the reads of every article id (`articles.toCollection()`) from now on: a linking catch-up that compares them all. */
export function countIdReads(db: CairnDb): () => number {
  let reads = 0;
  const toCollection = db.articles.toCollection.bind(db.articles);
  db.articles.toCollection = () => {
    reads += 1;
    return toCollection();
  };
  return () => reads;
}

export function countLinkRowReads(db: CairnDb): () => number {
  let reads = 0;
  db.links.hook('reading', (row) => {
    reads += 1;
    return row;
  });
  return () => reads;
}
