import { CALENDAR_WORDS, FILLER_WORDS, PUBLICATION_WORDS, ROLE_WORDS, UI_WORDS } from './vocabulary.ts';

/** A capitalised name word: "Reid", "Jean-Luc", "O’Brien", "McDonald", "Embaló". */
const NAME_WORD = /^(?:Mc|Mac|O['’]|D['’])?\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*$/u;
/** An initial: "J.", "J.R.". */
const INITIAL = /^(?:\p{Lu}\.){1,3}$/u;
/** Lower-case particles inside names: "Ludwig van Beethoven", "Abdullah bin Zayed". */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'da', 'di', 'du', 'dos', 'bin', 'binti', 'ibn', 'al', 'el', 'la', 'le']);
const MIN_WORDS = 2;
const MAX_WORDS = 5;

/**
 * Whether a line is just a person's name in Latin script, as bylines print them: two to five
 * capitalised words or initials, perhaps with particles, and none of them a word that names
 * something else (a month, a publication, a job, a button). A one-word name is not recognised:
 * it cannot be told from a publication ("Seetao") or a heading. Title-case headings made only
 * of unknown nouns ("Digital Silk Road") still look like names; callers only ask where a byline
 * is expected.
 */
export function isPersonName(line: string): boolean {
  const words = line.split(' ');
  if (words.length < MIN_WORDS || words.length > MAX_WORDS) return false;
  // A one-letter initial says "person": "A. Writer" or "J. Porter" is a name even though writer
  // and porter are also jobs. ("U.S." is no initial of a person.)
  const initialled = words.some((word) => ONE_INITIAL.test(word));
  const nameWord = (word: string) => isNameWord(word, initialled);
  const [first] = words;
  const last = words.at(-1);
  if (first === undefined || last === undefined || !nameWord(first) || !nameWord(last)) return false;
  return words.every((word) => nameWord(word) || PARTICLES.has(word));
}

/** One initial of a first name: "A.". */
const ONE_INITIAL = /^\p{Lu}\.$/u;

function isNameWord(word: string, initialled: boolean): boolean {
  if (INITIAL.test(word)) return true;
  if (!NAME_WORD.test(word)) return false;
  const lower = word.toLowerCase();
  if (initialled && ROLE_WORDS.has(lower)) return true;
  return ![UI_WORDS, FILLER_WORDS, PUBLICATION_WORDS, ROLE_WORDS, CALENDAR_WORDS].some((set) => set.has(lower));
}
