import { describe, expect, it } from 'vitest';
import { noMatchHint } from '../../lib/shared/search/no-match-hint.ts';

const SPELLING = 'Check the spelling, or try fewer or different words.';

describe('noMatchHint', () => {
  it('asks to keep typing, not to check the spelling, when the last word is one or two letters', () => {
    expect(noMatchHint('w')).toBe('Keep typing: words are completed from their third letter.');
    expect(noMatchHint('wu')).toMatch(/^Keep typing/);
    expect(noMatchHint('submarine c')).toMatch(/^Keep typing/);
    expect(noMatchHint('w ')).toMatch(/^Keep typing/);
    // One character of Chinese is one letter too.
    expect(noMatchHint('网')).toMatch(/^Keep typing/);
  });

  it('suggests checking the spelling for a finished or longer word', () => {
    expect(noMatchHint('wuzhem')).toBe(SPELLING);
    expect(noMatchHint('wuz')).toBe(SPELLING);
  });

  it('counts letters, not UTF-16 units, so an emoji or astral letter is one', () => {
    expect(noMatchHint('𝒜')).toMatch(/^Keep typing/);
  });

  it('gives the spelling hint for a blank query rather than failing', () => {
    expect(noMatchHint('   ')).toBe(SPELLING);
  });
});
