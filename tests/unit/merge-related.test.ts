import { describe, expect, it } from 'vitest';
import { mergeRelated } from '../../lib/shared/linking/merge-related.ts';
import type { RelatedArticle } from '../../lib/protocol.ts';

const article = (id: number, score: number, phrases: string[]): RelatedArticle => ({ id, title: `Article ${id}`, source: 'S', origin: 'seed', score, phrases }) as RelatedArticle;

describe('mergeRelated', () => {
  it('lists each article once, with its best score and the phrases of every part, best first', () => {
    const before = [article(1, 0.9, ['Wuzhen']), article(2, 0.4, ['submarine cables'])];
    const part = [article(2, 0.7, ['undersea cable', 'submarine cables']), article(3, 0.5, ['Digital Silk Road'])];

    const merged = mergeRelated(before, part, 10);

    expect(merged.map((a) => [a.id, a.score, a.phrases])).toEqual([
      [1, 0.9, ['Wuzhen']],
      [2, 0.7, ['submarine cables', 'undersea cable']],
      [3, 0.5, ['Digital Silk Road']],
    ]);
  });

  it('keeps at most `limit` articles, the best', () => {
    const before = [article(1, 0.2, ['a']), article(2, 0.3, ['b'])];
    const part = [article(3, 0.9, ['c'])];

    expect(mergeRelated(before, part, 2).map((a) => a.id)).toEqual([3, 2]);
  });

  it('keeps what was found before when the new part relates to nothing, and the reverse', () => {
    const before = [article(1, 0.5, ['Wuzhen'])];

    expect(mergeRelated(before, [], 10)).toEqual(before);
    expect(mergeRelated([], before, 10)).toEqual(before);
  });
});
