import { useCallback, useEffect, useState } from 'react';
import { request } from '../../lib/platform/messaging.ts';
import type { DamagedArticle, IndexMemory, LinkingStatus } from '../../lib/protocol.ts';

/** How often the panel asks again while linking still has articles to mine. */
const LINKING_POLL_MS = 2000;
/** How long the panel waits before asking again after the background failed to answer. */
const LINKING_RETRY_MS = 10_000;

export interface StorageStatus {
  /** Bytes used and available to this extension; null until known or where the browser will not say. */
  usage: number | null;
  quota: number | null;
  /** Whether the browser promised not to clear Cairn's data under storage pressure; null until known. */
  persisted: boolean | null;
  /** The answer to the last request for persistence, once asked. */
  granted: boolean | null;
  busy: boolean;
  error: string | null;
  /** Stored records Cairn cannot read: kept, but left out of search and linking (quarantined). */
  damaged: DamagedArticle[];
  /** What the search index holds in the background's memory; null until known. */
  index: IndexMemory | null;
  /** How far linking has got with the collection; null until known. */
  linking: LinkingStatus | null;
  persist(): Promise<void>;
  /** Deletes the damaged records listed. */
  deleteDamaged(): Promise<void>;
}

/**
 * How much room the collection takes (`navigator.storage.estimate()`) and whether it is safe from
 * the browser's clean-ups (`persisted()` / `persist()`). Read again when `revision` changes.
 */
export function useStorageStatus(revision: number): StorageStatus {
  const [state, setState] = useState<Omit<StorageStatus, 'persist' | 'deleteDamaged'>>({
    usage: null,
    quota: null,
    persisted: null,
    granted: null,
    busy: false,
    error: null,
    damaged: [],
    index: null,
    linking: null,
  });

  useEffect(() => {
    let live = true;
    request('indexStatus', {}).then(
      (status) => live && setState((prev) => ({ ...prev, damaged: status.damaged ?? [], index: status.memory ?? null })),
      () => undefined, // The collection's own error shows elsewhere; the panel keeps what it had.
    );
    return () => {
      live = false;
    };
  }, [revision]);

  // Linking's progress, asked again every two seconds while articles wait to be mined (a large
  // import), so the panel counts up to "all linked" without a reload.
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () =>
      request('linkingStatus', {}).then(
        (linking) => {
          if (!live) return;
          setState((prev) => ({ ...prev, linking }));
          if (linking.pending > 0) timer = setTimeout(ask, LINKING_POLL_MS);
        },
        // The panel keeps what it had, and asks again later: a worker that failed to answer may
        // be up again by then.
        () => {
          if (live) timer = setTimeout(ask, LINKING_RETRY_MS);
        },
      );
    void ask();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [revision]);

  useEffect(() => {
    const storage = navigator.storage;
    if (!storage) return;
    let live = true;
    Promise.all([storage.estimate?.().catch(() => null), storage.persisted?.().catch(() => null)]).then(([estimate, persisted]) => {
      if (!live) return;
      setState((prev) => ({
        ...prev,
        usage: estimate?.usage ?? prev.usage,
        quota: estimate?.quota ?? prev.quota,
        persisted: persisted ?? prev.persisted,
      }));
    });
    return () => {
      live = false;
    };
  }, [revision]);

  const persist = useCallback(async () => {
    setState((prev) => ({ ...prev, busy: true, error: null }));
    try {
      const granted = await navigator.storage.persist();
      setState((prev) => ({ ...prev, busy: false, granted, persisted: granted || prev.persisted }));
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : 'The browser would not say.';
      setState((prev) => ({ ...prev, busy: false, error: `Cairn could not ask for persistent storage: ${message}` }));
    }
  }, []);

  const { damaged } = state;
  const deleteDamaged = useCallback(async () => {
    const ids = damaged.map((record) => record.id);
    setState((prev) => ({ ...prev, busy: true, error: null }));
    try {
      await request('deleteDamagedArticles', { ids });
      // The collection changed: the library reloads, `revision` moves on and the list is read again.
      setState((prev) => ({ ...prev, busy: false, damaged: prev.damaged.filter((record) => !ids.includes(record.id)) }));
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : String(error);
      setState((prev) => ({ ...prev, busy: false, error: `Cairn could not delete the damaged records: ${message}` }));
    }
  }, [damaged]);

  return { ...state, persist, deleteDamaged };
}
