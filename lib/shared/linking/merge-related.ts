import type { RelatedArticle } from '../../protocol.ts';

/**
 * The articles related to a long page read in parts: those of the parts read before and of the
 * part just read, each once with its best score and the phrases of both, best first, at most
 * `limit`.
 */
export function mergeRelated(before: readonly RelatedArticle[], part: readonly RelatedArticle[], limit: number): RelatedArticle[] {
  const byId = new Map<number, RelatedArticle>();
  for (const article of [...before, ...part]) {
    const held = byId.get(article.id);
    if (!held) {
      byId.set(article.id, article);
      continue;
    }
    const phrases = [...new Set([...held.phrases, ...article.phrases])];
    byId.set(article.id, { ...(article.score > held.score ? article : held), phrases });
  }
  // Sort is stable: of equal scores, what was listed first stays first.
  return [...byId.values()].sort((a, b) => b.score - a.score).slice(0, limit);
}
