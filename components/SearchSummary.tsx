import type { SearchResult } from '../lib/protocol.ts';
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
 * background stopped counting), or, when none did, says so with the search syntax as a hint, and
 * what of the query was not understood (`before:2024-13`).
 */
export function SearchSummary({ result, pending, locale }: SearchSummaryProps) {
  if (!result) return null;
  const shown = result.hits.length;
  if (shown === 0) {
    if (pending) return null;
    const [problem] = parseQuery(result.query).problems;
    const hint = (
      <>
        {problem && <span className="search-problem" data-testid="search-problem">{problem} </span>}
        <SyntaxHint />
      </>
    );
    return <EmptyState testId="empty-results" message={`No articles match “${result.query.trim()}”.`} hint={hint} />;
  }
  const total = `${result.totalAtLeast ? 'at least ' : ''}${result.total.toLocaleString(locale)}`;
  const count = result.total > shown || result.totalAtLeast ? `${shown.toLocaleString(locale)} of ${total} articles` : `${total} ${shown === 1 ? 'article' : 'articles'}`;
  return (
    <p className="list-caption" data-testid="result-count" aria-live="polite">
      {count}
    </p>
  );
}
