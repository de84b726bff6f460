import { STOP_WORDS } from '../text/stop-words.ts';
import { stem } from '../text/stem.ts';
import { tokenize } from '../text/tokenize.ts';

/**
 * The index term for a folded word, or null when the word should not be indexed or searched:
 * stop words, lone characters of spaced scripts and bare punctuation-like apostrophes. The same
 * function serves indexing, queries and snippet marking, so they can never disagree.
 */
export function indexTerm(folded: string): string | null {
  if (STOP_WORDS.has(folded)) return null;
  const term = stem(folded);
  if (term.length === 1 && SPACED_LETTER.test(term)) return null;
  return term;
}

/** The index terms of a text, in order. */
export function indexTerms(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    const term = indexTerm(token.term);
    if (term !== null) terms.push(term);
  }
  return terms;
}

// Single letters and digits of scripts that separate words with spaces say nothing; a single
// CJK character can be a whole word, so it stays.
const SPACED_LETTER = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}]$/u;
