import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createCollectionWriter } from '../../lib/background/collection-writer.ts';
import { CairnDb } from '../../lib/background/db/cairn-db.ts';
import type { LinkingEngine } from '../../lib/background/linking-engine.ts';
import type { BrowserEffects } from '../../lib/background/linking-stores.ts';
import type { SearchEngine } from '../../lib/background/search-engine.ts';
import type { NewArticle } from '../../lib/background/store-articles.ts';

// Cairn issue 10: an import's answer waits for the search index to queue its change (not to save
// it), and the index must take the changes one at a time, in the order of their revisions.

let db: CairnDb | undefined;
afterEach(() => db?.close());

const article = (n: number): NewArticle => ({ title: `Note ${n}`, body: `Harbour note number ${n}.`, origin: 'file' });

/** An index that takes its time with each change, and a gate that holds the first one back (as a full queue would). */
function slowIndex() {
  const applied: number[] = [];
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const engine = {
    async applyChange({ revision }: { revision: number }) {
      if (applied.length === 0) await gate;
      await new Promise((resolve) => setTimeout(resolve, 5));
      applied.push(revision);
    },
  } as unknown as SearchEngine;
  return { engine, applied, open };
}

function writerOver(engine: SearchEngine) {
  db = new CairnDb(`writer-order-${Date.now()}-${Math.random()}`);
  const linking = { changed: () => undefined } as unknown as LinkingEngine;
  const effects = { broadcast: () => undefined } as unknown as BrowserEffects;
  return createCollectionWriter({ db, engine, linking, effects, now: Date.now });
}

describe('createCollectionWriter', () => {
  it('answers a batch once the index has taken its change, and the index takes the batches in revision order', async () => {
    const { engine, applied, open } = slowIndex();
    const writer = writerOver(engine);

    const writes = [1, 2, 3].map((k) => writer.addFiles([[article(k)]], { batchId: `order-batch-${k}` }));
    let answered = 0;
    for (const write of writes) void write.then(() => (answered += 1));
    await new Promise((resolve) => setTimeout(resolve, 50));

    // The index holds the first change back (a full queue): no write is answered, and the next
    // ones wait before their transactions instead of piling up behind it.
    expect(answered).toBe(0);
    expect(await db!.articles.count()).toBe(1);
    open();
    const answers = await Promise.all(writes);
    await writer.indexed();
    expect(answers.map(([result]) => result!.added.length)).toEqual([1, 1, 1]);
    expect(applied).toEqual([1, 2, 3]);
  });

  it('stores nothing twice for a batch id asked again while the first request is still being written', async () => {
    const { engine, open } = slowIndex();
    open();
    const writer = writerOver(engine);

    const [first, second] = await Promise.all([
      writer.addFiles([[article(1), article(2)]], { batchId: 'same-batch-01' }),
      writer.addFiles([[article(1), article(2)]], { batchId: 'same-batch-01' }),
    ]);

    expect(second).toEqual(first);
    expect(await db!.articles.count()).toBe(2);
  });
});
