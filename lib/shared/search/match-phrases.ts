import { indexTerms } from './index-terms.ts';
import type { Phrase } from './parse-query.ts';

/** The text fields of an article a phrase is looked for in. */
export interface PhraseFields {
  title: string;
  body: string;
  source?: string;
  author?: string;
}

/**
 * Whether every phrase in `required` occurs in one of the article's fields and none in `excluded`.
 * A phrase occurs when its index terms stand in a row in the field's index terms, so case,
 * accents, word endings and common words in between ("cables of the sea" for "cables sea") do
 * not matter, as they do not for the rest of the search.
 */
export function matchesPhrases(article: PhraseFields, required: readonly Phrase[], excluded: readonly Phrase[]): boolean {
  if (required.length === 0 && excluded.length === 0) return true;
  const fields = [article.title, article.body, article.source ?? '', article.author ?? ''].map(indexTerms);
  const occurs = ({ terms }: Phrase) => fields.some((field) => inOrder(field, terms));
  return required.every(occurs) && !excluded.some(occurs);
}

function inOrder(field: readonly string[], terms: readonly string[]): boolean {
  const last = field.length - terms.length;
  for (let i = 0; i <= last; i += 1) {
    if (field[i] !== terms[0]) continue;
    let j = 1;
    while (j < terms.length && field[i + j] === terms[j]) j += 1;
    if (j === terms.length) return true;
  }
  return false;
}
