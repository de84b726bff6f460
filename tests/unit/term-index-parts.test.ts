import fc from 'fast-check';
import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { bucketOf, decodeBucket, editPostings, encodeBucket, readBucket, type BucketTerms } from '../../lib/background/search/bucket-rows.ts';
import { averageFieldLengths } from '../../lib/background/search/field-lengths.ts';
import { CorruptTermIndexError, decodePostings, encodePostings, type FieldPostings } from '../../lib/background/search/field-postings.ts';
import { indexBatch } from '../../lib/background/search/index-batch.ts';
import { createPostingsCache } from '../../lib/background/search/postings-cache.ts';
import { mergeChanges } from '../../lib/background/search/merge-changes.ts';
import { createIndex } from '../../lib/background/search/snapshot.ts';
import type { IndexedDocument } from '../../lib/shared/search/search-options.ts';
import { completions, hasTerm, neighbours, readDictionary, withDelta } from '../../lib/background/search/term-dictionary.ts';
import { memoryOf } from '../../lib/background/search/term-index-memory.ts';

describe('encodePostings', () => {
  it('reads back as the postings it packed', () => {
    const postings = fc.array(fc.tuple(fc.nat(3), fc.array(fc.tuple(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 1, max: 500 })), { minLength: 1 })));
    fc.assert(
      fc.property(postings, (fields) => {
        const original: FieldPostings = new Map(fields.map(([fieldId, docs]) => [fieldId, new Map(docs)]));

        expect(decodePostings(encodePostings(original), 4)).toEqual(original);
      }),
    );
  });
});

describe('bucket rows', () => {
  const words = fc.stringMatching(/^[a-z\u00e9]{1,9}$/);
  const postingsOf = fc
    .array(fc.tuple(fc.nat(3), fc.array(fc.tuple(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 1, max: 500 })), { minLength: 1 })), { minLength: 1 })
    .map((fields): FieldPostings => new Map(fields.map(([fieldId, docs]) => [fieldId, new Map(docs)])));

  it('read back as the terms they packed, each in the bucket of its first three letters', () => {
    fc.assert(
      fc.property(fc.dictionary(words, postingsOf, { minKeys: 1 }), (record) => {
        const byBucket = new Map<string, BucketTerms>();
        for (const [term, postings] of Object.entries(record)) {
          const terms = byBucket.get(bucketOf(term)) ?? new Map();
          byBucket.set(bucketOf(term), terms.set(term, postings));
        }

        const back: BucketTerms = new Map();
        for (const [bucket, terms] of byBucket) decodeBucket(encodeBucket(bucket, 3, terms), 4, undefined, back);

        expect(back).toEqual(new Map(Object.entries(record)));
      }),
    );
  });

  it('unpack only the terms asked for, and leave out terms without postings', () => {
    const one: FieldPostings = new Map([[0, new Map([[7, 2]])]]);
    const row = encodeBucket('gov', 0, new Map([['govern', one], ['government', one], ['governor', new Map([[1, new Map()]])]]));

    expect(row?.terms).toBe('govern\ngovernment');
    expect([...decodeBucket(row, 4, (term) => term === 'government').keys()]).toEqual(['government']);
    expect(encodeBucket('gov', 0, new Map([['governor', new Map()]]))).toBeUndefined();
  });

  it.each([
    ['not an object', 'gov'],
    ['terms that are not a string', { bucket: 'gov', block: 0, terms: 5, ends: Uint32Array.of(4), data: Uint32Array.of(0, 1, 7, 2) }],
    ['fewer ends than terms', { bucket: 'gov', block: 0, terms: 'govern\ngovernor', ends: Uint32Array.of(4), data: Uint32Array.of(0, 1, 7, 2) }],
    ['ends past the data', { bucket: 'gov', block: 0, terms: 'govern', ends: Uint32Array.of(8), data: Uint32Array.of(0, 1, 7, 2) }],
    ['a term of another bucket', { bucket: 'gov', block: 0, terms: 'grow', ends: Uint32Array.of(4), data: Uint32Array.of(0, 1, 7, 2) }],
    ['a term with no postings', { bucket: 'gov', block: 0, terms: 'govern\ngovernor', ends: Uint32Array.of(4, 4), data: Uint32Array.of(0, 1, 7, 2) }],
  ])('that are %s are refused as corrupt', (_name, row) => {
    expect(() => decodeBucket(row, 4)).toThrow(CorruptTermIndexError);
    expect(() => readBucket(row)).toThrow(CorruptTermIndexError);
  });

  it('edited in part (only the terms a save changes decoded), pack back as a row decoded and edited whole', () => {
    const postings = (id: number, times: number): FieldPostings => new Map([[0, new Map([[id, times]])], [1, new Map([[id + 1, 1]])]]);
    const stored = encodeBucket('gov', 2, new Map([['govern', postings(3, 2)], ['government', postings(5, 1)], ['governor', postings(9, 4)]]))!;

    const edited = readBucket(stored);
    editPostings(edited, 'government', 4).get(0)!.set(11, 3);
    editPostings(edited, 'govt', 4).set(1, new Map([[12, 1]]));
    const whole = decodeBucket(stored, 4);
    whole.get('government')!.get(0)!.set(11, 3);
    whole.set('govt', new Map([[1, new Map([[12, 1]])]]));

    expect(edited.get('governor')).toBeInstanceOf(Uint32Array);
    expect(encodeBucket('gov', 2, edited)).toEqual(encodeBucket('gov', 2, whole));
  });
});

describe('decodePostings', () => {
  it.each([
    ['a plain array', [0, 1, 5, 1]],
    ['a count past the end', Uint32Array.of(0, 3, 5, 1)],
    ['a field that does not exist', Uint32Array.of(4, 1, 5, 1)],
    ['an empty field', Uint32Array.of(0, 0)],
  ])('rejects %s as a corrupt index', (_name, data) => {
    expect(() => decodePostings(data, 4)).toThrow(CorruptTermIndexError);
  });
});

describe('indexBatch', () => {
  /** What MiniSearch itself holds after adding the articles, keyed by article id. */
  function miniSearchBatch(documents: readonly IndexedDocument[]) {
    const index = createIndex();
    index.addAll(documents);
    const plain = index.toJSON();
    const idOf = (short: string) => plain.documentIds[short] as number;
    const terms = new Map(
      plain.index.map(([term, fields]) => [
        term,
        new Map(Object.entries(fields).map(([fieldId, docs]) => [Number(fieldId), new Map(Object.entries(docs).map(([short, n]) => [idOf(short), n]))])),
      ]),
    );
    const lengths = new Map(Object.entries(plain.fieldLength).map(([short, fields]) => [idOf(short), Array.from(fields, (n) => (typeof n === 'number' ? n : undefined))]));
    return { terms, lengths };
  }

  const words = fc.constantFrom('Cables', 'cable', 'the', 'Wuzhen', 'café', "don't", 'U.S.', '5G', 'under-sea', 'of', 'Xinhua', 'ships', '中国', 'naïve', 'GOVERNMENT', 'don’t', 'Don’t', 'Москва', 'ＣＡＦＥ', 'cables’');
  const text = fc.array(words, { maxLength: 12 }).map((list) => list.join(' '));
  const documents = fc.uniqueArray(
    fc.record({ id: fc.integer({ min: 1, max: 5000 }), title: text, body: text, source: fc.option(text, { nil: undefined }), author: fc.option(text, { nil: undefined }) }, { requiredKeys: ['id', 'title', 'body'] }),
    { selector: (document) => document.id, maxLength: 8 },
  );

  it('holds what MiniSearch holds after adding the same articles: terms, counts and field lengths', () => {
    fc.assert(
      fc.property(documents, (batch) => {
        const clean = batch.map((document) => Object.fromEntries(Object.entries(document).filter(([, value]) => value !== undefined)) as unknown as IndexedDocument);

        expect(indexBatch(clean)).toEqual(miniSearchBatch(clean));
      }),
    );
  });

  it('refuses an article that is in the batch twice', () => {
    expect(() => indexBatch([{ id: 3, title: 'a', body: 'b' }, { id: 3, title: 'c', body: 'd' }])).toThrow(/twice/);
  });
});

describe('averageFieldLengths', () => {
  it('equals the averages of a MiniSearch that added the same articles in id order', () => {
    const documents = [
      { id: 7, title: 'Cables under the sea', body: 'Submarine cables carry the traffic.', author: 'Wei Chen' },
      { id: 2, title: 'Ships', body: 'Repair ships mend the cables.', source: 'Xinhua' },
      { id: 40, title: 'Governance', body: 'Delegates met in Wuzhen, and met again.', source: 'The Hindu', author: 'Hana Kim' },
    ];
    const index = createIndex();
    index.addAll([...documents].sort((a, b) => a.id - b.id));

    const average = averageFieldLengths(indexBatch(documents).lengths, 4);

    expect(average).toEqual(index.toJSON().averageFieldLength);
  });
});

describe('createPostingsCache', () => {
  it('drops the least recently used terms once over its bound', () => {
    const cache = createPostingsCache(1_000);
    const postings = (n: number): FieldPostings => new Map([[0, new Map(Array.from({ length: n }, (_, i) => [i + 1, 1]))]]);
    cache.set('alpha', postings(5));
    cache.set('beta', postings(5));
    cache.get('alpha');

    cache.set('gamma', postings(5));

    expect(cache.get('beta')).toBeUndefined();
    expect(cache.get('alpha')).toBeDefined();
    expect(cache.get('gamma')).toBeDefined();
    expect(cache.bytes).toBeLessThanOrEqual(1_000);
  });

  it('does not keep a term heavier than the whole bound', () => {
    const cache = createPostingsCache(100);

    cache.set('huge', new Map([[0, new Map([[1, 1], [2, 1], [3, 1]])]]));

    expect(cache.get('huge')).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });
});

describe('the term dictionary', () => {
  const word = fc.stringMatching(/^[a-cé]{1,6}$/);

  it('finds the completions and one-typo neighbours MiniSearch finds in its own tree', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 60 }), word, (words, probe) => {
        const tree = new SearchableMap<number>();
        for (const w of words) tree.set(w, 1);
        const dictionary = withDelta({ terms: [], counts: [] }, new Map(words.map((w) => [w, 1])));

        expect(completions(dictionary, probe).sort()).toEqual([...tree.atPrefix(probe).keys()].sort());
        expect(neighbours(dictionary, probe, 1).sort()).toEqual([...tree.fuzzyGet(probe, 1).keys()].sort());
        expect(neighbours(dictionary, probe, 2).sort()).toEqual([...tree.fuzzyGet(probe, 2).keys()].sort());
        expect(hasTerm(dictionary, probe)).toBe(tree.has(probe));
      }),
    );
  });

  it('adds and drops terms by their change in articles, staying in order', () => {
    const before = withDelta({ terms: [], counts: [] }, new Map([['cable', 2], ['ship', 1]]));

    const after = withDelta(before, new Map([['ship', -1], ['cab', 1], ['zebra', 3], ['cable', 1]]));

    expect(after).toEqual({ terms: ['cab', 'cable', 'zebra'], counts: [1, 3, 3] });
    expect(readDictionary(after.terms.join('\n'), Uint32Array.from(after.counts))).toEqual(after);
  });

  it('rejects a stored dictionary out of order', () => {
    expect(() => readDictionary('ship\ncable', Uint32Array.of(1, 1))).toThrow(CorruptTermIndexError);
  });
});

describe('mergeChanges', () => {
  const doc = (id: number, title: string) => ({ id, title, body: title });

  it('drops an article added then removed, replaces one removed then added, and keeps the later revision', () => {
    const first = { added: [doc(5, 'new'), doc(6, 'kept')], removedIds: [2], revision: 3, damaged: [] };
    const next = { added: [doc(2, 'back'), doc(6, 'edited')], removedIds: [5, 6], revision: 4, damaged: [{ id: 9, reason: 'broken' }] };

    const merged = mergeChanges(first, next);

    expect([...merged.added].sort((a, b) => a.id - b.id)).toEqual([doc(2, 'back'), doc(6, 'edited')]);
    expect(new Set(merged.removedIds)).toEqual(new Set([2, 5, 6]));
    expect(merged).toMatchObject({ revision: 4, damaged: [{ id: 9 }] });
  });

  it('names, for an article removed twice, the version the index holds: the one the first change removed', () => {
    const first = { added: [doc(6, 'edited once')], removedIds: [6], removed: [doc(6, 'as indexed')], revision: 3, damaged: [] };
    const next = { added: [doc(6, 'edited twice')], removedIds: [6], removed: [doc(6, 'edited once'), doc(8, 'deleted')], revision: 4, damaged: [] };

    const merged = mergeChanges(first, next);

    expect([...merged.removed!].sort((a, b) => a.id - b.id)).toEqual([doc(6, 'as indexed'), doc(8, 'deleted')]);
    expect(merged.added).toEqual([doc(6, 'edited twice')]);
  });
});

describe('memoryOf', () => {
  it('counts the dictionary and every article’s field lengths, and passes on the cache’s figures', () => {
    const dictionary = { terms: ['cable', 'wuzhen'], counts: [2, 1] };
    const lengths = new Map<number, (number | undefined)[]>([[1, [3, 40, 1, undefined]], [2, [2, 30, 1, 1]]]);
    const memory = { dictionary, lengths, documentIds: new Map([[1, 1], [2, 2]]), averageFieldLengths: [2.5, 35, 1, 1], revision: 3, damaged: [] };

    const one = memoryOf(memory as never, 1_000, 64);
    const more = memoryOf({ ...memory, dictionary: { terms: [...dictionary.terms, 'conference'], counts: [2, 1, 1] } } as never, 1_000, 64);

    expect(one).toMatchObject({ terms: 2, cachedBytes: 1_000, cacheLimit: 64 });
    expect(one.keptBytes).toBeGreaterThan(0);
    expect(more.terms).toBe(3);
    expect(more.keptBytes).toBeGreaterThan(one.keptBytes);
  });
});
