/**
 * A light English stemmer: folds regular plurals and the possessive so "cables", "cable" and
 * "cable's" meet, "countries" meets "country". It deliberately stops there: heavier stemmers
 * (Porter) merge words a reader would keep apart ("university"/"universe") and make prefix
 * search as you type unpredictable. Words in other scripts, short words and words ending in
 * -ss/-us/-is are left alone.
 */
export function stem(term: string): string {
  let word = term.endsWith("'s") ? term.slice(0, -2) : term;
  if (word.length <= 3 || !LATIN_WORD.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('s') && !KEEP_FINAL_S.test(word)) word = word.slice(0, -1);
  return word;
}

const LATIN_WORD = /^[a-z][a-z'-]*$/;
const KEEP_FINAL_S = /(ss|us|is|ous|ics|'s)$/;
