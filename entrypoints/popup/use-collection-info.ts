import { useEffect, useState } from 'react';
import type { CollectionInfo } from '../../lib/protocol.ts';
import { request } from '../../lib/platform/messaging.ts';
import { useCollectionChanges } from '../../lib/ui/use-collection-changes.ts';
import { errorMessage } from './error-message.ts';

/** How many recently added articles the popup lists under an empty search box. */
export const RECENT_LIMIT = 8;

/** The collection's size and latest articles, asked when the popup opens and after each change. */
export function useCollectionInfo(): { info: CollectionInfo | null; error: string | null } {
  const [state, setState] = useState<{ info: CollectionInfo | null; error: string | null }>({ info: null, error: null });
  const changes = useCollectionChanges();

  useEffect(() => {
    let mounted = true;
    request('collectionInfo', { recentLimit: RECENT_LIMIT }).then(
      (info) => mounted && setState({ info, error: null }),
      (error: unknown) => mounted && setState({ info: null, error: errorMessage(error) }),
    );
    return () => {
      mounted = false;
    };
  }, [changes]);

  return state;
}
