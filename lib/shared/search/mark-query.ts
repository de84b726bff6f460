import type { TextRange } from '../../protocol.ts';
import { tokenize } from '../text/tokenize.ts';
import { indexTerm } from './index-terms.ts';

/**
 * The ranges of the words in `text` that a search for `queryTerms` (the `terms` of
 * `planQuery(query)`) would have matched: words whose index term starts with one of them. So
 * "cable" marks "cables" and "Cable's", and "wuz", a word still being typed, marks "Wuzhen".
 * For pages that have the query but not the search's own match list, such as the reader; typo
 * matches are not marked.
 */
export function markQuery(text: string, queryTerms: readonly string[]): TextRange[] {
  if (queryTerms.length === 0) return [];
  const ranges: TextRange[] = [];
  for (const token of tokenize(text)) {
    const term = indexTerm(token.term);
    if (term !== null && queryTerms.some((queryTerm) => term.startsWith(queryTerm))) {
      ranges.push({ start: token.start, end: token.end });
    }
  }
  return ranges;
}
