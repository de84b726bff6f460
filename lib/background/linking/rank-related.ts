import type { PhraseCount } from '../../protocol.ts';
import type { VocabularyPhrase } from '../../shared/linking/types.ts';

/** An article the page relates to, and the evidence for it. */
export interface RankedArticle {
  articleId: number;
  score: number;
  /** Indices of the phrases that link the page to the article, strongest first. */
  phrases: number[];
}

export interface RankOptions {
  /**
   * Least score for an article to count as related. Default 0.6: on the fixture pages related
   * articles scored 0.77 and more, while hard negatives (pages on porcelain, soybean trade, a
   * council's broadband plan) reached 0.49 at most, and from a single phrase.
   */
  minScore?: number;
  /** Least number of different phrases linking a page to an article. Default 2. */
  minPhrases?: number;
  /** Most articles returned. Default 10. */
  limit?: number;
}

/**
 * Ranks the collection's articles by how strongly a page relates to them, from the vocabulary
 * phrases found on the page. A phrase counts by its specificity (its vocabulary score, relative
 * to the best phrase), a little more for each repeat (logarithmically, so one name repeated forty
 * times is not forty pieces of evidence), and more when it appears early on the page (headlines
 * and ledes say what a page is about). An article needs several different phrases and enough
 * total weight: precision beats recall, since a wrong link costs the reader's trust.
 */
export function rankRelated(
  counts: readonly PhraseCount[],
  phrases: readonly VocabularyPhrase[],
  muted: ReadonlySet<string>,
  { minScore = 0.6, minPhrases = 2, limit = 10 }: RankOptions = {},
): RankedArticle[] {
  const best = phrases[0]?.score ?? 0;
  if (best <= 0) return [];
  const byArticle = new Map<number, { score: number; evidence: { phrase: number; weight: number }[] }>();
  for (const { phrase: index, count, firstAt } of counts) {
    const phrase = phrases[index];
    if (!phrase || count <= 0 || muted.has(phrase.key)) continue;
    const strength = (phrase.score / best) * (1 + Math.log2(count)) * (firstAt < 0.2 ? 1.25 : 1);
    for (const { articleId, weight } of phrase.links) {
      const entry = byArticle.get(articleId) ?? { score: 0, evidence: [] };
      entry.score += strength * weight;
      entry.evidence.push({ phrase: index, weight: strength * weight });
      byArticle.set(articleId, entry);
    }
  }
  const ranked: RankedArticle[] = [];
  for (const [articleId, { score, evidence }] of byArticle) {
    if (evidence.length < minPhrases || score < minScore) continue;
    evidence.sort((a, b) => b.weight - a.weight || a.phrase - b.phrase);
    ranked.push({ articleId, score, phrases: evidence.map((e) => e.phrase) });
  }
  ranked.sort((a, b) => b.score - a.score || a.articleId - b.articleId);
  return ranked.slice(0, limit);
}
