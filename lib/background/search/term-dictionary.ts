import { CorruptTermIndexError } from './field-postings.ts';

/**
 * Every term of the index in code-unit order (IndexedDB's order for strings), with how many
 * articles hold each. Two arrays rather than a radix tree: a wake splits one stored string
 * (a few ms for 50,000 terms, where building MiniSearch's tree took 45–165 ms), and lookups
 * are binary searches; a typo's neighbours are found by one pass over the terms.
 */
export interface TermDictionary {
  terms: string[];
  counts: number[];
}

/** Where `term` is, or where it would go. */
function lowerBound(terms: readonly string[], term: string): number {
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (terms[mid]! < term) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function hasTerm({ terms }: TermDictionary, term: string): boolean {
  return terms[lowerBound(terms, term)] === term;
}

/** Every term that starts with `prefix` (the prefix itself included when it is a term). */
export function completions({ terms }: TermDictionary, prefix: string): string[] {
  const found: string[] = [];
  for (let i = lowerBound(terms, prefix); i < terms.length && terms[i]!.startsWith(prefix); i++) found.push(terms[i]!);
  return found;
}

/** Every term within `maxDistance` edits (Levenshtein) of `term`, as MiniSearch's `fuzzyGet` finds them. */
export function neighbours({ terms }: TermDictionary, term: string, maxDistance: number): string[] {
  const found: string[] = [];
  for (const candidate of terms) {
    if (Math.abs(candidate.length - term.length) > maxDistance) continue;
    const near = maxDistance === 1 ? withinOneEdit(term, candidate) : editDistance(term, candidate, maxDistance) <= maxDistance;
    if (near) found.push(candidate);
  }
  return found;
}

/** Whether one substitution, insertion or deletion (or none) turns `a` into `b`: the common case, in one pass. */
function withinOneEdit(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (a.length === b.length) return i === a.length || a.slice(i + 1) === b.slice(i + 1);
  if (a.length + 1 === b.length) return a.slice(i) === b.slice(i + 1);
  return a.length === b.length + 1 && a.slice(i + 1) === b.slice(i);
}

/** The edit distance of two strings, or `max + 1` once it is known to exceed `max`. */
function editDistance(a: string, b: string, max: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      best = Math.min(best, row[j]!);
    }
    if (best > max) return max + 1;
    previous = row;
  }
  return previous[b.length]!;
}

/** The dictionary after `delta` (articles gained or lost per term); terms left in no article go. */
export function withDelta(dictionary: TermDictionary, delta: Map<string, number>): TermDictionary {
  const fresh = [...delta.keys()].filter((term) => !hasTerm(dictionary, term)).sort();
  const terms: string[] = [];
  const counts: number[] = [];
  const keep = (term: string, n: number) => {
    if (n <= 0) return;
    terms.push(term);
    counts.push(n);
  };
  let f = 0;
  dictionary.terms.forEach((term, i) => {
    while (f < fresh.length && fresh[f]! < term) keep(fresh[f]!, delta.get(fresh[f++]!)!);
    keep(term, dictionary.counts[i]! + (delta.get(term) ?? 0));
  });
  while (f < fresh.length) keep(fresh[f]!, delta.get(fresh[f++]!)!);
  return { terms, counts };
}

/** Reads the stored form (`terms` joined by newlines); throws `CorruptTermIndexError` unless strictly ascending and matched by counts. */
export function readDictionary(joined: string, counts: Uint32Array): TermDictionary {
  const terms = joined === '' ? [] : joined.split('\n');
  if (terms.length !== counts.length) throw new CorruptTermIndexError('search index: the dictionary has not one count per term');
  for (let i = 1; i < terms.length; i++) {
    if (!(terms[i - 1]! < terms[i]!)) throw new CorruptTermIndexError(`search index: the dictionary is out of order at ${i}`);
  }
  return { terms, counts: Array.from(counts) };
}
