import { useEffect, useState } from 'react';
import { useLatest } from '../../lib/ui/use-latest.ts';
import type { ImportSource } from '../../lib/shared/import/types.ts';
import { fileSource } from './file-source.ts';
import { walkDroppedEntries, type DroppedEntry } from './walk-dropped-entries.ts';

/**
 * Files and folders dropped anywhere on the page, handed to `onDrop` with their paths once the
 * folders have been walked. `dragging` is true while files are held over the page.
 */
export function useFileDrop(onDrop: (files: ImportSource[], problems: string[]) => void, enabled: boolean): { dragging: boolean } {
  const [dragging, setDragging] = useState(false);
  const latest = useLatest({ onDrop, enabled });

  useEffect(() => {
    let depth = 0;
    const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

    function enter(event: DragEvent) {
      if (!carriesFiles(event)) return;
      depth += 1;
      setDragging(true);
    }
    function over(event: DragEvent) {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = latest.current.enabled ? 'copy' : 'none';
    }
    function leave(event: DragEvent) {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    }
    function drop(event: DragEvent) {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      if (!latest.current.enabled || !event.dataTransfer) return;
      // The items can only be read during the event itself: take the entries now, walk them after.
      const items = [...event.dataTransfer.items].filter((item) => item.kind === 'file');
      const entries = items.map((item) => item.webkitGetAsEntry?.() ?? null);
      if (entries.length > 0 && entries.every((entry) => entry !== null)) {
        void walkDroppedEntries(entries as DroppedEntry[]).then(({ files, problems }) =>
          latest.current.onDrop(
            files.map(({ file, path }) => fileSource(file, path)),
            problems,
          ),
        );
      } else {
        latest.current.onDrop([...event.dataTransfer.files].map((file) => fileSource(file)), []);
      }
    }

    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [latest]);

  return { dragging };
}
