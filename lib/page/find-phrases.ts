import type { CompiledMatcher } from '../shared/linking/compile-matcher.ts';
import { joinsPhrase } from './joins-phrase.ts';
import { loadMatcher, type LoadedMatcher } from './load-matcher.ts';
import { scanWords } from '../shared/text/scan-words.ts';
import type { PhraseMatch } from '../shared/linking/types.ts';

/**
 * Finds the compiled phrases in a text: whole words compared by match term (case, accents,
 * plurals and possessives ignored), words of a phrase separated only as `joinsPhrase` allows.
 * Leftmost-longest: at each word the longest phrase starting there is taken, and scanning resumes
 * after it, so matches never overlap. One pass over the words; at each word the trie is followed
 * for at most `MAX_PHRASE_TERMS` words, however many phrases there are.
 */
export function findPhrases(text: string, matcher: CompiledMatcher): PhraseMatch[] {
  const trie = loadMatcher(matcher);
  if (trie.rootCount === 0 || text === '') return [];
  const { offsets: words, hashes } = scanWords(text, trie.buffers);
  const count = hashes.length;
  // Each word's hash is read once, to find its term id: the ids take the hashes' place.
  trie.words.idsOf(text, words, hashes);
  const ids = hashes;

  const { rootCount, firstChild, phraseAt } = trie;
  const matches: PhraseMatch[] = [];
  let w = 0;
  while (w < count) {
    const first = ids[w]!;
    if (first < 0 || first >= rootCount) {
      w++;
      continue;
    }
    let node = first + 1;
    let phrase = phraseAt[node]!;
    let last = w;
    for (let next = w + 1; next < count && firstChild[node + 1]! > firstChild[node]!; next++) {
      const child = childOf(trie, node, ids[next]!);
      if (child < 0 || !joinsPhrase(text, words[2 * next - 1]!, words[2 * next]!)) break;
      node = child;
      if (phraseAt[node]! >= 0) {
        phrase = phraseAt[node]!;
        last = next;
      }
    }
    if (phrase >= 0) {
      matches.push({ phrase, start: words[2 * w]!, end: words[2 * last + 1]! });
      w = last + 1;
    } else {
      w++;
    }
  }
  return matches;
}

/**
 * The child of `node` reached by `term`, or -1; siblings are sorted by term. Only called below the
 * root's children, whose children are all past `rootCount`.
 */
function childOf(trie: LoadedMatcher, node: number, term: number): number {
  if (term < 0) return -1;
  const { edgeTerms, firstChild } = trie;
  const offset = trie.rootCount + 1;
  let low = firstChild[node]!;
  let high = firstChild[node + 1]! - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const midTerm = edgeTerms[mid - offset]!;
    if (midTerm === term) return mid;
    if (midTerm < term) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
