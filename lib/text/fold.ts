/**
 * Folds a word for comparison: lower case, compatibility forms unified (full-width letters,
 * ligatures) and diacritics removed, so "Résumé", "RESUME" and "ｒｅｓｕｍｅ" all become "resume".
 * CJK characters pass through unchanged.
 */
export function fold(word: string): string {
  return word.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

const COMBINING_MARKS = /\p{M}+/gu;
