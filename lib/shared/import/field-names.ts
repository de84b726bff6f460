/** The article fields an imported record (a JSON object, a CSV row, front matter) can fill. */
export type ArticleField = 'title' | 'body' | 'url' | 'source' | 'author' | 'publishedAt' | 'tags' | 'lang';

/**
 * The names each field goes by in other tools' exports, best first, as `fieldKey` writes them
 * (lower case, letters and digits only: `published_at`, `publishedAt` and `Published At` are one).
 */
export const FIELD_NAMES: Readonly<Record<ArticleField, readonly string[]>> = {
  title: ['title', 'headline', 'name'],
  body: ['body', 'text', 'content', 'article'],
  url: ['url', 'link'],
  source: ['source', 'site', 'publisher'],
  author: ['author', 'byline', 'authors'],
  publishedAt: ['date', 'published', 'publishedat', 'pubdate', 'datepublished'],
  tags: ['tags', 'keywords'],
  lang: ['lang', 'language'],
};

/** A key or column header as `FIELD_NAMES` lists it. */
export function fieldKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}
