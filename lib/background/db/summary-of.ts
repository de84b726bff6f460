import type { ArticleSummary } from '../../protocol.ts';

/**
 * The fields every list of articles shows (search hits, related articles, hover cards, the
 * library's rows, the popup's recent list), taken from an article the same way everywhere.
 */
export function summaryOf({ id, title, source, author, publishedAt, origin, url }: ArticleSummary): ArticleSummary {
  return {
    id,
    title,
    origin,
    ...(source !== undefined && { source }),
    ...(author !== undefined && { author }),
    ...(publishedAt !== undefined && { publishedAt }),
    ...(url !== undefined && { url }),
  };
}
