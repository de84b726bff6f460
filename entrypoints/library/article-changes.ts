import type { ArticleChanges, ArticleListing } from '../../lib/protocol.ts';
import { parseTags } from './parse-tags.ts';

/** The editor's fields, as typed. */
export interface ArticleForm {
  title: string;
  source: string;
  author: string;
  publishedAt: string;
  /** Comma-separated. */
  tags: string;
}

/** The form filled in with what the article has now. */
export function formOf(article: ArticleListing): ArticleForm {
  return {
    title: article.title,
    source: article.source ?? '',
    author: article.author ?? '',
    publishedAt: article.publishedAt ?? '',
    tags: article.tags.join(', '),
  };
}

/**
 * Only what the user changed, trimmed; a field emptied becomes `''`, which clears it. Nothing
 * changed gives an empty object, and saving it can be skipped.
 */
export function articleChanges(article: ArticleListing, form: ArticleForm): ArticleChanges {
  const changes: ArticleChanges = {};
  const title = form.title.trim();
  if (title !== article.title) changes.title = title;
  for (const field of ['source', 'author', 'publishedAt'] as const) {
    const value = form[field].trim();
    if (value !== (article[field] ?? '')) changes[field] = value;
  }
  const tags = parseTags(form.tags);
  if (tags.join('\u0000') !== article.tags.join('\u0000')) changes.tags = tags;
  return changes;
}
