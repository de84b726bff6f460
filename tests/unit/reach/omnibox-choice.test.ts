import { describe, expect, it } from 'vitest';
import { articleContent, parseOmniboxChoice } from '../../../lib/shared/reach/omnibox-choice.ts';

describe('articleContent', () => {
  it('names the article after its one-line title, and reads back as that article', () => {
    const content = articleContent(12, 'Wuzhen\nsummit   opens');

    expect(content).toBe('Wuzhen summit opens (cairn:12)');
    expect(parseOmniboxChoice(content)).toEqual({ kind: 'article', id: 12 });
  });

  it('shortens a long title but still names the article', () => {
    const content = articleContent(7, 'word '.repeat(100));

    expect(content.length).toBeLessThan(140);
    expect(parseOmniboxChoice(content)).toEqual({ kind: 'article', id: 7 });
  });
});

describe('parseOmniboxChoice', () => {
  it('takes typed words as a search, whitespace collapsed', () => {
    expect(parseOmniboxChoice('  submarine\tcables ')).toEqual({ kind: 'search', query: 'submarine cables' });
  });

  it('gives empty for nothing but spaces', () => {
    expect(parseOmniboxChoice('   ')).toEqual({ kind: 'empty' });
  });

  it('names an article only with a well-formed mark at the very end', () => {
    for (const text of ['(cairn:12) cables', 'cables (cairn:0)', 'cables (cairn:-3)', 'cables (cairn:1.5)', 'cables (cairn:99999999999999999999)', 'cables (Cairn:4)']) {
      expect(parseOmniboxChoice(text).kind, text).toBe('search');
    }
  });
});
