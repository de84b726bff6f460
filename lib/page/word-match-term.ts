import { fold } from '../shared/text/fold.ts';
import { matchTerm } from '../shared/linking/phrase-key.ts';

// Same unification as `tokenize`: typographic apostrophes inside words become straight ones.
const CURLY_APOSTROPHE = /[\u2019\u02bc]/g;

/**
 * The match term of one word as written, equal to `matchTerm(token.term)` for the token
 * `tokenize` makes of it. Pure-ASCII words skip Unicode normalisation: for them folding is
 * lower-casing.
 */
export function wordMatchTerm(word: string): string {
  for (let i = 0; i < word.length; i++) {
    if (word.charCodeAt(i) > 0x7f) return matchTerm(fold(word.replace(CURLY_APOSTROPHE, "'")));
  }
  return matchTerm(word.toLowerCase());
}
