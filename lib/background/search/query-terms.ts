import type SearchableMap from 'minisearch/SearchableMap';
import type { ParsedQuery } from '../../shared/search/parse-query.ts';
import { planQuery } from '../../shared/search/query-plan.ts';

/** Every term of the index, with how many articles hold it: in memory, a radix tree like MiniSearch's own. */
export type TermDictionary = SearchableMap<number>;

/**
 * Every index term a parsed query can reach, found the way MiniSearch finds them in its own
 * tree (`findCandidates` runs the query): each plain word, its completions when `planQuery`
 * completes it, its one-typo neighbours when it forgives a typo, and the exact terms of phrases
 * and exclusions. The AND and OR runs of a query plan the same prefixes and typos.
 */
export function queryTerms(dictionary: TermDictionary, parsed: ParsedQuery): Set<string> {
  const found = new Set<string>();
  const exact = (term: string) => dictionary.has(term) && found.add(term);
  const { terms, options } = planQuery(parsed.words);
  terms.forEach((term, i) => {
    exact(term);
    const prefix = typeof options.prefix === 'function' ? options.prefix(term, i, terms) : options.prefix;
    if (prefix) for (const key of dictionary.atPrefix(term).keys()) found.add(key);
    const fuzzy = typeof options.fuzzy === 'function' ? options.fuzzy(term, i, terms) : options.fuzzy;
    const distance = fuzzy === true ? 0.2 : fuzzy || 0;
    const maxDistance = distance < 1 ? Math.min(options.maxFuzzy ?? 6, Math.round(term.length * distance)) : distance;
    if (maxDistance > 0) for (const key of dictionary.fuzzyGet(term, maxDistance).keys()) found.add(key);
  });
  for (const phrase of parsed.phrases) phrase.terms.forEach(exact);
  for (const term of parsed.excludeTerms) term.split(' ').forEach(exact);
  return found;
}
