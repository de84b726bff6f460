import { useEffect, useState } from 'react';
import { request } from '../../lib/platform/messaging.ts';
import { describeError } from '../../lib/shared/text/describe-error.ts';

/** How long typing must pause before the library searches, in milliseconds. */
export const SEARCH_DELAY_MS = 150;

const NONE: readonly number[] = [];

export interface SearchIds {
  /** The matching ids, best first; null while the box is empty (the list keeps its sort). */
  ids: readonly number[] | null;
  /** A newer query than the one `ids` answers is on its way. */
  pending: boolean;
  error: string | null;
}

/**
 * The library's search box: asks the background for the ids matching `query` once typing paused,
 * and again when the collection changes (`revision`). Only the latest answer is kept.
 */
export function useSearchIds(query: string, revision: number): SearchIds {
  const trimmed = query.trim();
  const [state, setState] = useState<{ query: string; revision: number; ids: readonly number[] | null; error: string | null }>({
    query: '',
    revision,
    ids: null,
    error: null,
  });

  useEffect(() => {
    if (trimmed === '') return;
    let latest = true;
    const timer = setTimeout(() => {
      request('searchIds', { query: trimmed }).then(
        ({ ids }) => latest && setState({ query: trimmed, revision, ids, error: null }),
        (error: unknown) =>
          latest && setState((prev) => ({ ...prev, query: trimmed, revision, error: describeError(error, 'Cairn could not search your collection.') })),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      latest = false;
      clearTimeout(timer);
    };
  }, [trimmed, revision]);

  if (trimmed === '') return { ids: null, pending: false, error: null };
  const answered = state.query === trimmed && state.revision === revision;
  // Until the first answer, show no rows rather than the whole unsorted collection flashing by.
  return { ids: state.ids ?? NONE, pending: !answered, error: state.query === trimmed ? state.error : null };
}
