import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCollectionWriter } from '../../lib/background/collection-writer.ts';
import { CairnDb } from '../../lib/background/db/cairn-db.ts';
import type { LinkingEngine } from '../../lib/background/linking-engine.ts';
import type { BrowserEffects } from '../../lib/background/linking-stores.ts';
import { createSearchEngine } from '../../lib/background/search-engine.ts';
import type { NewArticle } from '../../lib/background/store-articles.ts';

// Cairn issue 10: while an import outran the index, the changes waiting for the index were merged
// into one that held the text of every article stored since the running save began. The queue is
// bounded now; a slow save must hold the writer back instead.

/** Articles added by each save, in order; every save takes its time, like the index on a busy machine. */
const saves = vi.hoisted(() => [] as number[]);

vi.mock('../../lib/background/search/write-term-change.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../lib/background/search/write-term-change.ts')>();
  return {
    ...original,
    writeTermChange: async (...args: Parameters<typeof original.writeTermChange>) => {
      saves.push(args[2].added.length);
      await new Promise((resolve) => setTimeout(resolve, 40));
      return original.writeTermChange(...args);
    },
  };
});

let db: CairnDb | undefined;
afterEach(() => {
  db?.close();
  saves.length = 0;
});

const BATCH = 20;
const BATCHES = 15;
const BOUND = 50;

const batch = (k: number): NewArticle[] =>
  Array.from({ length: BATCH }, (_, i) => ({ title: `Survey ${k}-${i}`, body: `Harbour survey note ${k} ${i}.`, origin: 'file' }));

async function setUp(limits: { maxQueuedArticles?: number; maxQueuedChars?: number }) {
  db = new CairnDb(`queue-bound-${Date.now()}-${Math.random()}`);
  const engine = createSearchEngine({ db, ...limits });
  await engine.load();
  const linking = { changed: () => undefined } as unknown as LinkingEngine;
  const effects = { broadcast: () => undefined } as unknown as BrowserEffects;
  const writer = createCollectionWriter({ db, engine, linking, effects, now: Date.now });
  return { engine, writer };
}

describe('createSearchEngine', () => {
  it('never lets the change waiting behind a slow save grow past its bound while batches keep coming', async () => {
    const { engine, writer } = await setUp({ maxQueuedArticles: BOUND });

    await Promise.all(Array.from({ length: BATCHES }, (_, k) => writer.addFiles([batch(k)], { batchId: `bound-batch-${k}` })));
    await writer.indexed();
    await engine.flush();

    // A change is merged into the queue while it holds less than the bound: at most one batch more.
    expect(Math.max(...saves)).toBeLessThan(BOUND + BATCH);
    expect(saves.reduce((sum, n) => sum + n, 0)).toBe(BATCH * BATCHES);
    const stored = await db!.articles.toCollection().primaryKeys();
    expect((await engine.searchIds('harbour survey')).sort((a, b) => a - b)).toEqual(stored.sort((a, b) => a - b));
    expect(stored).toHaveLength(BATCH * BATCHES);
  });

  it('bounds the queue by characters of text as well', async () => {
    const { engine, writer } = await setUp({ maxQueuedChars: 3 * BATCH * 40 });

    await Promise.all(Array.from({ length: BATCHES }, (_, k) => writer.addFiles([batch(k)], { batchId: `chars-batch-${k}` })));
    await writer.indexed();
    await engine.flush();

    expect(Math.max(...saves)).toBeLessThanOrEqual(4 * BATCH);
    expect(await engine.searchIds('harbour survey')).toHaveLength(BATCH * BATCHES);
  });

  it('still merges small changes that arrive during a save into one', async () => {
    const { engine, writer } = await setUp({});

    await Promise.all(Array.from({ length: 6 }, (_, k) => writer.addFiles([batch(k).slice(0, 2)], { batchId: `small-batch-${k}` })));
    await writer.indexed();
    await engine.flush();

    // The first save runs alone; the five writes made during it are saved together.
    expect(saves).toEqual([2, 10]);
    expect(await engine.searchIds('harbour survey')).toHaveLength(12);
  });
});
