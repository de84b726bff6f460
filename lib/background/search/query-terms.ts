import type { ParsedQuery } from '../../shared/search/parse-query.ts';
import { planQuery } from '../../shared/search/query-plan.ts';
import { completions, hasTerm, neighbours, type TermDictionary } from './term-dictionary.ts';

export interface QueryTerms {
  terms: Set<string>;
  /** The words completed as prefixes: every term starting with one of them is in `terms`. */
  prefixes: string[];
}

/**
 * Every index term a parsed query can reach, found as MiniSearch finds them in its own
 * tree (`findCandidates` runs the query): each plain word, its completions when `planQuery`
 * completes it, its one-typo neighbours when it forgives a typo, and the exact terms of phrases
 * and exclusions. The AND and OR runs of a query plan the same prefixes and typos.
 */
export function queryTerms(dictionary: TermDictionary, parsed: ParsedQuery): QueryTerms {
  const found = new Set<string>();
  const prefixes: string[] = [];
  const exact = (term: string) => hasTerm(dictionary, term) && found.add(term);
  const { terms, options } = planQuery(parsed.words);
  terms.forEach((term, i) => {
    exact(term);
    const prefix = typeof options.prefix === 'function' ? options.prefix(term, i, terms) : options.prefix;
    if (prefix) {
      prefixes.push(term);
      for (const key of completions(dictionary, term)) found.add(key);
    }
    const fuzzy = typeof options.fuzzy === 'function' ? options.fuzzy(term, i, terms) : options.fuzzy;
    const distance = fuzzy === true ? 0.2 : fuzzy || 0;
    const maxDistance = distance < 1 ? Math.min(options.maxFuzzy ?? 6, Math.round(term.length * distance)) : distance;
    if (maxDistance > 0) for (const key of neighbours(dictionary, term, maxDistance)) found.add(key);
  });
  for (const phrase of parsed.phrases) phrase.terms.forEach(exact);
  for (const term of parsed.excludeTerms) term.split(' ').forEach(exact);
  return { terms: found, prefixes };
}
