import type { TextRange } from '../../protocol.ts';
import { tokenize } from '../../shared/text/tokenize.ts';
import { indexTerm } from '../../shared/search/index-terms.ts';

/**
 * The ranges of the words in `text` whose index term is one of `terms` (the terms a search
 * matched, after prefix and typo expansion), so the UI can emphasise exactly what matched.
 */
export function markTerms(text: string, terms: ReadonlySet<string>): TextRange[] {
  if (terms.size === 0) return [];
  const ranges: TextRange[] = [];
  for (const token of tokenize(text)) {
    const term = indexTerm(token.term);
    if (term !== null && terms.has(term)) ranges.push({ start: token.start, end: token.end });
  }
  return ranges;
}
