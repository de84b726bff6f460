import { stem } from '../text/stem.ts';
import { tokenize } from '../text/tokenize.ts';

/**
 * The word of a phrase as matching compares it: folded (case, accents), apostrophes unified, and
 * lightly stemmed, so "Submarine Cables" on a page meets "submarine cable" in the vocabulary.
 * Stop words are kept: inside a phrase they matter ("Belt and Road").
 */
export function matchTerm(foldedWord: string): string {
  return stem(foldedWord);
}

/** The match key of a phrase: its words' match terms joined by single spaces. */
export function phraseKey(phrase: string): string {
  return tokenize(phrase)
    .map((token) => matchTerm(token.term))
    .join(' ');
}
