import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleListing } from '../protocol.ts';
import { describeError } from '../shared/text/describe-error.ts';
import { onBackgroundEvent, request } from '../platform/messaging.ts';

/**
 * Wait between two readings of the list while changes keep coming: at least a second, three times
 * what the last reading took, and never more than three seconds (the last change of an import is
 * shown that soon at the latest; with ten times and no cap, a slow reading on a busy machine left
 * the count wrong for over ten seconds).
 */
const MIN_PAUSE_MS = 1000;
const MAX_PAUSE_MS = 3000;
const PAUSE_FACTOR = 3;

export interface ArticleListingState {
  /** Every article without its body; null until the background answered. */
  articles: readonly ArticleListing[] | null;
  /** The collection revision the list was read at. */
  revision: number;
  error: string | null;
  /** Asks for the list again (after a change this page made). */
  reload(): void;
  /** Shows a change this page made (an edit, a delete) at once, until the next list arrives. */
  patch(change: (articles: readonly ArticleListing[]) => readonly ArticleListing[]): void;
  /**
   * While held, announced changes are not read; the list is read once when the hold ends. An
   * import holds it: reading 10,000 rows again every few seconds took a second of the
   * background's time that the import needed (Cairn issue 10).
   */
  hold(held: boolean): void;
}

/**
 * The whole collection as the library lists it (`listArticles`), read again whenever the
 * background announces a newer revision (`collectionChanged`). Announcements that arrive while a
 * list is on its way are folded into one more request, so an import of many files does not ask
 * for the list once per file at the same time.
 */
export function useArticleListing(): ArticleListingState {
  const [state, setState] = useState<{ articles: readonly ArticleListing[] | null; revision: number; error: string | null }>({
    articles: null,
    revision: -1,
    error: null,
  });
  const revision = useRef(-1);
  const busy = useRef(false);
  const again = useRef(false);
  const live = useRef(true);
  const held = useRef(false);
  const missed = useRef(false);

  const reload = useCallback(function load() {
    if (busy.current) {
      again.current = true;
      return;
    }
    busy.current = true;
    const started = performance.now();
    request('listArticles', {})
      .then(
        (list) => {
          if (!live.current || list.revision < revision.current) return;
          revision.current = list.revision;
          setState({ articles: list.articles, revision: list.revision, error: null });
        },
        (error: unknown) => live.current && setState((prev) => ({ ...prev, error: describeError(error, 'Cairn could not list your collection.') })),
      )
      .finally(() => {
        // Changes announced meanwhile are read in one more request, after a pause that grows
        // with the list: during an import of thousands of files the page would otherwise spend
        // its time re-reading a long list after every file.
        const pause = Math.min(MAX_PAUSE_MS, Math.max(MIN_PAUSE_MS, PAUSE_FACTOR * (performance.now() - started)));
        setTimeout(() => {
          busy.current = false;
          if (again.current && live.current) {
            again.current = false;
            load();
          }
        }, pause);
      });
  }, []);

  const hold = useCallback(
    (on: boolean) => {
      held.current = on;
      if (!on && missed.current) {
        missed.current = false;
        reload();
      }
    },
    [reload],
  );

  const patch = useCallback((change: (articles: readonly ArticleListing[]) => readonly ArticleListing[]) => {
    setState((prev) => (prev.articles ? { ...prev, articles: change(prev.articles) } : prev));
  }, []);

  useEffect(() => {
    live.current = true;
    const stop = onBackgroundEvent(['collectionChanged'], ({ data }) => {
      if (data.revision <= revision.current) return;
      if (held.current) missed.current = true;
      else reload();
    });
    reload();
    return () => {
      live.current = false;
      stop();
    };
  }, [reload]);

  return { ...state, reload, patch, hold };
}
