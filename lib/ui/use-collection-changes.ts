import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { BackgroundEvent } from '../protocol.ts';

type CollectionChanged = Extract<BackgroundEvent, { type: 'collectionChanged' }>;

/** The newest collection revision the background announced since the page opened (0 before any). */
export function useCollectionChanges(): number {
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    // Returns nothing: this page never answers messages, the background does.
    function onMessage(message: unknown): undefined {
      if (isCollectionChanged(message)) {
        const next = message.revision;
        setRevision((current) => Math.max(current, next));
      }
    }
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);
  return revision;
}

/** The background's announcement that the collection changed (see `BackgroundEvent`). */
export function isCollectionChanged(message: unknown): message is CollectionChanged {
  const event = message as Partial<CollectionChanged> | null;
  return typeof event === 'object' && event !== null && event.type === 'collectionChanged' && typeof event.revision === 'number';
}
