import { phraseOfHash, SPECIFIC, type ArticleLinks, type LinkIndex } from './link-index.ts';

/** Another article of the collection that shares phrases with one article. */
export interface SharedPhrases {
  articleId: number;
  /** Summed evidence: each shared phrase's rarity times the weights it has in both articles. */
  score: number;
  /** The shared phrases, as the first article labels them, strongest first. */
  labels: string[];
}

export interface RelatedArticlesOptions {
  /** Most articles returned. Default 5. */
  limit?: number;
  /** Key hashes the user muted: never evidence. */
  muted?: ReadonlySet<number>;
}

/**
 * The articles that share the most phrase evidence with one article (its stored `links` row),
 * for the reader's "Related in your collection". A shared phrase counts by how rare it is in the
 * collection (a phrase every article has says nothing, one two articles have says most) and by
 * the geometric mean of its weight in each of them, once per phrase even when it is shared
 * under several equivalent keys. Precision first, as on pages: an article is listed only for
 * one shared specific phrase (several words, such as "submarine cables") or for two single words.
 */
export function rankRelatedArticles(index: LinkIndex, row: ArticleLinks, options: RelatedArticlesOptions = {}): SharedPhrases[] {
  const { limit = 5, muted } = options;
  const total = index.articleCount;
  if (total < 2) return [];
  /** Per other article: the best evidence of each of this article's phrases, and whether it is specific. */
  const shared = new Map<number, Map<number, { evidence: number; specific: boolean }>>();
  row.phraseHashes.forEach((hash, i) => {
    if (muted?.has(hash)) return;
    const df = index.phrases.count(hash);
    if (df < 2) return;
    const rarity = Math.log((total + 1) / df) / Math.log(total + 1);
    const phrase = phraseOfHash(row, i);
    const own = row.weights[phrase]!;
    index.phrases.forEach(hash, (articleId, weight, flag) => {
      if (articleId === row.id) return;
      const evidence = rarity * Math.sqrt(own * weight);
      let phrases = shared.get(articleId);
      if (!phrases) shared.set(articleId, (phrases = new Map()));
      const earlier = phrases.get(phrase);
      if (!earlier || earlier.evidence < evidence) phrases.set(phrase, { evidence, specific: (flag & SPECIFIC) !== 0 });
    });
  });

  const ranked: SharedPhrases[] = [];
  for (const [articleId, phrases] of shared) {
    const found = [...phrases].sort(([a, x], [b, y]) => y.evidence - x.evidence || a - b);
    const specific = found.some(([, p]) => p.specific);
    if (!specific && found.length < 2) continue;
    const score = found.reduce((sum, [, p]) => sum + p.evidence, 0);
    if (score <= 0) continue;
    ranked.push({ articleId, score, labels: [...new Set(found.map(([phrase]) => row.labels[phrase]!))] });
  }
  ranked.sort((a, b) => b.score - a.score || a.articleId - b.articleId);
  return ranked.slice(0, limit);
}
