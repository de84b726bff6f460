import type { CompiledMatcher } from '../shared/linking/compile-matcher.ts';
import { MatcherTerms } from '../shared/linking/matcher-terms.ts';
import { WordIdCache } from './word-id-cache.ts';
import { createWordBuffers, type WordBuffers } from '../shared/text/scan-words.ts';

/** A compiled matcher ready for scanning: its arrays as received, plus a word cache and buffers. */
export interface LoadedMatcher {
  rootCount: number;
  firstChild: readonly number[];
  edgeTerms: readonly number[];
  phraseAt: readonly number[];
  /** Term ids of words as written in a text, -1 when no key uses the word. */
  words: WordIdCache;
  /** Reused by each `findPhrases` call for the words of its text. */
  buffers: WordBuffers;
}

/** The compiled matcher does not have the shape `compileMatcher` gives. */
export class MatcherFormatError extends Error {
  override name = 'MatcherFormatError';
}

// A content script scans many text chunks with one matcher: the word cache lives as long as the
// compiled object.
const loaded = new WeakMap<CompiledMatcher, LoadedMatcher>();

export function loadMatcher(matcher: CompiledMatcher): LoadedMatcher {
  let result = loaded.get(matcher);
  if (!result) {
    const { terms, termSlots, rootCount, firstChild, edgeTerms, phraseAt } = check(matcher);
    const words = new WordIdCache(new MatcherTerms(terms, termSlots));
    result = { rootCount, firstChild, edgeTerms, phraseAt, words, buffers: createWordBuffers() };
    loaded.set(matcher, result);
  }
  return result;
}

/**
 * Checks the shape, in constant time: the format, and that the arrays fit together. Entries are
 * not checked one by one (that cost milliseconds on each fresh page): the matcher comes from
 * Cairn's own background, and `findPhrases` reads it so that a wrong entry can only give wrong
 * matches, never an exception or a loop that does not end.
 */
function check(matcher: CompiledMatcher): CompiledMatcher {
  const fail = (problem: string): never => {
    throw new MatcherFormatError(`load-matcher: ${problem}; compile the vocabulary again`);
  };
  if (matcher?.format !== 2) fail(`unknown format ${String(matcher?.format)}`);
  const { terms, termSlots, rootCount, firstChild, edgeTerms, phraseAt } = matcher;
  if (![terms, termSlots, firstChild, edgeTerms, phraseAt].every(Array.isArray)) fail('a field is not an array');
  const nodeCount = phraseAt.length;
  if (!Number.isInteger(rootCount) || rootCount < 0 || rootCount > terms.length) fail('the root does not fit the terms');
  if (nodeCount === 0 || firstChild.length !== nodeCount + 1 || firstChild[0] !== 1 || firstChild[1] !== rootCount + 1
    || firstChild[nodeCount] !== nodeCount || edgeTerms.length !== Math.max(0, nodeCount - 1 - rootCount)) {
    fail('the trie does not add up');
  }
  const slots = termSlots.length;
  if (slots < terms.length || slots === 0 || (slots & (slots - 1)) !== 0) fail('the term table does not fit the terms');
  return matcher;
}
