import { useCallback, useState } from 'react';
import type { BackupArticle } from '../../lib/protocol.ts';
import { request } from '../../lib/platform/messaging.ts';
import { describeError } from '../../lib/shared/text/describe-error.ts';

export interface Notice {
  message: string;
  /** The articles a delete took away, while they can still be put back. */
  undo: readonly BackupArticle[] | null;
  error?: boolean;
}

export interface DeleteWithUndo {
  notice: Notice | null;
  busy: boolean;
  /** Deletes the articles; resolves once they are gone and the notice offers Undo. */
  remove(ids: readonly number[]): Promise<boolean>;
  /** Puts back the articles of the last delete, under their old ids. */
  undo(): Promise<void>;
  dismiss(): void;
}

function articles(n: number): string {
  return `${n.toLocaleString()} ${n === 1 ? 'article' : 'articles'}`;
}

/**
 * Deleting with a way back: the background answers a delete with the articles whole, which are
 * kept (in this page only) while the notice offers Undo; Undo restores them.
 */
export function useDeleteWithUndo(onChanged: (removed: readonly number[]) => void): DeleteWithUndo {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);

  const remove = useCallback(
    async (ids: readonly number[]) => {
      if (ids.length === 0) return false;
      setBusy(true);
      try {
        const { deleted } = await request('deleteArticles', { ids: [...ids] });
        onChanged(deleted.map((a) => a.id));
        setNotice({ message: `Deleted ${articles(deleted.length)}`, undo: deleted });
        return true;
      } catch (error) {
        setNotice({ message: describeError(error, 'Cairn could not delete these articles.'), undo: null, error: true });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [onChanged],
  );

  const undo = useCallback(async () => {
    const taken = notice?.undo;
    if (!taken) return;
    setBusy(true);
    try {
      const result = await request('restoreArticles', { batchId: crypto.randomUUID(), articles: [...taken] });
      const already = result.duplicates > 0 ? ` (${articles(result.duplicates)} already there)` : '';
      setNotice({ message: `Restored ${articles(result.added.length)}${already}`, undo: null });
      onChanged([]);
    } catch (error) {
      // Keep the articles: the user can try Undo again while the notice shows.
      setNotice({ message: describeError(error, 'Cairn could not put the articles back.'), undo: taken, error: true });
    } finally {
      setBusy(false);
    }
  }, [notice, onChanged]);

  const dismiss = useCallback(() => setNotice(null), []);

  return { notice, busy, remove, undo, dismiss };
}
