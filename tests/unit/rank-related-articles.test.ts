import { describe, expect, it } from 'vitest';
import { LINK_FORMAT, LinkIndex, type ArticleLinks } from '../../lib/background/linking/link-index.ts';
import { rankRelatedArticles } from '../../lib/background/linking/rank-related-articles.ts';
import { MEANING_DIMENSIONS } from '../../lib/background/linking/word-vectors.ts';
import { keyHash } from '../../lib/shared/linking/key-hash.ts';

/** A stored row with just phrases (label → weight); `variants` adds equivalent keys for a phrase. */
function row(id: number, phrases: Record<string, number>, variants: Record<string, string[]> = {}): ArticleLinks {
  const labels = Object.keys(phrases);
  const keys = labels.map((label) => label.toLowerCase());
  const variantKeys = labels.flatMap((label, i) => (variants[label] ?? []).map((key) => ({ key, of: i })));
  const indexed = [...keys, ...variantKeys.map((v) => v.key)];
  return {
    id,
    format: LINK_FORMAT,
    keys,
    labels,
    kinds: 'n'.repeat(labels.length),
    weights: Object.values(phrases),
    phraseHashes: Float64Array.from(indexed, keyHash),
    variantOf: variantKeys.map((v) => v.of),
    termHashes: new Float64Array(),
    termWeights: new Float32Array(),
    wordHashes: Float64Array.from(new Set(indexed.flatMap((key) => key.split(' '))), keyHash),
    meaning: new Int8Array(MEANING_DIMENSIONS),
  };
}

function indexOf(...rows: ArticleLinks[]): LinkIndex {
  const index = new LinkIndex();
  for (const r of rows) index.add(r);
  return index;
}

/** Filler articles, so that collection frequencies mean something. */
const filler = (from: number, count: number, phrases: Record<string, number> = { Weather: 1 }) =>
  Array.from({ length: count }, (_, i) => row(from + i, phrases));

describe('rankRelatedArticles', () => {
  it('ranks the article that shares a rare phrase above one that shares a common one', () => {
    const cables = row(1, { 'Submarine cables': 1, 'Data traffic': 0.6 });
    const rare = row(2, { 'Submarine cables': 0.8 });
    const common = row(3, { 'Data traffic': 0.9, 'Marseille port': 0.5 });
    const others = filler(10, 6, { 'Data traffic': 0.7, 'Cloud computing': 0.5 });
    const index = indexOf(cables, rare, common, ...others);

    const related = rankRelatedArticles(index, cables);

    expect(related.map((r) => r.articleId).slice(0, 2)).toEqual([2, 3]);
    expect(related[0]!.labels).toEqual(['Submarine cables']);
    expect(related[0]!.score).toBeGreaterThan(related[1]!.score);
  });

  it('never lists the article itself, and lists nothing in a collection of one', () => {
    const alone = row(1, { 'Submarine cables': 1 });

    expect(rankRelatedArticles(indexOf(alone), alone)).toEqual([]);
    const twin = row(2, { 'Submarine cables': 1 });
    expect(rankRelatedArticles(indexOf(alone, twin), alone).map((r) => r.articleId)).toEqual([2]);
  });

  it('does not relate two articles by one shared single word, but does by two', () => {
    const article = row(1, { Wuzhen: 1, Governance: 0.8, Harbour: 0.5 });
    const oneWord = row(2, { Harbour: 1 });
    const twoWords = row(3, { Wuzhen: 0.7, Governance: 0.6 });
    const index = indexOf(article, oneWord, twoWords, ...filler(10, 4));

    const related = rankRelatedArticles(index, article);

    expect(related.map((r) => r.articleId)).toEqual([3]);
    expect(related[0]!.labels).toEqual(['Wuzhen', 'Governance']);
  });

  it('counts a phrase shared under an equivalent key once, labelled as this article writes it', () => {
    const article = row(1, { 'Submarine cable': 1 }, { 'Submarine cable': ['undersea cable'] });
    const other = row(2, { 'Undersea cable': 1 }, { 'Undersea cable': ['submarine cable'] });
    const index = indexOf(article, other, ...filler(10, 4));

    const [related] = rankRelatedArticles(index, article);

    expect(related!.labels).toEqual(['Submarine cable']);
    const single = rankRelatedArticles(indexOf(row(1, { 'Submarine cable': 1 }), row(2, { 'Submarine cable': 1 }), ...filler(10, 4)), row(1, { 'Submarine cable': 1 }));
    expect(related!.score).toBeCloseTo(single[0]!.score);
  });

  it('ignores muted phrases', () => {
    const article = row(1, { 'Submarine cables': 1, 'World Internet Conference': 1 });
    const other = row(2, { 'Submarine cables': 1 });
    const index = indexOf(article, other);

    const related = rankRelatedArticles(index, article, { muted: new Set([keyHash('submarine cables')]) });

    expect(related).toEqual([]);
  });

  it('returns at most `limit` articles, strongest first', () => {
    const article = row(1, { 'Submarine cables': 1, 'Landing station': 1 });
    const strong = row(2, { 'Submarine cables': 1, 'Landing station': 1 });
    const weaker = Array.from({ length: 8 }, (_, i) => row(3 + i, { 'Submarine cables': 0.2 + i * 0.05 }));
    const index = indexOf(article, strong, ...weaker);

    const related = rankRelatedArticles(index, article, { limit: 5 });

    expect(related).toHaveLength(5);
    expect(related[0]!.articleId).toBe(2);
    expect(related.map((r) => r.score)).toEqual([...related.map((r) => r.score)].sort((a, b) => b - a));
  });
});
