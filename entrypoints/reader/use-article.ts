import { useEffect, useState } from 'react';
import type { Article } from '../../lib/protocol.ts';
import { request } from '../../lib/platform/messaging.ts';

export type ArticleState =
  | { status: 'loading' }
  | { status: 'ready'; article: Article }
  | { status: 'missing' }
  | { status: 'error'; message: string };

/** Loads an article from the collection; a null id (none or malformed in the URL) is missing. */
export function useArticle(id: number | null): ArticleState {
  const [state, setState] = useState<ArticleState>(id === null ? { status: 'missing' } : { status: 'loading' });

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
  }, [id]);

  return state;
}

/** The article id in `?id=`, or null unless it is a positive whole number. */
export function parseArticleId(value: string | null): number | null {
  if (value === null || !/^[1-9]\d*$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : null;
}
