import type { SearchOptions } from 'minisearch';
import { tokenize } from '../text/tokenize.ts';
import { FIELD_BOOSTS } from './search-options.ts';
import { indexTerm } from './index-terms.ts';

/** Shortest word that is searched with one typo allowed. */
export const MIN_FUZZY_LENGTH = 5;
/**
 * Shortest word that is completed as a prefix while typing. Two letters expand to a large share
 * of the vocabulary (measured: the two-letter keystroke was the slowest query, 1.2 s p95 at
 * 50,000 articles; from three letters the mix p95 fell by half or more, docs/benchmarks.md).
 */
export const MIN_PREFIX_LENGTH = 3;

export interface QueryPlan {
  /** The query's index terms, in order; empty when it has none (only stop words, punctuation). */
  terms: string[];
  /** MiniSearch options for this query. */
  options: SearchOptions;
}

/**
 * Works out how to run a query typed into a search box. Only the word being typed (the last
 * one, unless the query ends in a space) is completed as a prefix: the earlier words are
 * finished, and expanding each of them would make long queries slow and vague. Words of five
 * letters or more tolerate one typo: shorter ones have too many neighbours ("read" is one letter
 * from "road").
 */
export function planQuery(query: string, combineWith: 'AND' | 'OR' = 'AND'): QueryPlan {
  const terms = tokenize(query)
    .map((token) => indexTerm(token.term))
    .filter((term): term is string => term !== null);
  const typing = !/\s$/.test(query);
  const last = terms.length - 1;
  return {
    terms,
    options: {
      combineWith,
      boost: { ...FIELD_BOOSTS },
      prefix: (term, index) => typing && index === last && term.length >= MIN_PREFIX_LENGTH,
      fuzzy: (term) => (term.length >= MIN_FUZZY_LENGTH ? 1 : false),
      maxFuzzy: 1,
    },
  };
}
