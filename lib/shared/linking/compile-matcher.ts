import { buildTermSlots } from './matcher-terms.ts';

/**
 * The phrase matcher in the form the background sends to content scripts: plain arrays, so it
 * survives `JSON.stringify` and `structuredClone`, and about the size of the key list itself.
 * A content script scans with these arrays as they arrive: loading builds nothing per term or
 * node (on a fresh page that work ran cold, several milliseconds at 5,000 phrases).
 *
 * It is a trie of match terms. Nodes are numbered breadth-first from the root (node 0), so the
 * children of every node are consecutive. The terms that start a key get the first ids, in order,
 * so from the root term id `t` leads straight to node `t + 1`.
 */
export interface CompiledMatcher {
  /** Shape version; `findPhrases` refuses others. */
  format: 2;
  /** Every match term used by a key, once. Ids below `rootCount` are those that start a key. */
  terms: string[];
  /** `terms` as a hash table (`buildTermSlots`): term id + 1 per slot, 0 when free. */
  termSlots: number[];
  /** How many terms start a key: the root's children are nodes `1 … rootCount`. */
  rootCount: number;
  /**
   * For each trie node, in breadth-first order, its first child, and one entry more (the node
   * count): the children of node `n` are `firstChild[n] … firstChild[n + 1] - 1`.
   */
  firstChild: number[];
  /** The term id leading into each node after the root's children (node `rootCount + 1 + i`); sorted among siblings. */
  edgeTerms: number[];
  /** For each trie node, the first key that ends there, or -1. */
  phraseAt: number[];
}

/** Keys longer than this many terms are not compiled: it bounds the work at each word of a page. */
export const MAX_PHRASE_TERMS = 6;

interface TrieNode {
  term: string;
  children: Map<string, TrieNode>;
  id: number;
}

/**
 * Compiles phrase keys (as `phraseKey` makes them: match terms joined by single spaces) into a
 * matcher. A key's position in `keys` is the `phrase` that `findPhrases` reports for it. Empty
 * keys and keys of more than `MAX_PHRASE_TERMS` terms never match; a repeated key is reported
 * under its first position.
 */
export function compileMatcher(keys: readonly string[]): CompiledMatcher {
  const root: TrieNode = { term: '', children: new Map(), id: 0 };
  const ends: Array<TrieNode | null> = keys.map((key) => {
    const terms = key.split(' ').filter((term) => term !== '');
    if (terms.length === 0 || terms.length > MAX_PHRASE_TERMS) return null;
    let node = root;
    for (const term of terms) {
      let child = node.children.get(term);
      if (!child) {
        child = { term, children: new Map(), id: -1 };
        node.children.set(term, child);
      }
      node = child;
    }
    return node;
  });

  const termIds = numberTerms(root);
  const firstChild: number[] = [];
  const edgeTerms: number[] = [];
  const rootCount = root.children.size;
  const queue: TrieNode[] = [root];
  let nextId = 1;
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    const children = [...node.children.values()].sort((a, b) => termIds.get(a.term)! - termIds.get(b.term)!);
    firstChild.push(nextId);
    for (const child of children) {
      child.id = nextId++;
      if (child.id > rootCount) edgeTerms.push(termIds.get(child.term)!);
      queue.push(child);
    }
  }

  firstChild.push(nextId);
  const phraseAt = new Array<number>(nextId).fill(-1);
  for (let key = ends.length - 1; key >= 0; key--) {
    const end = ends[key];
    if (end) phraseAt[end.id] = key;
  }
  const terms = [...termIds.keys()];
  return { format: 2, terms, termSlots: buildTermSlots(terms), rootCount, firstChild, edgeTerms, phraseAt };
}

/** Ids for all terms, those that start a key first; each group in code-unit order, for stable output. */
function numberTerms(root: TrieNode): Map<string, number> {
  const firsts = [...root.children.keys()].sort();
  const firstSet = new Set(firsts);
  const rest = new Set<string>();
  const visit = (node: TrieNode) => {
    for (const child of node.children.values()) {
      if (!firstSet.has(child.term)) rest.add(child.term);
      visit(child);
    }
  };
  for (const child of root.children.values()) visit(child);
  const ids = new Map<string, number>();
  for (const term of [...firsts, ...[...rest].sort()]) ids.set(term, ids.size);
  return ids;
}
