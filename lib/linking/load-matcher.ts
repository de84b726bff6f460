import type { CompiledMatcher } from './compile-matcher.ts';
import { WordIdCache } from './word-id-cache.ts';

/** A compiled matcher unpacked for scanning: typed arrays and a term lookup, plus a word cache. */
export interface LoadedMatcher {
  rootCount: number;
  /** Per node: index of its first child, number of children, term on the edge into it. */
  firstChild: Int32Array;
  childCount: Int32Array;
  edgeTerm: Int32Array;
  /** Per node: the first key that ends there, or -1. */
  phraseAt: Int32Array;
  /** Term ids of words as written in a text, -1 when no key uses the word. */
  words: WordIdCache;
}

/** The compiled matcher does not have the shape `compileMatcher` gives. */
export class MatcherFormatError extends Error {
  override name = 'MatcherFormatError';
}

// Unpacking costs about a millisecond per 1,000 phrases; a content script scans many text chunks
// with one matcher, so the unpacked form is kept for as long as the compiled object lives.
const loaded = new WeakMap<CompiledMatcher, LoadedMatcher>();

export function loadMatcher(matcher: CompiledMatcher): LoadedMatcher {
  let result = loaded.get(matcher);
  if (!result) {
    result = unpack(matcher);
    loaded.set(matcher, result);
  }
  return result;
}

function unpack(matcher: CompiledMatcher): LoadedMatcher {
  const { terms, rootCount, childCounts, edgeTerms, keyNodes } = check(matcher);
  const nodeCount = childCounts.length;
  const firstChild = new Int32Array(nodeCount);
  const childCount = Int32Array.from(childCounts);
  const edgeTerm = new Int32Array(nodeCount).fill(-1);
  let next = 1;
  for (let node = 0; node < nodeCount; node++) {
    firstChild[node] = next;
    next += childCount[node]!;
  }
  for (let node = 1; node < nodeCount; node++) {
    edgeTerm[node] = node <= rootCount ? node - 1 : edgeTerms[node - rootCount - 1]!;
  }
  const phraseAt = new Int32Array(nodeCount).fill(-1);
  for (let key = keyNodes.length - 1; key >= 0; key--) {
    const node = keyNodes[key]!;
    if (node >= 0) phraseAt[node] = key;
  }
  const words = new WordIdCache(new Map(terms.map((term, id) => [term, id])));
  return { rootCount, firstChild, childCount, edgeTerm, phraseAt, words };
}

function check(matcher: CompiledMatcher): CompiledMatcher {
  const fail = (problem: string): never => {
    throw new MatcherFormatError(`load-matcher: ${problem}; compile the vocabulary again`);
  };
  if (matcher?.format !== 1) fail(`unknown format ${String(matcher?.format)}`);
  const { terms, rootCount, childCounts, edgeTerms, keyNodes } = matcher;
  if (![terms, childCounts, edgeTerms, keyNodes].every(Array.isArray)) fail('a field is not an array');
  const nodeCount = childCounts.length;
  if (nodeCount === 0 || childCounts[0] !== rootCount || rootCount > terms.length) fail('the root does not fit the terms');
  let edges = 0;
  for (const count of childCounts) {
    if (!Number.isInteger(count) || count < 0) fail('a child count is not a count');
    edges += count;
  }
  if (edges !== nodeCount - 1 || edgeTerms.length !== nodeCount - 1 - rootCount) fail('the trie does not add up');
  if (!edgeTerms.every((term) => Number.isInteger(term) && term >= 0 && term < terms.length)) fail('an edge has no term');
  if (!keyNodes.every((node) => Number.isInteger(node) && node >= -1 && node < nodeCount)) fail('a key ends outside the trie');
  return matcher;
}
