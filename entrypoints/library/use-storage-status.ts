import { useCallback, useEffect, useState } from 'react';

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
  persist(): Promise<void>;
}

/**
 * How much room the collection takes (`navigator.storage.estimate()`) and whether it is safe from
 * the browser's clean-ups (`persisted()` / `persist()`). Read again when `revision` changes.
 */
export function useStorageStatus(revision: number): StorageStatus {
  const [state, setState] = useState<Omit<StorageStatus, 'persist'>>({
    usage: null,
    quota: null,
    persisted: null,
    granted: null,
    busy: false,
    error: null,
  });

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

  return { ...state, persist };
}
