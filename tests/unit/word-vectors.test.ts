import { describe, expect, it, vi } from 'vitest';
import { englishIdfOfHash } from '../../lib/background/linking/background-idf.ts';
import { MEANING_DIMENSIONS, meaningOf, meaningSimilarity, WORD_VECTORS_BYTES, wordVectorSlot } from '../../lib/background/linking/word-vectors.ts';
import { readWordVectors } from '../integration/read-word-vectors.ts';
import { keyHash } from '../../lib/shared/linking/key-hash.ts';
import { wordMatchTerm } from '../../lib/page/word-match-term.ts';
import { eigenvectors } from '../../scripts/make-word-vectors.ts';

/** A text's match-term hashes and counts, as the page reader and the miner count them. */
function meaningOfText(text: string): Int8Array {
  const counts = new Map<number, number>();
  for (const word of text.split(/[^A-Za-z']+/).filter(Boolean)) {
    const hash = keyHash(wordMatchTerm(word));
    counts.set(hash, (counts.get(hash) ?? 0) + 1);
  }
  return meaningOf([...counts.keys()], [...counts.values()], englishIdfOfHash);
}

const CABLES = 'Engineers laid a submarine cable on the seabed to carry internet traffic between continents; the fibre comes ashore at a landing station.';
const SUBSEA = 'An undersea fibre line under the ocean floor will carry broadband data from Asia to Europe, the telecom operator said.';
const FOOTBALL = 'The striker scored twice in the second half and the goalkeeper saved a penalty as the home team won the league match.';
const RECIPE = 'Whisk the eggs with sugar, fold in the flour and butter, then bake the cake in a hot oven until golden.';

describe('word vectors', () => {
  it('finds everyday words in the table and leaves stop words and unknown names out', () => {
    expect(wordVectorSlot(keyHash('submarine'))).toBeGreaterThanOrEqual(0);
    expect(wordVectorSlot(keyHash(wordMatchTerm('cables')))).toBe(wordVectorSlot(keyHash(wordMatchTerm('cable'))));
    expect(wordVectorSlot(keyHash('the'))).toBe(-1);
    expect(wordVectorSlot(keyHash('zqxjvbnm'))).toBe(-1);
  });

  it('finds one word close to another that means the same, read from the packaged table', () => {
    const submarine = meaningOfText('submarine');
    const undersea = meaningOfText('undersea');

    expect(wordVectorSlot(keyHash('undersea'))).toBeGreaterThanOrEqual(0);
    expect(meaningSimilarity(submarine, undersea)).toBeGreaterThan(0.5);
    expect(meaningSimilarity(submarine, undersea)).toBeGreaterThan(meaningSimilarity(submarine, meaningOfText('recipe')) + 0.3);
  });

  it('puts texts on one subject in other words closer than texts on other subjects', () => {
    const cables = meaningOfText(CABLES);
    const subsea = meaningOfText(SUBSEA);

    expect(cables).toHaveLength(MEANING_DIMENSIONS);
    const near = meaningSimilarity(cables, subsea);
    expect(near).toBeGreaterThan(meaningSimilarity(cables, meaningOfText(FOOTBALL)) + 0.3);
    expect(near).toBeGreaterThan(meaningSimilarity(cables, meaningOfText(RECIPE)) + 0.3);
    expect(meaningSimilarity(meaningOfText(FOOTBALL), meaningOfText('The home side won the match after the striker scored a late goal.'))).toBeGreaterThan(0.5);
  });

  it('gives a text with no known word the zero vector, similar to nothing', () => {
    const nothing = meaningOfText('the of and zqxjvbnm');

    expect([...nothing].every((x) => x === 0)).toBe(true);
    expect(meaningSimilarity(nothing, meaningOfText(CABLES))).toBe(0);
    expect(meaningOf([], [], englishIdfOfHash).every((x) => x === 0)).toBe(true);
  });

  it('is a unit vector in signed bytes, the same for the same words in any order', () => {
    const a = meaningOfText(CABLES);
    const b = meaningOfText(CABLES.split(' ').reverse().join(' '));
    const length = Math.sqrt(a.reduce((sum, x) => sum + x * x, 0));

    expect([...a]).toEqual([...b]);
    expect(length).toBeGreaterThan(120);
    expect(length).toBeLessThan(134);
    expect(meaningSimilarity(a, a)).toBeCloseTo(1, 5);
  });
});

describe('installWordVectors', () => {
  /** The module as a worker that has not loaded the table yet finds it (the test setup installs it in the shared one). */
  async function freshModule() {
    vi.resetModules();
    return import('../../lib/background/linking/word-vectors.ts');
  }

  it('refuses use before the table is installed, saying so', async () => {
    const fresh = await freshModule();

    expect(() => fresh.wordVectorSlot(keyHash('submarine'))).toThrow(/word table is not installed/);
    expect(() => fresh.meaningOf([keyHash('submarine')], [1], englishIdfOfHash)).toThrow(fresh.WordVectorsError);
  });

  it('refuses a table of another length, and stays uninstalled', async () => {
    const fresh = await freshModule();

    expect(() => fresh.installWordVectors(new ArrayBuffer(WORD_VECTORS_BYTES - 48))).toThrow(
      `word-vectors: /linking/word-vectors.bin has ${WORD_VECTORS_BYTES - 48} bytes where this build expects ${WORD_VECTORS_BYTES}`,
    );
    expect(() => fresh.installWordVectors(new ArrayBuffer(0))).toThrow(fresh.WordVectorsError);
    expect(() => fresh.wordVectorSlot(keyHash('submarine'))).toThrow(/not installed/);
  });

  it('takes the packaged table, after which words are found', async () => {
    const fresh = await freshModule();

    fresh.installWordVectors(await readWordVectors());

    expect(fresh.wordVectorSlot(keyHash('submarine'))).toBe(wordVectorSlot(keyHash('submarine')));
  });
});

describe('eigenvectors (make-word-vectors)', () => {
  it('finds the eigenvectors of a symmetric matrix, largest eigenvalue first', () => {
    // [[2, 1], [1, 2]]: eigenvalues 3 (along (1, 1)) and 1 (along (1, −1)).
    const { values, vectors } = eigenvectors(Float64Array.from([2, 1, 1, 2]), 2);

    expect(values[0]).toBeCloseTo(3, 10);
    expect(values[1]).toBeCloseTo(1, 10);
    expect(Math.abs(vectors[0]![0]!)).toBeCloseTo(Math.SQRT1_2, 10);
    expect(vectors[0]![0]! * vectors[0]![1]!).toBeGreaterThan(0);
    expect(vectors[1]![0]! * vectors[1]![1]!).toBeLessThan(0);
  });

  it('leaves a diagonal matrix as it is, sorted', () => {
    const { values, vectors } = eigenvectors(Float64Array.from([1, 0, 0, 0, 5, 0, 0, 0, 3]), 3);

    expect(values).toEqual([5, 3, 1]);
    expect(vectors.map((v) => [...v].map(Math.abs))).toEqual([[0, 1, 0], [0, 0, 1], [1, 0, 0]]);
  });
});
