import { useEffect, useState } from 'react';
import type { ArticleRelations } from '../../lib/protocol.ts';
import { request } from '../../lib/platform/messaging.ts';
import { describeError } from '../../lib/shared/text/describe-error.ts';
import { useCollectionChanges } from '../../lib/ui/use-collection-changes.ts';

export type RelationsState =
  | { status: 'loading' }
  | { status: 'ready'; relations: ArticleRelations }
  | { status: 'error'; message: string };

/**
 * The articles that share phrases with article `id` (`relatedArticles`), asked again when the
 * collection changes; a null id asks nothing.
 */
export function useRelatedArticles(id: number | null): RelationsState {
  const revision = useCollectionChanges();
  const [state, setState] = useState<RelationsState & { id: number | null }>({ status: 'loading', id: null });

  useEffect(() => {
    if (id === null) return;
    let latest = true;
    request('relatedArticles', { id }).then(
      (relations) => latest && setState({ status: 'ready', relations, id }),
      (error: unknown) =>
        latest && setState({ status: 'error', message: describeError(error, 'Cairn could not find the related articles.'), id }),
    );
    return () => {
      latest = false;
    };
  }, [id, revision]);

  return state.id === id ? state : { status: 'loading' };
}
