import type { ParsedQuery } from '../../shared/search/parse-query.ts';
import { planQuery } from '../../shared/search/query-plan.ts';
import { wordSpecs } from './word-specs.ts';
import { completions, hasTerm, neighbours, type TermDictionary } from './term-dictionary.ts';

export interface QueryTerms {
  terms: Set<string>;
}

/**
 * Every index term a parsed query can reach, found as MiniSearch finds them in its own
 * tree (`findCandidates` runs the query): each plain word, its completions when `planQuery`
 * completes it, its one-typo neighbours when it forgives a typo, and the exact terms of phrases
 * and exclusions. The AND and OR runs of a query plan the same prefixes and typos.
 */
export function queryTerms(dictionary: TermDictionary, parsed: ParsedQuery): QueryTerms {
  const found = new Set<string>();
  const exact = (term: string) => hasTerm(dictionary, term) && found.add(term);
  for (const { term, prefix, maxDistance } of wordSpecs(planQuery(parsed.words))) {
    exact(term);
    if (prefix) for (const key of completions(dictionary, term)) found.add(key);
    if (maxDistance > 0) for (const key of neighbours(dictionary, term, maxDistance)) found.add(key);
  }
  for (const phrase of parsed.phrases) phrase.terms.forEach(exact);
  for (const term of parsed.excludeTerms) term.split(' ').forEach(exact);
  return { terms: found };
}
