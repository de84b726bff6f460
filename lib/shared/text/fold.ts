/**
 * Folds a word for comparison: lower case, compatibility forms unified (full-width letters,
 * ligatures) and diacritics removed, so "Résumé", "RESUME" and "ｒｅｓｕｍｅ" all become "resume".
 * CJK characters pass through unchanged.
 */
export function fold(word: string): string {
  // Most words are plain ASCII, where folding is only lower-casing: skip the normalisation.
  if (ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

const ASCII = /^[\x00-\x7f]*$/;
const COMBINING_MARKS = /\p{M}+/gu;
