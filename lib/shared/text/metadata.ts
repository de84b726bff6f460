import type { ParsedArticle } from '../../protocol.ts';

/** The fields of an article that page furniture (headers, bylines, footers) can tell. */
export type Metadata = Pick<ParsedArticle, 'source' | 'author' | 'publishedAt' | 'url'>;

/**
 * Copies into `target` the fields it does not have yet: what was found first (nearest the title)
 * wins over what a footer says later.
 */
export function fillMissing(target: Metadata, found: Metadata | undefined): void {
  if (found === undefined) return;
  target.source ??= found.source;
  target.author ??= found.author;
  target.publishedAt ??= found.publishedAt;
  target.url ??= found.url;
}
