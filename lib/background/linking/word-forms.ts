import { stem } from '../../shared/text/stem.ts';

/**
 * A folded word and the forms it may be inflected from, so one base form in a word list covers
 * them all: "countries" → "country", "pushes" → "push", "shared" → "share", "running" → "run",
 * "easily" → "easy", "broader" → "broad". Over-generates harmlessly: the forms are only looked up in word lists.
 */
export function baseForms(word: string): string[] {
  const forms = [word, stem(word)];
  if (word.length > 4 && word.endsWith('es')) forms.push(word.slice(0, -2));
  const adverb = word.length > 5 && word.endsWith('ly') ? word.slice(0, -2) : word;
  if (adverb !== word) forms.push(adverb, adverb.endsWith('i') ? `${adverb.slice(0, -1)}y` : `${adverb}e`);
  for (const suffix of ['ing', 'ed', 'er', 'est']) {
    if (adverb.length < suffix.length + 3 || !adverb.endsWith(suffix)) continue;
    const base = adverb.slice(0, -suffix.length);
    forms.push(base, `${base}e`);
    if (base.at(-1) === base.at(-2)) forms.push(base.slice(0, -1));
    if (base.endsWith('i')) forms.push(`${base.slice(0, -1)}y`);
  }
  return forms;
}
