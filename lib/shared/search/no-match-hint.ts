import { MIN_PREFIX_LENGTH } from './query-plan.ts';

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];

/**
 * What to suggest when a search finds nothing. A last word too short to be completed ("w", "wu")
 * is no misspelling: the user is told to keep typing rather than to check the spelling (issue 11).
 */
export function noMatchHint(query: string): string {
  const last = query.trim().split(/\s+/u).at(-1) ?? '';
  if (last !== '' && [...last].length < MIN_PREFIX_LENGTH) {
    return `Keep typing: words are completed from their ${ORDINALS[MIN_PREFIX_LENGTH - 1] ?? `${MIN_PREFIX_LENGTH}th`} letter.`;
  }
  return 'Check the spelling, or try fewer or different words.';
}
