import type { ArticleListing } from '../../lib/protocol.ts';

export interface TagCount {
  tag: string;
  count: number;
}

/** Every tag used in the collection with how many articles carry it, in alphabetical order. */
export function collectTags(articles: readonly ArticleListing[], locale: string): TagCount[] {
  const counts = new Map<string, number>();
  for (const article of articles) {
    for (const tag of new Set(article.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => collator.compare(a.tag, b.tag) || (a.tag < b.tag ? -1 : 1));
}
