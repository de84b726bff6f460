import { STOP_WORDS } from '../text/stop-words.ts';

/**
 * Phrase keys as numbers. A content script never receives the vocabulary: it hashes the n-grams of
 * its page and asks the background which of those hashes are phrases (issue 9). Both sides hash a
 * key from its match terms with these functions, so "submarine cables" on a page and the key
 * `submarine cable` in an article's phrases meet as the same number.
 *
 * A key hash is 53 bits (a safe integer, exact through JSON and `structuredClone`): two
 * independent 32-bit lanes, one kept whole and one cut to 21 bits. With a million keys in the
 * collection and 50,000 n-grams on a page, the chance of any false match is about 1 in 200,000.
 */

/** The two lanes of one match term: `[laneA, laneB]`, both 32-bit integers. */
export type TermLanes = readonly [number, number];

/** `termLanes`' constants, for code that hashes a word where it stands (`lib/page/page-reader.ts`). */
export const A_OFFSET = 0x811c9dc5 | 0;
export const A_PRIME = 0x01000193;
export const B_OFFSET = 0x2f1a7e53 | 0;
export const B_PRIME = 0x5bd1e995;

/** Hashes one match term (a whole word, folded and stemmed as `matchTerm` makes it). */
export function termLanes(term: string): TermLanes {
  let a = A_OFFSET;
  let b = B_OFFSET;
  for (let i = 0; i < term.length; i++) {
    const code = term.charCodeAt(i);
    a = Math.imul(a ^ code, A_PRIME);
    b = Math.imul(b ^ code, B_PRIME);
    b ^= b >>> 15;
  }
  return [a, b];
}

/** The lanes of an empty key; a key's lanes are these folded with each term's by `mixA` and `mixB`. */
export const KEY_START_A = 0x6a09e667 | 0;
export const KEY_START_B = 0x3c6ef372 | 0;

/** Folds one term's lane A into a key's lane A (pure 32-bit integer arithmetic, no allocation). */
export function mixA(a: number, laneA: number): number {
  const x = Math.imul((a ^ laneA) + 0x9e3779b9, 0x85ebca6b);
  return x ^ (x >>> 13);
}

export function mixB(b: number, laneB: number): number {
  const x = Math.imul((b ^ laneB) + 0x7f4a7c15, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

/** The 53-bit key of lanes `a` and `b`: lane A whole, the top 21 bits of lane B. */
export function keyOf(a: number, b: number): number {
  return (a >>> 0) * 0x200000 + (b >>> 11);
}

/** The hash of a key given as its match terms joined by single spaces (as `phraseKey` makes it). */
export function keyHash(key: string): number {
  let a = KEY_START_A;
  let b = KEY_START_B;
  for (const term of key.split(' ')) {
    if (term === '') continue;
    const [laneA, laneB] = termLanes(term);
    a = mixA(a, laneA);
    b = mixB(b, laneB);
  }
  return keyOf(a, b);
}

const NUMBER = /^[\p{N}.,;'’]+(?:st|nd|rd|th|s)?$/u;

/**
 * A match term no phrase starts or ends with: a stop word, a number, a single character. The
 * background never keeps such phrases, so the page need not hash n-grams that start or end so.
 */
export function isEdgeKey(key: string): boolean {
  // One character, or one astral character (two code units): no string is made to count them.
  if (key.length < 2 || (key.length === 2 && key.charCodeAt(0) >= 0xd800 && key.charCodeAt(0) <= 0xdbff)) return true;
  if (STOP_WORDS.has(key)) return true;
  const first = key.charCodeAt(0);
  // Only a key that starts with a digit or punctuation, or outside ASCII, can be a number.
  return (first < 0x61 || first > 0x7a) && NUMBER.test(key);
}

/** Longest phrase in words that the page hashes and the background keeps. */
export const MAX_KEY_TERMS = 4;
