import { useEffect, useState } from 'react';
import type { SearchResult } from '../protocol.ts';
import { request } from '../platform/messaging.ts';
import { describeError } from '../shared/text/describe-error.ts';

/** Wait after the last keystroke before searching, in milliseconds. */
export const SEARCH_DELAY_MS = 80;
/** Most results asked of the background. */
export const SEARCH_LIMIT = 20;

export interface SearchState {
  /** The query the result or error answers; it lags behind the box while a search is under way. */
  answered: string;
  result: SearchResult | null;
  error: string | null;
}

const NOTHING: SearchState = { answered: '', result: null, error: null };

/**
 * Searches as the user types (the popup's and the side panel's box): waits `SEARCH_DELAY_MS` after the last change, and only the answer
 * to the latest query is ever kept, whatever order the answers arrive in. A blank query is not
 * sent. The query goes as typed: a trailing space tells the background the last word is finished.
 */
export function useSearch(query: string): SearchState & { pending: boolean } {
  const [state, setState] = useState<SearchState>(NOTHING);
  const blank = query.trim() === '';

  useEffect(() => {
    if (blank) return;
    let latest = true;
    const timer = setTimeout(() => {
      request('search', { query, limit: SEARCH_LIMIT }).then(
        (result) => latest && setState({ answered: query, result, error: null }),
        (error: unknown) => latest && setState({ answered: query, result: null, error: describeError(error, 'Cairn could not search your collection.') }),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      latest = false;
      clearTimeout(timer);
    };
  }, [query, blank]);

  // A blank box shows nothing, whatever an earlier query answered.
  if (blank) return { ...NOTHING, pending: false };
  return { ...state, pending: state.answered !== query };
}
