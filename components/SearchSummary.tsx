import type { SearchResult } from '../lib/protocol.ts';
import { noMatchHint } from '../lib/shared/search/no-match-hint.ts';
import { parseQuery } from '../lib/shared/search/parse-query.ts';
import { EmptyState } from './EmptyState.tsx';
import { SyntaxHint } from './SyntaxHint.tsx';

export interface SearchSummaryProps {
  result: SearchResult | null;
  /** A newer query than the one `result` answers is on its way. */
  pending: boolean;
  locale: string;
}

/**
 * The line above search results: how many articles matched ("20 of at least 500" when the
 * background stopped counting), or, when none did, says so with what of the query was not
 * understood (`before:2024-13`) or what to try, and the search syntax on one line.
 */
export function SearchSummary({ result, pending, locale }: SearchSummaryProps) {
  if (!result) return null;
  const shown = result.hits.length;
  if (shown === 0) {
    if (pending) return null;
    return <EmptyState testId="empty-results" message={`No articles match “${result.query.trim()}”.`} hint={<NoMatchHint query={result.query} />} />;
  }
  const total = `${result.totalAtLeast ? 'at least ' : ''}${result.total.toLocaleString(locale)}`;
  const count = result.total > shown || result.totalAtLeast ? `${shown.toLocaleString(locale)} of ${total} articles` : `${total} ${shown === 1 ? 'article' : 'articles'}`;
  return (
    <p className="list-caption" data-testid="result-count" aria-live="polite">
      {count}
    </p>
  );
}

/**
 * Under "no articles match": what the query had that Cairn could not read, else what to try
 * (keep typing, check the spelling), then the search syntax in one line.
 */
export function NoMatchHint({ query }: { query: string }) {
  const [problem] = parseQuery(query).problems;
  return (
    <>
      <span className="search-problem" data-testid={problem ? 'search-problem' : undefined}>
        {problem ?? noMatchHint(query)}{' '}
      </span>
      <SyntaxHint />
    </>
  );
}
