import { parseQuery } from './parse-query.ts';
import { planQuery } from './query-plan.ts';

/**
 * The index terms of a query that a page showing its results marks: its plain words and the
 * words of its phrases, never an excluded word or a filter's value (`source:hindu` marks nothing).
 */
export function markedTerms(query: string): string[] {
  const parsed = parseQuery(query);
  return [...planQuery(parsed.words).terms, ...parsed.phrases.flatMap((phrase) => phrase.terms)];
}
