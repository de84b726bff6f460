import { useCallback, useEffect, useRef, useState } from 'react';
import { useLatest } from '../../lib/ui/use-latest.ts';
import { runImport, type FileReport, type ImportDeps, type ImportProgress } from '../../lib/shared/import/run-import.ts';
import type { ImportSource, ReadOptions } from '../../lib/shared/import/types.ts';
import { request } from '../../lib/platform/messaging.ts';
import { describeError } from '../../lib/shared/text/describe-error.ts';

export interface ImportRow {
  source: ImportSource;
  /** How the file ended; null until it has. */
  report: FileReport | null;
}

export interface ImportState {
  /** Every file of the latest import, in the order given. */
  rows: readonly ImportRow[];
  /** Files that could not even be listed (a dropped folder that would not open). */
  problems: readonly string[];
  /** Set while files are being imported. */
  progress: ImportProgress | null;
  /** Cancel was pressed; the file being stored finishes first. */
  cancelling: boolean;
  error: string | null;
  /** Imports these files, replacing the report of the last import. */
  start(files: readonly ImportSource[], problems?: readonly string[]): void;
  cancel(): void;
  /** Imports again the files that failed for a reason a retry may mend (`FileReport.retryable`). */
  retryFailed(): void;
  /** Reads the CSV at `index` again with the columns the user chose. */
  chooseColumns(index: number, columns: NonNullable<ReadOptions['csvColumns']>): void;
}

export type ReadFile = ImportDeps['read'];

/**
 * The library's import: runs `runImport` over the files with the background as the store, keeps
 * the progress and each file's report as they come, and lets the user cancel, retry what failed
 * and pick the columns of a CSV. `onChanged` is called after each run.
 */
export function useImport(read: ReadFile, onChanged: () => void): ImportState {
  const [rows, setRows] = useState<readonly ImportRow[]>([]);
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const latest = useLatest({ read, onChanged, rows });

  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(async (sources: readonly ImportSource[], indices: readonly number[], options?: (ReadOptions | undefined)[]) => {
    if (controller.current) return;
    const abort = new AbortController();
    controller.current = abort;
    setError(null);
    const pending = new Map<number, FileReport>();
    let frame: number | null = null;
    const flush = () => {
      frame = null;
      if (pending.size === 0) return;
      const done = new Map(pending);
      pending.clear();
      setRows((prev) => prev.map((row, i) => {
        const report = done.get(i);
        return report ? { ...row, report } : row;
      }));
    };
    try {
      await runImport(
        indices.map((i) => sources[i]!),
        {
          read: (file, readOptions) => latest.current.read(file, readOptions),
          store: (batch) => request('importFiles', batch),
          restore: (batch) => request('restoreArticles', batch),
          restoreSettings: async (settings) => {
            await request('restoreSettings', { settings });
          },
          newBatchId: () => crypto.randomUUID(),
          onProgress: setProgress,
          onReport: (report, k) => {
            // Reports are drawn once per frame, not once per file: thousands of small files
            // arrive faster than the page could redraw the whole list after each.
            pending.set(indices[k]!, report);
            frame ??= requestAnimationFrame(flush);
          },
          signal: abort.signal,
          options,
        },
      );
    } catch (failure) {
      setError(describeError(failure, 'The import stopped for a reason Cairn could not tell.'));
    } finally {
      if (frame !== null) cancelAnimationFrame(frame);
      flush();
      controller.current = null;
      setProgress(null);
      setCancelling(false);
      latest.current.onChanged();
    }
  }, [latest]);

  const start = useCallback(
    (files: readonly ImportSource[], found: readonly string[] = []) => {
      if (controller.current) return;
      setRows(files.map((source) => ({ source, report: null })));
      setProblems(found);
      void run(
        files,
        files.map((_, i) => i),
      );
    },
    [run],
  );

  const cancel = useCallback(() => {
    if (!controller.current) return;
    controller.current.abort();
    setCancelling(true);
  }, []);

  const retryFailed = useCallback(() => {
    const { rows: now } = latest.current;
    const failed = now.flatMap((row, i) => (row.report?.outcome === 'failed' && row.report.retryable === true ? [i] : []));
    if (failed.length > 0) void run(now.map((row) => row.source), failed);
  }, [run, latest]);

  const chooseColumns = useCallback(
    (index: number, csvColumns: NonNullable<ReadOptions['csvColumns']>) => {
      const { rows: now } = latest.current;
      if (now[index]) void run(now.map((row) => row.source), [index], [{ csvColumns }]);
    },
    [run, latest],
  );

  return { rows, problems, progress, cancelling, error, start, cancel, retryFailed, chooseColumns };
}
