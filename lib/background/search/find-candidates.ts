import MiniSearch, { type Query, type SearchOptions, type SearchResult } from 'minisearch';
import type { ParsedQuery } from '../../shared/search/parse-query.ts';
import { planQuery } from '../../shared/search/query-plan.ts';
import { hasFieldFilters } from '../../shared/search/field-filters.ts';
import type { SearchIndex } from './snapshot.ts';
import { topMatches, type TopMatches } from './top-matches.ts';

/** Exact terms only: the words of a phrase or an exclusion are never completed or corrected. */
const EXACT: SearchOptions = { prefix: false, fuzzy: false, combineWith: 'AND' };
/** Terms that are index terms already, so they are not tokenized or stemmed a second time. */
const AS_TERMS: SearchOptions = { tokenize: (text) => text.split(' '), processTerm: (term) => term };

/**
 * The articles that may match a parsed query, best first, and how many there are. A query of
 * plain words only (what the popup sends while the user types) is ranked by `topMatches`, which
 * gives the same scores but describes only the best `wanted`; any other query gets every
 * candidate, from `miniSearchCandidates`, for the caller to check.
 */
export function findCandidates(index: SearchIndex, parsed: ParsedQuery, wanted: number): TopMatches {
  const plain = parsed.phrases.length === 0 && parsed.excludeTerms.length === 0 && parsed.excludePhrases.length === 0 && !hasFieldFilters(parsed.filters);
  if (plain) {
    const all = planQuery(parsed.words, 'AND');
    const found = topMatches(index, all, wanted);
    if (found && (found.total > 0 || all.terms.length <= 1)) return found;
    const any = found && topMatches(index, planQuery(parsed.words, 'OR'), wanted);
    if (any) return any;
  }
  const results = miniSearchCandidates(index, parsed);
  return { results, total: results.length };
}

/**
 * The articles that may match a parsed query, best first, as MiniSearch's own `search` finds them: every plain word (the last one
 * completed as a prefix while typing, long ones forgiven a typo; if that finds nothing, any
 * plain word), every word of each phrase, and none of the excluded terms. Whether the phrases
 * really occur, and the `source:`, `tag:` and date filters, are for the caller to check on the
 * articles. A query of filters or exclusions only starts from the whole collection.
 */
export function miniSearchCandidates(index: SearchIndex, parsed: ParsedQuery): SearchResult[] {
  const all = planQuery(parsed.words, 'AND');
  const phrases: Query[] = parsed.phrases.map((phrase) => ({ ...EXACT, ...AS_TERMS, queries: [phrase.terms.join(' ')] }));
  const anything = parsed.excludeTerms.length > 0 || parsed.excludePhrases.length > 0 || hasFieldFilters(parsed.filters);
  if (all.terms.length === 0 && phrases.length === 0 && !anything) return [];

  const run = (plan: ReturnType<typeof planQuery>) => {
    const parts: Query[] = [...(plan.terms.length > 0 ? [{ ...plan.options, queries: [parsed.words] }] : []), ...phrases];
    const positive: Query = parts.length === 0 ? MiniSearch.wildcard : { combineWith: 'AND', queries: parts };
    const query: Query =
      parsed.excludeTerms.length === 0
        ? positive
        : { combineWith: 'AND_NOT', queries: [positive, { ...EXACT, ...AS_TERMS, combineWith: 'OR', queries: parsed.excludeTerms }] };
    return index.search(query, { boost: plan.options.boost });
  };

  const results = run(all);
  if (results.length > 0 || all.terms.length <= 1) return results;
  return run(planQuery(parsed.words, 'OR'));
}
