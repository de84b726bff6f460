import { useCallback, useEffect, useState } from 'react';
import type { Article } from '../../lib/protocol.ts';
import { request } from '../../lib/platform/messaging.ts';

export type ArticleState =
  | { status: 'loading' }
  | { status: 'ready'; article: Article }
  | { status: 'missing' }
  | { status: 'error'; message: string };

export interface LoadedArticle {
  state: ArticleState;
  /** Asks the background again (after an edit, or after an undone delete put the article back). */
  reload(): void;
}

/** Loads an article from the collection; a null id (none or malformed in the URL) is missing. */
export function useArticle(id: number | null): LoadedArticle {
  const [state, setState] = useState<ArticleState>(id === null ? { status: 'missing' } : { status: 'loading' });
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    if (id === null) return;
    let mounted = true;
    request('getArticle', { id }).then(
      (article) => mounted && setState(article ? { status: 'ready', article } : { status: 'missing' }),
      (error: unknown) =>
        mounted &&
        setState({ status: 'error', message: error instanceof Error && error.message ? error.message : 'Cairn could not load this article.' }),
    );
    return () => {
      mounted = false;
    };
  }, [id, asked]);

  const reload = useCallback(() => setAsked((n) => n + 1), []);
  return { state, reload };
}

/** The article id in `?id=`, or null unless it is a positive whole number. */
export function parseArticleId(value: string | null): number | null {
  if (value === null || !/^[1-9]\d*$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : null;
}
