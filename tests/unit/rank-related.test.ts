import { describe, expect, it } from 'vitest';
import { rankRelated } from '../../lib/background/linking/rank-related.ts';
import type { VocabularyPhrase } from '../../lib/shared/linking/types.ts';

const phrase = (key: string, score: number, links: [number, number][]): VocabularyPhrase => ({
  key,
  label: key,
  kind: 'entity',
  score,
  links: links.map(([articleId, weight]) => ({ articleId, weight })),
});

const vocabulary = [
  phrase('world internet conference', 2, [[1, 0.8]]),
  phrase('wuzhen', 1.8, [[1, 0.6], [2, 0.4]]),
  phrase('submarine cable', 1.2, [[3, 0.9]]),
  phrase('connectivity', 1, [[2, 0.4], [3, 0.3]]),
];

describe('rankRelated', () => {
  it('ranks articles linked by several specific phrases, best first, with their evidence', () => {
    const ranked = rankRelated(
      [{ phrase: 0, count: 2, firstAt: 0.05 }, { phrase: 1, count: 3, firstAt: 0.1 }],
      vocabulary,
      new Set(),
    );

    expect(ranked.map((r) => r.articleId)).toEqual([1]);
    expect(ranked[0]!.phrases).toEqual([0, 1]);
  });

  it('does not relate a page on the strength of a single phrase, however often it occurs', () => {
    const ranked = rankRelated([{ phrase: 2, count: 50, firstAt: 0 }], vocabulary, new Set());

    expect(ranked).toEqual([]);
  });

  it('ignores weak evidence below the threshold', () => {
    const ranked = rankRelated(
      [{ phrase: 3, count: 1, firstAt: 0.9 }, { phrase: 2, count: 1, firstAt: 0.9 }],
      vocabulary,
      new Set(),
      { minScore: 1 },
    );

    expect(ranked).toEqual([]);
  });

  it('leaves muted phrases out of the evidence', () => {
    const counts = [{ phrase: 0, count: 2, firstAt: 0 }, { phrase: 1, count: 2, firstAt: 0 }];

    expect(rankRelated(counts, vocabulary, new Set(['wuzhen']))).toEqual([]);
  });

  it('ignores counts for phrases it does not know', () => {
    expect(rankRelated([{ phrase: 99, count: 1, firstAt: 0 }], vocabulary, new Set())).toEqual([]);
    expect(rankRelated([{ phrase: 0, count: 1, firstAt: 0 }], [], new Set())).toEqual([]);
  });
});
