import { useEffect, useState } from 'react';
import { onBackgroundEvent } from '../platform/messaging.ts';

/** The newest collection revision the background announced since the page opened (0 before any). */
export function useCollectionChanges(): number {
  const [revision, setRevision] = useState(0);
  useEffect(
    () =>
      onBackgroundEvent(['collectionChanged'], ({ data }) => {
        setRevision((current) => Math.max(current, data.revision));
      }),
    [],
  );
  return revision;
}
