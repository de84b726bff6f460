import type { ArticleListing } from '../../lib/protocol.ts';

/** What the library can sort its articles by. */
export type SortKey = 'title' | 'date' | 'imported' | 'source' | 'size';
export type SortDirection = 'asc' | 'desc';

export interface SortOrder {
  key: SortKey;
  direction: SortDirection;
}

const collators = new Map<string, Intl.Collator>();

function collatorFor(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    try {
      collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    } catch {
      collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    }
    collators.set(locale, collator);
  }
  return collator;
}

/**
 * A sorted copy of `articles`. Titles and sources compare as the locale's readers expect
 * ("b" after "Á", "Part 2" before "Part 10"). Articles missing the sorted field (no source, no
 * date) come last whichever the direction, and ties keep id order, so the list never jumps.
 */
export function sortArticles(articles: readonly ArticleListing[], { key, direction }: SortOrder, locale: string): ArticleListing[] {
  const sign = direction === 'asc' ? 1 : -1;
  const compareText = collatorFor(locale).compare;
  const value = VALUE[key];
  const text = key === 'title' || key === 'source';
  return [...articles].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === undefined || y === undefined) {
      if (x !== y) return x === undefined ? 1 : -1;
      return (a.id - b.id) * sign;
    }
    const order = text ? compareText(x as string, y as string) : x < y ? -1 : x > y ? 1 : 0;
    return (order || a.id - b.id) * sign;
  });
}

const VALUE: Record<SortKey, (article: ArticleListing) => string | number | undefined> = {
  title: (a) => a.title,
  source: (a) => a.source?.trim() || undefined,
  // ISO 8601 dates compare as strings; a date with a time sorts after the same bare day.
  date: (a) => a.publishedAt || undefined,
  imported: (a) => a.importedAt,
  size: (a) => a.size,
};
