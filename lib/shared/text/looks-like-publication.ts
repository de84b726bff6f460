import { classifyBoilerplate } from './classify-boilerplate.ts';

const MAX_WORDS = 6;
const MAX_LENGTH = 60;
/** Lower-case words a publication's name may contain ("Voice of the People", "Arts & Letters"). */
const JOINING_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in', '&', 'de', 'du', 'la', 'le']);
const NAME_WORD = /^(?:[\p{Lu}\p{N}\p{Script=Han}]|\p{Ll}+[\p{Lu}.])/u;

/**
 * Whether a short phrase could be the name of a publication or agency ("Seetao", "The Harbour
 * Gazette", "Xinhua News Agency", "新华社"): a few capitalised words, no sentence punctuation.
 */
export function looksLikePublication(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_WORDS || text.length > MAX_LENGTH) return false;
  if (/[.!?。！？,;:：]$/u.test(text) || /^\d+$/.test(text)) return false;
  if (!NAME_WORD.test(words[0] ?? '')) return false;
  if (!words.every((word) => NAME_WORD.test(word) || JOINING_WORDS.has(word.toLowerCase()))) return false;
  return classifyBoilerplate(text) === undefined;
}
