import type { ArticleListing, ArticleOrigin } from '../../lib/protocol.ts';
import { matchesFieldFilters, NO_FIELD_FILTERS } from '../../lib/shared/search/field-filters.ts';

/** Which articles the library shows; `null` lets every article through. */
export interface ArticleFilter {
  origin: ArticleOrigin | null;
  tag: string | null;
}

export const NO_FILTER: ArticleFilter = { origin: null, tag: null };

/** The articles that pass the filter, in their order. Returns `articles` itself when nothing is filtered. */
export function filterArticles<T extends ArticleListing>(articles: readonly T[], { origin, tag }: ArticleFilter): readonly T[] {
  if (origin === null && tag === null) return articles;
  // The Tag menu and a `tag:` in the search box match tags by the same rule.
  const tags = { ...NO_FIELD_FILTERS, tags: tag === null ? [] : [tag] };
  return articles.filter((a) => (origin === null || a.origin === origin) && matchesFieldFilters(a, tags));
}
