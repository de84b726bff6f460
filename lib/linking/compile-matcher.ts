/**
 * The phrase matcher in the form the background sends to content scripts: plain arrays, so it
 * survives `JSON.stringify` and `structuredClone`, and about the size of the key list itself.
 *
 * It is a trie of match terms. Nodes are numbered breadth-first from the root (node 0), so the
 * children of every node are consecutive and only their count needs storing. The terms that start
 * a key get the first ids, in order, so from the root term id `t` leads straight to node `t + 1`.
 */
export interface CompiledMatcher {
  /** Shape version; `findPhrases` refuses others. */
  format: 1;
  /** Every match term used by a key, once. Ids below `rootCount` are those that start a key. */
  terms: string[];
  /** How many terms start a key: the root's children are nodes `1 … rootCount`. */
  rootCount: number;
  /** For each trie node, in breadth-first order, how many children it has. */
  childCounts: number[];
  /** The term id leading into each node after the root's children (node `rootCount + 1 + i`). */
  edgeTerms: number[];
  /** For each compiled key, the node where it ends; -1 if it can never match. */
  keyNodes: number[];
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
  const childCounts: number[] = [];
  const edgeTerms: number[] = [];
  const rootCount = root.children.size;
  const queue: TrieNode[] = [root];
  let nextId = 1;
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    const children = [...node.children.values()].sort((a, b) => termIds.get(a.term)! - termIds.get(b.term)!);
    childCounts.push(children.length);
    for (const child of children) {
      child.id = nextId++;
      if (child.id > rootCount) edgeTerms.push(termIds.get(child.term)!);
      queue.push(child);
    }
  }

  return {
    format: 1,
    terms: [...termIds.keys()],
    rootCount,
    childCounts,
    edgeTerms,
    keyNodes: ends.map((node) => node?.id ?? -1),
  };
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
