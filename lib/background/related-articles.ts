import type { CairnDb } from './db/cairn-db.ts';
import { readArticles } from './db/read-articles.ts';
import { summaryOf } from './db/summary-of.ts';
import { isLinksRecord } from './linking/link-index.ts';
import { rankRelatedArticles } from './linking/rank-related-articles.ts';
import type { LinkingEngine } from './linking-engine.ts';
import type { SettingsStore } from './linking-stores.ts';
import type { ArticleRelations } from '../protocol.ts';
import { keyHash } from '../shared/linking/key-hash.ts';

/** Most articles the reader lists as related. */
const RELATED_LIMIT = 5;

/**
 * The articles that share the most phrases with one article, from its stored `links` row (its
 * mined phrases) and the linking index; muted phrases are no evidence. An article not mined yet
 * answers `pending`; one that is not in the collection, nothing.
 */
export async function relatedArticlesOf(
  deps: { db: CairnDb; linking: LinkingEngine; settings: SettingsStore },
  id: number,
): Promise<ArticleRelations> {
  const { db, linking, settings } = deps;
  const index = await linking.caughtUp();
  const [row, exists, current] = await Promise.all([db.links.get(id), db.articles.get(id), settings.get()]);
  if (!exists) return { related: [] };
  if (!isLinksRecord(row)) return { related: [], pending: true };
  const muted = new Set(current.mutedPhrases.map((m) => keyHash(m.key)));
  const ranked = rankRelatedArticles(index, row, { muted, limit: RELATED_LIMIT });
  const articles = await readArticles(db, ranked.map((r) => r.articleId));
  return {
    related: ranked.flatMap((rank, i) => {
      const article = articles[i];
      return article ? [{ ...summaryOf(article), score: rank.score, phrases: rank.labels }] : [];
    }),
  };
}
