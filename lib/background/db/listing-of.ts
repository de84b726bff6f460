import type { Article, ArticleListing } from '../../protocol.ts';
import { summaryOf } from './summary-of.ts';

/** The library's row for an article: every field but the body, and the body's length. */
export function listingOf(article: Article): ArticleListing {
  const { importedAt, fileName, tags, body } = article;
  return {
    ...summaryOf(article),
    importedAt,
    size: body.length,
    tags: tags ?? [],
    ...(fileName !== undefined && { fileName }),
  };
}
