import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PostingTable } from '../../lib/background/linking/posting-table.ts';
import { keyHash } from '../../lib/shared/linking/key-hash.ts';

interface Posting {
  weight: number;
  flag: number;
}

function postingsOf(table: PostingTable, key: number): Map<number, Posting> {
  const out = new Map<number, Posting>();
  table.forEach(key, (articleId, weight, flag) => {
    // A second posting for one article under one key would show as a size below the count.
    out.set(articleId, { weight, flag });
  });
  return out;
}

/**
 * Checks a table against a model of key → article → posting, key by key, and that keys the
 * model lacks have nothing. Collects the disagreements so a large run makes one assertion.
 */
function expectAgrees(table: PostingTable, model: Map<number, Map<number, Posting>>, alsoAbsent: number[] = []): void {
  const wrong: string[] = [];
  let total = 0;
  for (const [key, articles] of model) {
    total += articles.size;
    const got = postingsOf(table, key);
    if (table.count(key) !== articles.size) wrong.push(`count of ${key}: ${table.count(key)}, expected ${articles.size}`);
    if (got.size !== articles.size) wrong.push(`postings of ${key}: ${got.size}, expected ${articles.size}`);
    for (const [articleId, { weight, flag }] of articles) {
      const posting = got.get(articleId);
      if (posting?.weight !== weight || posting.flag !== flag) wrong.push(`${key}/${articleId}: ${JSON.stringify(posting)}, expected ${JSON.stringify({ weight, flag })}`);
    }
  }
  for (const key of alsoAbsent) {
    if (!model.has(key) && table.count(key) !== 0) wrong.push(`absent ${key} has count ${table.count(key)}`);
  }
  expect(wrong.slice(0, 10)).toEqual([]);
  expect(table.size).toBe(total);
}

/** mulberry32: a small seeded generator for repeatable large runs. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CABLE = keyHash('submarine cable');
const WUZHEN = keyHash('wuzhen');

describe('PostingTable', () => {
  it('starts empty', () => {
    const table = new PostingTable();

    expect(table.size).toBe(0);
    expect(table.count(CABLE)).toBe(0);
    expect(postingsOf(table, CABLE).size).toBe(0);
    expect(table.bytes).toBeGreaterThan(0);
  });

  it('adds postings and lists each article with its weight and flag under its key', () => {
    const table = new PostingTable();
    table.add(CABLE, 1, 0.5, 1);
    table.add(CABLE, 2, 1);
    table.add(WUZHEN, 2, 0.25, 1);

    expect(table.size).toBe(3);
    expect(table.count(CABLE)).toBe(2);
    expect(table.count(WUZHEN)).toBe(1);
    expect(postingsOf(table, CABLE)).toEqual(new Map([[1, { weight: 0.5, flag: 1 }], [2, { weight: 1, flag: 0 }]]));
    expect(postingsOf(table, WUZHEN)).toEqual(new Map([[2, { weight: 0.25, flag: 1 }]]));
  });

  it('keeps weights to single precision and flags as small integers', () => {
    const table = new PostingTable();
    table.add(CABLE, 7, 0.3, 255);
    const [posting] = postingsOf(table, CABLE).values();

    expect(posting!.weight).toBeCloseTo(0.3, 6);
    expect(posting!.flag).toBe(255);
  });

  it('removes one posting and leaves the others', () => {
    const table = new PostingTable();
    for (const id of [1, 2, 3]) table.add(CABLE, id, id / 10);
    table.add(WUZHEN, 2, 0.5);

    table.remove(CABLE, 2);

    expect(table.size).toBe(3);
    expect(table.count(CABLE)).toBe(2);
    expect([...postingsOf(table, CABLE).keys()].sort()).toEqual([1, 3]);
    expect(table.count(WUZHEN)).toBe(1);
  });

  it('removes the first, middle and last postings of a list', () => {
    for (const gone of [1, 3, 5]) {
      const table = new PostingTable();
      for (let id = 1; id <= 5; id++) table.add(CABLE, id, 1);

      table.remove(CABLE, gone);

      expect([...postingsOf(table, CABLE).keys()].sort(), `without ${gone}`).toEqual([1, 2, 3, 4, 5].filter((id) => id !== gone));
    }
  });

  it('does nothing when the posting is missing', () => {
    const table = new PostingTable();
    table.add(CABLE, 1, 1);

    table.remove(CABLE, 99);
    table.remove(WUZHEN, 1);
    table.remove(keyHash('never added'), 1);

    expect(table.size).toBe(1);
    expect(table.count(CABLE)).toBe(1);
    expect(table.count(WUZHEN)).toBe(0);
  });

  it('does nothing when the same posting is removed twice', () => {
    const table = new PostingTable();
    table.add(CABLE, 1, 1);
    table.add(CABLE, 2, 1);

    table.remove(CABLE, 1);
    table.remove(CABLE, 1);

    expect(table.size).toBe(1);
    expect(table.count(CABLE)).toBe(1);
    expect([...postingsOf(table, CABLE).keys()]).toEqual([2]);
  });

  it('takes a key back after its last posting went, with the new weight and flag', () => {
    const table = new PostingTable();
    table.add(CABLE, 1, 0.5, 1);
    table.remove(CABLE, 1);

    expect(table.count(CABLE)).toBe(0);
    expect(postingsOf(table, CABLE).size).toBe(0);

    table.add(CABLE, 1, 0.75, 0);

    expect(table.size).toBe(1);
    expect(postingsOf(table, CABLE)).toEqual(new Map([[1, { weight: 0.75, flag: 0 }]]));
  });

  it('finds keys past an emptied key that shares their slot', () => {
    // Keys equal in their low 32 bits start probing at the same slot.
    const base = 123_456_789;
    const keys = [0, 1, 2, 3].map((i) => base + i * 0x100000000);
    const table = new PostingTable();
    keys.forEach((key, i) => table.add(key, i + 1, 1));

    table.remove(keys[1]!, 2);

    expect(keys.map((key) => table.count(key))).toEqual([1, 0, 1, 1]);
    table.add(keys[1]!, 9, 1);
    expect(keys.map((key) => table.count(key))).toEqual([1, 1, 1, 1]);
    expect([...postingsOf(table, keys[1]!).keys()]).toEqual([9]);
  });

  it('finds a key placed past key 0 after key 0 lost its postings', () => {
    const table = new PostingTable();
    table.add(0, 1, 1);
    table.add(0x100000000, 2, 1);

    table.remove(0, 1);

    expect(table.count(0x100000000)).toBe(1);
  });

  it('grows its bytes as it fills', () => {
    const table = new PostingTable();
    const before = table.bytes;
    for (let i = 0; i < 5000; i++) table.add(keyHash(`key${i}`), i + 1, 1);

    expect(table.bytes).toBeGreaterThan(before);
    expect(table.size).toBe(5000);
  });

  it('agrees with a map of maps over 50,000 keys with random removals and re-adds', () => {
    const random = seeded(42);
    const table = new PostingTable();
    const model = new Map<number, Map<number, Posting>>();
    const keys = Array.from({ length: 50_000 }, (_, i) => keyHash(`term${i} phrase${i % 97}`));
    const put = (key: number, articleId: number, weight: number, flag: number) => {
      table.add(key, articleId, weight, flag);
      let articles = model.get(key);
      if (!articles) model.set(key, (articles = new Map()));
      articles.set(articleId, { weight, flag });
    };
    const drop = (key: number, articleId: number) => {
      table.remove(key, articleId);
      const articles = model.get(key);
      articles?.delete(articleId);
      if (articles?.size === 0) model.delete(key);
    };
    // Weights that float32 keeps exactly, so the model can compare them with toEqual.
    const weight = () => Math.floor(random() * 256) / 256;

    for (const key of keys) {
      const articles = 1 + Math.floor(random() * 3);
      for (let a = 0; a < articles; a++) put(key, 1 + a * 1000 + Math.floor(random() * 1000), weight(), random() < 0.5 ? 1 : 0);
    }
    expectAgrees(table, model);

    // Remove about a third of the postings, some of them missing ones.
    for (let i = 0; i < 40_000; i++) {
      const key = keys[Math.floor(random() * keys.length)]!;
      const articles = model.get(key);
      if (articles && random() < 0.9) drop(key, [...articles.keys()][Math.floor(random() * articles.size)]!);
      else drop(key, 5000 + Math.floor(random() * 1000));
    }
    expectAgrees(table, model, keys);

    // Then add again, many under keys that lost everything, and 20,000 new keys (more rehashes).
    for (let i = 0; i < 30_000; i++) put(keys[Math.floor(random() * keys.length)]!, 6000 + i, weight(), i % 2);
    for (let i = 0; i < 20_000; i++) put(keyHash(`fresh${i}`), 1 + (i % 50), weight(), 0);
    expectAgrees(table, model, keys);
  });

  it('agrees with a map of maps for any sequence of adds and removes (property)', () => {
    // Few keys and articles so removes hit; keys partly share their low 32 bits to collide.
    const key = fc.integer({ min: 0, max: 11 }).map((i) => 1 + (i % 4) + Math.floor(i / 4) * 0x100000000);
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), key, article: fc.integer({ min: 1, max: 6 }), weight: fc.integer({ min: 0, max: 16 }), flag: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ kind: fc.constant('remove' as const), key, article: fc.integer({ min: 1, max: 6 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 3000 }), (ops) => {
        const table = new PostingTable();
        const model = new Map<number, Map<number, Posting>>();
        for (const o of ops) {
          const articles = model.get(o.key) ?? new Map<number, Posting>();
          if (o.kind === 'add') {
            // The caller adds a key at most once per article.
            if (articles.has(o.article)) continue;
            table.add(o.key, o.article, o.weight / 16, o.flag);
            articles.set(o.article, { weight: o.weight / 16, flag: o.flag });
            model.set(o.key, articles);
          } else {
            table.remove(o.key, o.article);
            articles.delete(o.article);
            if (articles.size === 0) model.delete(o.key);
          }
        }
        const allKeys = Array.from({ length: 12 }, (_, i) => 1 + (i % 4) + Math.floor(i / 4) * 0x100000000);
        expectAgrees(table, model, allKeys);
      }),
      { numRuns: 150, seed: 3 },
    );
  });
});
