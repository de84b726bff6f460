import type MiniSearch from 'minisearch';
import type { IndexedDocument } from '../lib/shared/search/search-options.ts';
import type { BenchArticle } from './make-articles.ts';
import { timeProductSearch, type SearchVariant, type TimedSearch } from './product-search.ts';
import type { BenchQuery, QueryKind } from './queries.ts';
import type { QuerySetResult } from './results.ts';
import { percentiles } from './stats.ts';

/**
 * Runs the query set twice in a row, the way the popup would, and keeps both runs: the first
 * warms the JIT and caches, the second is the one reported; their difference shows the noise.
 */
export function measureQuerySet(
  index: MiniSearch<IndexedDocument>,
  articleById: (id: number) => BenchArticle,
  queries: readonly BenchQuery[],
  variant: SearchVariant,
): QuerySetResult {
  const run = () => queries.map((q) => timeProductSearch(index, articleById, q.text, variant));
  const first = run();
  const second = run();
  const kinds = [...new Set(queries.map((q) => q.kind))];
  const byKind: QuerySetResult['byKind'] = {};
  if (kinds.length > 1) {
    for (const kind of kinds) byKind[kind] = summarise(second.filter((_, i) => queries[i]!.kind === kind));
  }
  return {
    search: [percentiles(first.map((t) => t.searchMs)), percentiles(second.map((t) => t.searchMs))],
    withSnippets: [percentiles(first.map((t) => t.withSnippetsMs)), percentiles(second.map((t) => t.withSnippetsMs))],
    ...(kinds.length > 1 ? { byKind } : {}),
    meanMatches: second.reduce((n, t) => n + t.total, 0) / Math.max(1, second.length),
    emptyShare: second.filter((t) => t.total === 0).length / Math.max(1, second.length),
  };
}

function summarise(timings: TimedSearch[]): NonNullable<QuerySetResult['byKind']>[QueryKind] {
  return {
    search: percentiles(timings.map((t) => t.searchMs)),
    withSnippets: percentiles(timings.map((t) => t.withSnippetsMs)),
  };
}
