import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CairnDb } from '../../lib/background/db/cairn-db.ts';
import { readRevision } from '../../lib/background/db/revision.ts';
import { BLOCK_SIZE, blockOf } from '../../lib/background/db/stored-term-index.ts';
import { createSearchEngine } from '../../lib/background/search-engine.ts';
import { article, writeArticles } from './term-index-helpers.ts';

// Cairn issue 10: an import's batches do not line up with the index's blocks of ids. The newest
// block's part of a large append waits for the batch that fills the block, so each block is
// saved once, and no query, flush or status ever answers without the part that waits.

/** The ids each save took, in order. */
const saves = vi.hoisted(() => [] as number[][]);
/** While set, a save waits for it before writing: a slow save, with the writer still adding. */
const gate = vi.hoisted(() => ({ closed: null as Promise<void> | null }));

vi.mock('../../lib/background/search/write-term-change.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../lib/background/search/write-term-change.ts')>();
  return {
    ...original,
    writeTermChange: async (...args: Parameters<typeof original.writeTermChange>) => {
      saves.push(args[2].added.map(({ id }) => id));
      await gate.closed;
      return original.writeTermChange(...args);
    },
  };
});

let db: CairnDb | undefined;
afterEach(() => {
  db?.close();
  saves.length = 0;
  gate.closed = null;
});

/** Articles `from` to `to`, each naming the harbour and its own id. */
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => article(from + i, { title: `Harbour note ${from + i}`, body: `Survey ${from + i} of the harbour.` }));

async function setUp(holdMs: number, now?: () => number) {
  db = new CairnDb(`index-hold-${Date.now()}-${Math.random()}`);
  const engine = createSearchEngine({ db, holdMs, now });
  await engine.load();
  const add = async (articles: ReturnType<typeof range>) => engine.applyChange({ added: articles, revision: await writeArticles(db!, articles) });
  return { engine, add };
}

const lastOfFirst = BLOCK_SIZE - 1;

describe('createSearchEngine while an import comes in', () => {
  it('saves a block once, when the batch that fills it comes, and the newest block once things go quiet', async () => {
    const { engine, add } = await setUp(30);
    await add(range(lastOfFirst - 119, lastOfFirst - 60));
    await add(range(lastOfFirst - 59, lastOfFirst + 40));
    await vi.waitFor(() => expect(saves).toHaveLength(2), { timeout: 2000 });

    expect(saves[0]).toEqual(range(lastOfFirst - 119, lastOfFirst).map(({ id }) => id));
    expect(saves[1]!.every((id) => blockOf(id) === 1)).toBe(true);
    // Saved with no query asking: the stored index follows the table again.
    expect((await db!.termIndex.get('stamp'))).toMatchObject({ revision: await readRevision(db!) });
    expect(await engine.searchIds('harbour')).toHaveLength(160);
  });

  it('answers a query with every article added so far, the waiting part included', async () => {
    const { engine, add } = await setUp(60_000);
    await add(range(1, 80));
    await add(range(81, 160));
    expect(saves).toHaveLength(0);

    expect(await engine.searchIds('harbour')).toHaveLength(160);
    expect(saves).toEqual([range(1, 160).map(({ id }) => id)]);
    expect(await engine.load()).toMatchObject({ documentCount: 160, revision: await readRevision(db!) });
  });

  it('saves small appends, edits and deletes at once, whole', async () => {
    const { engine, add } = await setUp(60_000);
    await add(range(1, 3));
    await engine.applyChange({ added: [], removedIds: [2], revision: await writeArticles(db!, [], [2]) });
    await vi.waitFor(() => expect(saves).toHaveLength(2), { timeout: 2000 });

    expect(saves).toEqual([[1, 2, 3], []]);
    expect((await db!.termIndex.get('stamp'))).toMatchObject({ revision: await readRevision(db!), documentCount: 2 });
    expect(await engine.searchIds('harbour')).toEqual(expect.arrayContaining([1, 3]));
  });

  it('saves the waiting part with a flush, and a restart then opens the index as stored', async () => {
    const { engine, add } = await setUp(60_000);
    await add(range(1, 100));
    await engine.flush();
    expect(saves).toEqual([range(1, 100).map(({ id }) => id)]);

    const restarted = createSearchEngine({ db: new CairnDb(db!.name) });
    expect(await restarted.load()).toMatchObject({ how: 'restored', documentCount: 100 });
  });

  describe('while someone searches', () => {
    it('saves a large append whole at once, not holding its block, so the next query waits for little', async () => {
      const { engine, add } = await setUp(60_000);
      await engine.searchIds('harbour');
      await add(range(1, 80));

      await vi.waitFor(() => expect(saves).toEqual([range(1, 80).map(({ id }) => id)]), { timeout: 2000 });
    });

    it('holds blocks again three seconds after the last query', async () => {
      let clock = 1_000_000;
      const { engine, add } = await setUp(60_000, () => clock);
      await engine.searchIds('harbour');
      clock += 3_001;
      await add(range(1, 80));
      await new Promise((resolve) => setTimeout(resolve, 50));

      expect(saves).toEqual([]);
      expect(await engine.searchIds('harbour')).toHaveLength(80);
    });

    it('lets an import get at most about 1,000 articles ahead of the index, where it may get 6,000 otherwise', async () => {
      const lag = async (searchFirst: boolean) => {
        const { engine, add } = await setUp(60_000);
        if (searchFirst) await engine.searchIds('harbour');
        let open!: () => void;
        gate.closed = new Promise((resolve) => (open = resolve));
        await add(range(1, 10)); // A small write: its save starts at once, and waits at the gate.
        await vi.waitFor(() => expect(saves).toHaveLength(1));
        let queued = 0;
        const adding = (async () => {
          for (let from = 11; from < 11 + 2_000; from += 100) {
            await add(range(from, from + 99));
            queued += 100;
          }
        })();
        await new Promise((resolve) => setTimeout(resolve, 300));
        const ahead = queued;
        open();
        await adding;
        expect(await engine.searchIds('harbour')).toHaveLength(2_010);
        db!.close();
        saves.length = 0;
        return ahead;
      };

      expect(await lag(true)).toBe(1_000);
      expect(await lag(false)).toBe(2_000);
    });
  });

  it('tells background work when no query is running: at once when none is, else once the last is answered', async () => {
    const { engine, add } = await setUp(60_000);
    await expect(engine.idle()).resolves.toBeUndefined();
    let open!: () => void;
    gate.closed = new Promise((resolve) => (open = resolve));
    await add(range(1, 10)); // Its save waits at the gate, and so does the query behind it.
    const order: string[] = [];

    const query = engine.searchIds('harbour').then((ids) => order.push(`query found ${ids.length}`));
    const idle = engine.idle().then(() => order.push('idle'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const beforeOpen = [...order];
    open();
    await Promise.all([query, idle]);

    expect(beforeOpen).toEqual([]);
    expect([...order].sort()).toEqual(['idle', 'query found 10']);
  });
});
