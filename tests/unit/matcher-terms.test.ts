import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTermSlots, MatcherTerms } from '../../lib/shared/linking/matcher-terms.ts';
import { hashWord, scanWords } from '../../lib/shared/text/scan-words.ts';
import { WordIdCache } from '../../lib/page/word-id-cache.ts';
import { wordMatchTerm } from '../../lib/page/word-match-term.ts';

const table = (terms: string[]) => new MatcherTerms(terms, buildTermSlots(terms));

describe('buildTermSlots', () => {
  it('lays out every term once in a power-of-two table at most two-thirds full', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 200 }), (terms) => {
        const slots = buildTermSlots(terms);

        expect(slots.length & (slots.length - 1)).toBe(0);
        expect(terms.length * 3).toBeLessThanOrEqual(slots.length * 2);
        expect(slots.filter((slot) => slot !== 0).sort((a, b) => a - b)).toEqual(terms.map((_, id) => id + 1));
      }),
    );
  });
});

describe('MatcherTerms', () => {
  it('finds each term by its id and nothing else', () => {
    const terms = ['internet', 'world', 'cable', 'country', 'class', '网络', 'zurich'];

    const lookup = table(terms);

    expect(terms.map((term) => lookup.idOf(term))).toEqual(terms.map((_, id) => id));
    expect(['', 'worlds', 'intern', 'Zurich'].map((term) => lookup.idOf(term))).toEqual([-1, -1, -1, -1]);
  });

  it('works out the terms of ASCII words in place as wordMatchTerm does', () => {
    const terms = ['cable', 'country', 'class', 'status', 'tie', 'node.js', 'u.s', "o'neill", 'co-op', '3.14', 'x_y', 'arts'];
    const lookup = table(terms);
    const words = ['Cables', "CABLE'S", 'countries', 'Classes', 'status', 'ties', 'Node.js', "U.S's", "O'Neill's", 'co-ops', '3.14', 'x_y', 'artses'];

    const fast = words.map((word) => lookup.idOfAsciiWord(` ${word} `, 1, word.length + 1, hashWord(word, 0, word.length)));

    expect(fast).toEqual(words.map((word) => lookup.idOf(wordMatchTerm(word.toLowerCase()))));
    expect(fast.filter((id) => id < 0)).toEqual([-1]); // "artses" → "artse"
  });

  it('gives every ASCII word the id of its match term, as the slow path does', () => {
    fc.assert(
      fc.property(asciiWordArbitrary, fc.array(asciiWordArbitrary, { maxLength: 30 }), (word, others) => {
        // The vocabulary holds the word's own term (most of the time) and some unrelated ones.
        const terms = [...new Set([...others, word].map((each) => wordMatchTerm(each.toLowerCase())))];
        const lookup = table(terms);
        const text = `(${word})`;

        expect(lookup.idOfAsciiWord(text, 1, word.length + 1, hashWord(text, 1, word.length + 1))).toBe(lookup.idOf(wordMatchTerm(word.toLowerCase())));
      }),
      { numRuns: 3_000 },
    );
  });
});

describe('WordIdCache', () => {
  it('gives every word of a text the id of its match term, whatever script and case', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(asciiWordArbitrary, fc.constantFrom(...OTHER_WORDS)), { maxLength: 40 }), (words) => {
        const text = words.join(' ');
        const terms = [...new Set(words.filter((_, i) => i % 3 !== 0).map((word) => wordMatchTerm(word)))];
        const cache = new WordIdCache(table(terms));
        const { offsets } = scanWords(text);

        for (let w = 0; w < offsets.length / 2; w++) {
          const word = text.slice(offsets[2 * w], offsets[2 * w + 1]);
          expect(cache.idOf(text, offsets[2 * w]!, offsets[2 * w + 1]!)).toBe(terms.indexOf(wordMatchTerm(word)));
        }
      }),
      { numRuns: 1_000 },
    );
  });
});

// Word-like ASCII strings heavy on what stemming looks at: final s, 'ies', 'sses', apostrophes, hyphens, case.
const asciiWordArbitrary = fc
  .array(fc.constantFrom(...'aAbcCeEiIlnoOsSSuUyzZ', "'", '-', '.', '_', '1', 'ies', 'sses', "'s", "'S", 'IES', 'us', 'ics', 'ous'), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.join(''));

const OTHER_WORDS = ['Zürich', 'ZÜRICH', 'naïve', 'Naïves', 'résumés', 'ｒｅｓｕｍｅｓ', 'ﬁles', 'china’s', 'Москва', 'ΩΜΈΓΑ', 'ωμέγας', '网络'];
