import type { ArticleChanges, ArticleListing } from '../../lib/protocol.ts';
import { cleanField } from '../../lib/shared/import/clean-field.ts';
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
 * Only what the user changed, each field cleaned as an import would (`cleanField`: trimmed,
 * whitespace collapsed, control and bidirectional characters removed); a field emptied becomes
 * `''`, which clears it. Nothing changed gives an empty object, and saving it can be skipped.
 */
export function articleChanges(article: ArticleListing, form: ArticleForm): ArticleChanges {
  const changes: ArticleChanges = {};
  const title = cleanField(form.title) ?? '';
  if (title !== article.title) changes.title = title;
  for (const field of ['source', 'author', 'publishedAt'] as const) {
    const value = cleanField(form[field]) ?? '';
    if (value !== (article[field] ?? '')) changes[field] = value;
  }
  const tags = parseTags(form.tags);
  if (tags.join('\u0000') !== article.tags.join('\u0000')) changes.tags = tags;
  return changes;
}
