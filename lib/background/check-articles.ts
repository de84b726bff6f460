import * as v from 'valibot';
import type { ParsedArticle, RefusedArticle } from '../protocol.ts';
import { parsedArticleSchema } from '../shared/import/article-schemas.ts';

export interface CheckedArticles {
  /** The articles that passed, cleaned by the schema, in the order sent. */
  valid: ParsedArticle[];
  /** The others, by position in the list sent. */
  refused: RefusedArticle[];
}

/**
 * Checks each article of a list on its own against `parsedArticleSchema`, so one article a
 * tampered or buggy page sent wrong is refused alone instead of sinking the batch it came in.
 */
export function checkArticles(items: readonly unknown[]): CheckedArticles {
  const valid: ParsedArticle[] = [];
  const refused: RefusedArticle[] = [];
  items.forEach((item, index) => {
    const checked = v.safeParse(parsedArticleSchema, item);
    if (checked.success) valid.push(checked.output);
    else refused.push({ index, reason: checked.issues[0].message });
  });
  return { valid, refused };
}
