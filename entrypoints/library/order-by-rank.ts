import type { ArticleListing } from '../../lib/protocol.ts';

/**
 * The articles a search matched, best first: `ids` as the background ranked them, keeping only
 * those among `articles` (the filtered list). Ids of articles the list does not hold (deleted
 * since, or filtered out) are skipped.
 */
export function orderByRank<T extends ArticleListing>(ids: readonly number[], articles: readonly T[]): T[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const ranked: T[] = [];
  for (const id of ids) {
    const article = byId.get(id);
    if (article) {
      ranked.push(article);
      byId.delete(id);
    }
  }
  return ranked;
}
