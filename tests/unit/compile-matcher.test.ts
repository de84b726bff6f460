import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, MAX_PHRASE_TERMS, type CompiledMatcher } from '../../lib/shared/linking/compile-matcher.ts';
import { findPhrases } from '../../lib/page/find-phrases.ts';
import { MatcherFormatError } from '../../lib/page/load-matcher.ts';
import { buildTermSlots } from '../../lib/shared/linking/matcher-terms.ts';

describe('compileMatcher', () => {
  it('numbers a trie breadth-first, with the terms that start a phrase first', () => {
    const matcher = compileMatcher(['world internet conference', 'world internet', 'zurich', 'internet conference']);

    expect(matcher).toEqual({
      format: 2,
      terms: ['internet', 'world', 'zurich', 'conference'],
      termSlots: buildTermSlots(['internet', 'world', 'zurich', 'conference']),
      rootCount: 3,
      // root → internet(1) world(2) zurich(3); internet → conference(4); world → internet(5);
      // world internet → conference(6)
      firstChild: [1, 4, 5, 6, 6, 6, 7, 7],
      edgeTerms: [3, 0, 3],
      // keys: 0 ends at node 6, 1 at 5, 2 at 3, 3 at 4
      phraseAt: [-1, -1, -1, 2, 3, 1, 0],
    });
  });

  it('gives the same matcher back through JSON and structuredClone', () => {
    fc.assert(
      fc.property(keysArbitrary, textArbitrary, (keys, text) => {
        const matcher = compileMatcher(keys);
        const viaJson = JSON.parse(JSON.stringify(matcher)) as CompiledMatcher;
        const viaClone = structuredClone(matcher);

        expect(viaJson).toEqual(matcher);
        expect(findPhrases(text, viaJson)).toEqual(findPhrases(text, matcher));
        expect(findPhrases(text, viaClone)).toEqual(findPhrases(text, matcher));
      }),
      { numRuns: 300 },
    );
  });

  it('reports a repeated key under its first position', () => {
    const matcher = compileMatcher(['zurich', 'geneva', 'zurich']);

    expect(findPhrases('Zurich', matcher)).toEqual([{ phrase: 0, start: 0, end: 6 }]);
  });

  it('never matches empty keys or keys of more than the maximum number of terms', () => {
    const tooLong = Array.from({ length: MAX_PHRASE_TERMS + 1 }, (_, i) => `w${i}`).join(' ');
    const longest = tooLong.slice(0, tooLong.lastIndexOf(' '));

    const matcher = compileMatcher(['', '   ', tooLong, longest]);

    expect(matcher.phraseAt.filter((phrase) => phrase >= 0 && phrase < 3)).toEqual([]);
    expect(findPhrases(tooLong, matcher)).toEqual([{ phrase: 3, start: 0, end: longest.length }]);
  });

  it('ignores the order keys come in, apart from their indexes', () => {
    const keys = ['b c', 'a', 'a b', 'c'];

    const forward = compileMatcher(keys);
    const backward = compileMatcher([...keys].reverse());

    expect(backward.terms).toEqual(forward.terms);
    expect(backward.firstChild).toEqual(forward.firstChild);
    expect(backward.phraseAt.map((phrase) => (phrase < 0 ? phrase : keys.length - 1 - phrase))).toEqual(forward.phraseAt);
  });

  it('stays within a few times the size of the key list', () => {
    // Mostly distinct terms, so many trie nodes: the worst case for the per-node arrays and the
    // term table (ready to use as received, they cost size to save work on every page).
    const keys = Array.from({ length: 5_000 }, (_, i) => `term${i % 1_700} word${(i * 7) % 2_300} w${i}`);

    const size = JSON.stringify(compileMatcher(keys)).length;

    expect(size).toBeLessThan(2.5 * JSON.stringify(keys).length);
  });

  it('refuses a damaged matcher with an error that says what is wrong', () => {
    const matcher = compileMatcher(['world internet']);
    const damaged = { ...matcher, firstChild: [1, 5, 0] };

    expect(() => findPhrases('world internet', damaged)).toThrow(MatcherFormatError);
    expect(() => findPhrases('world internet', { ...matcher, termSlots: [0, 0, 0] })).toThrow(/term table/);
    expect(() => findPhrases('world internet', { ...matcher, format: 1 } as unknown as CompiledMatcher)).toThrow(
      /load-matcher: unknown format 1/,
    );
  });
});

const WORDS = ['world', 'internet', 'conference', 'cable', 'zurich', 'the', 'of', '网络', '空间'];
const keysArbitrary = fc.array(
  fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 5 }).map((words) => words.join(' ')),
  { maxLength: 40 },
);
const textArbitrary = fc
  .array(fc.tuple(fc.constantFrom(...WORDS, 'Cables', 'Zürich', 'WORLD'), fc.constantFrom(' ', '. ', '', '-', ', ')), {
    maxLength: 30,
  })
  .map((parts) => parts.map(([word, gap]) => word + gap).join(''));
