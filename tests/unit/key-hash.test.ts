import { describe, expect, it } from 'vitest';
import {
  isEdgeKey,
  KEY_START_A,
  KEY_START_B,
  keyHash,
  keyOf,
  MAX_KEY_TERMS,
  mixA,
  mixB,
  termLanes,
} from '../../lib/shared/linking/key-hash.ts';
import { phraseKey } from '../../lib/shared/linking/phrase-key.ts';

/** A small seeded generator (mulberry32) so the collision check is the same on every run. */
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

describe('termLanes', () => {
  it('gives two 32-bit integers, the same each time for the same term', () => {
    const [a, b] = termLanes('cable');

    expect(Number.isInteger(a) && a >= -(2 ** 31) && a < 2 ** 31).toBe(true);
    expect(Number.isInteger(b) && b >= -(2 ** 31) && b < 2 ** 31).toBe(true);
    expect(termLanes('cable')).toEqual([a, b]);
  });

  it('differs for terms that differ by one letter', () => {
    const cable = termLanes('cable');
    const cables = termLanes('cables');
    const table = termLanes('table');

    expect(cables[0]).not.toBe(cable[0]);
    expect(cables[1]).not.toBe(cable[1]);
    expect(table[0]).not.toBe(cable[0]);
    expect(table[1]).not.toBe(cable[1]);
  });
});

describe('keyHash', () => {
  it('is a non-negative safe integer below 2^53', () => {
    for (const key of ['', 'a', 'cable', 'submarine cable', 'world internet conference', 'belt and road initiative', '网络 空间']) {
      const hash = keyHash(key);

      expect(Number.isSafeInteger(hash), key).toBe(true);
      expect(hash, key).toBeGreaterThanOrEqual(0);
      expect(hash, key).toBeLessThan(2 ** 53);
    }
  });

  it('is deterministic, also between other calls that share its hasher', () => {
    const first = keyHash('submarine cable');
    keyHash('something else entirely');

    expect(keyHash('submarine cable')).toBe(first);
  });

  it('depends on the order of the terms', () => {
    expect(keyHash('a b')).not.toBe(keyHash('b a'));
    expect(keyHash('submarine cable')).not.toBe(keyHash('cable submarine'));
    expect(keyHash('belt and road')).not.toBe(keyHash('road and belt'));
  });

  it('tells a two-word key from the one word written with its letters together', () => {
    expect(keyHash('sub marine')).not.toBe(keyHash('submarine'));
    expect(keyHash('ab c')).not.toBe(keyHash('a bc'));
  });

  it('ignores repeated spaces and spaces at the ends', () => {
    expect(keyHash('  submarine   cable ')).toBe(keyHash('submarine cable'));
  });

  it('equals the lanes folded by hand with mixA, mixB and keyOf', () => {
    let a = KEY_START_A;
    let b = KEY_START_B;
    for (const term of ['submarine', 'cable']) {
      const [laneA, laneB] = termLanes(term);
      a = mixA(a, laneA);
      b = mixB(b, laneB);
    }

    expect(keyOf(a, b)).toBe(keyHash('submarine cable'));
  });

  it('meets for the same phrase written differently once it is a phrase key', () => {
    expect(keyHash(phraseKey('Submarine Cables'))).toBe(keyHash(phraseKey('submarine cable')));
    expect(keyHash(phraseKey('China’s'))).toBe(keyHash(phraseKey("china's")));
  });

  it('has no collisions over 200,000 distinct generated keys of one to four terms', () => {
    const random = seeded(20261204);
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const word = () => {
      const length = 2 + Math.floor(random() * 8);
      let out = '';
      for (let i = 0; i < length; i++) out += letters[Math.floor(random() * letters.length)];
      return out;
    };
    // A small pool of words, so many keys share terms and differ only in order or length.
    const pool = Array.from({ length: 400 }, word);
    const keys = new Set<string>();
    while (keys.size < 200_000) {
      const terms = 1 + Math.floor(random() * MAX_KEY_TERMS);
      keys.add(Array.from({ length: terms }, () => pool[Math.floor(random() * pool.length)]!).join(' '));
    }

    const seen = new Map<number, string>();
    const collisions: string[] = [];
    for (const key of keys) {
      const hash = keyHash(key);
      const other = seen.get(hash);
      if (other !== undefined) collisions.push(`${other} / ${key}`);
      seen.set(hash, key);
    }

    expect(collisions).toEqual([]);
    expect(seen.size).toBe(200_000);
  });
});

describe('keyOf', () => {
  it('keeps lane A whole and the top 21 bits of lane B', () => {
    expect(keyOf(0, 0)).toBe(0);
    expect(keyOf(-1, -1)).toBe(2 ** 53 - 1);
    expect(keyOf(1, 0)).toBe(2 ** 21);
    expect(keyOf(0, 1 << 11)).toBe(1);
    // The low 11 bits of lane B are dropped.
    expect(keyOf(0, 0x7ff)).toBe(0);
  });
});

describe('isEdgeKey', () => {
  it('is true for stop words', () => {
    for (const word of ['the', 'and', 'of', 'a', 'in', 'with', "it's"]) expect(isEdgeKey(word), word).toBe(true);
  });

  it('is true for numbers, ordinals and decades', () => {
    for (const word of ['2021', '1990s', '3rd', '1st', '22nd', '4th', '1,000', '3.5', '٣']) expect(isEdgeKey(word), word).toBe(true);
  });

  it('is true for single letters and characters', () => {
    for (const word of ['x', 'b', 'é', '中']) expect(isEdgeKey(word), word).toBe(true);
  });

  it('is false for content words, names and words that only contain digits', () => {
    for (const word of ['cable', 'wuzhen', 'internet', 'g20', '5g', 'covid-19', 'governance', '网络']) {
      expect(isEdgeKey(word), word).toBe(false);
    }
  });

  it('keeps phrases up to four terms long', () => {
    expect(MAX_KEY_TERMS).toBe(4);
  });
});
