import type { Article, ArticleListing } from '../../protocol.ts';

/** The library's row for an article: every field but the body, and the body's length. */
export function listingOf(article: Article): ArticleListing {
  const { id, title, source, author, publishedAt, origin, url, importedAt, fileName, tags, body } = article;
  return {
    id,
    title,
    origin,
    importedAt,
    size: body.length,
    tags: tags ?? [],
    ...(source !== undefined && { source }),
    ...(author !== undefined && { author }),
    ...(publishedAt !== undefined && { publishedAt }),
    ...(url !== undefined && { url }),
    ...(fileName !== undefined && { fileName }),
  };
}
