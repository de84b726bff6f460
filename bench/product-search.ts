import type MiniSearch from 'minisearch';
import type { SearchOptions, SearchResult } from 'minisearch';
import { makeSnippet } from '../lib/background/search/make-snippet.ts';
import { markTerms } from '../lib/background/search/mark-terms.ts';
import { planQuery } from '../lib/shared/search/query-plan.ts';
import type { IndexedDocument } from '../lib/shared/search/search-options.ts';
import type { BenchArticle } from './make-articles.ts';

/** How many hits the popup shows, and so how many snippets it makes. */
export const HIT_LIMIT = 20;

/**
 * A change to the product's query plan, for trying a design idea against the same queries;
 * `current` is the product as it is.
 */
export interface SearchVariant {
  name: string;
  /** Shortest last word completed as a prefix (the product: `MIN_PREFIX_LENGTH`). */
  minPrefix?: number;
  /** Search without typo tolerance first; allow one typo only when that finds nothing. */
  fuzzyOnlyAsFallback?: boolean;
}

export const CURRENT: SearchVariant = { name: 'current' };

export interface TimedSearch {
  /** Planning and searching, with the AND → OR fallback. */
  searchMs: number;
  /** The same plus the title marks and body snippets of the top hits. */
  withSnippetsMs: number;
  total: number;
}

/**
 * Runs a query the way `runSearch` in `lib/background/search-engine.ts` does, without the database:
 * every word required first, any word if that finds nothing; then marks and snippets for the
 * top hits, whose text comes from `articleById` instead of IndexedDB.
 */
export function timeProductSearch(
  index: MiniSearch<IndexedDocument>,
  articleById: (id: number) => BenchArticle,
  query: string,
  variant: SearchVariant = CURRENT,
): TimedSearch {
  const start = performance.now();
  const results = search(index, query, variant);
  const searched = performance.now();
  for (const result of results.slice(0, HIT_LIMIT)) {
    const article = articleById(result.id as number);
    const terms = new Set(result.terms);
    markTerms(article.title, terms);
    makeSnippet(article.body, terms);
  }
  const done = performance.now();
  return { searchMs: searched - start, withSnippetsMs: done - start, total: results.length };
}

function search(index: MiniSearch<IndexedDocument>, query: string, variant: SearchVariant): SearchResult[] {
  const and = planQuery(query, 'AND');
  if (and.terms.length === 0) return [];
  const attempts: SearchOptions[] = variant.fuzzyOnlyAsFallback
    ? [adjust(and.options, variant, { fuzzy: false }), adjust(and.options, variant)]
    : [adjust(and.options, variant)];
  if (and.terms.length > 1) attempts.push(adjust(planQuery(query, 'OR').options, variant));
  let results: SearchResult[] = [];
  for (const options of attempts) {
    results = index.search(query, options);
    if (results.length > 0) break;
  }
  return results;
}

function adjust(options: SearchOptions, variant: SearchVariant, { fuzzy = true } = {}): SearchOptions {
  const { minPrefix } = variant;
  const prefix = options.prefix;
  return {
    ...options,
    prefix:
      minPrefix === undefined || typeof prefix !== 'function'
        ? prefix
        : (term, i, terms) => term.length >= minPrefix && prefix(term, i, terms),
    fuzzy: fuzzy ? options.fuzzy : false,
  };
}
