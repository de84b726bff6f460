import { useEffect, useId, useRef, type ChangeEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { MAX_FILE_BYTES } from '../../lib/shared/import/limits.ts';
import type { ImportSource } from '../../lib/shared/import/types.ts';
import { summarizeReports } from './describe-report.ts';
import { fileSource } from './file-source.ts';
import { ImportProgressBar } from './ImportProgressBar.tsx';
import { ImportReport } from './ImportReport.tsx';
import type { ImportState } from './use-import.ts';
import { isVisiblePath } from './walk-dropped-entries.ts';

/** What the file picker offers first; any other file can still be chosen, and is reported. */
const ACCEPT = '.txt,.text,.md,.markdown,.html,.htm,.json,.jsonl,.ndjson,.csv,.pdf';

export interface ImportPanelProps {
  importer: ImportState;
  locale: string;
  onStart(files: ImportSource[]): void;
}

/** Import files or a folder (or drop them on the page), watch the progress, read the report. */
export function ImportPanel({ importer, locale, onStart }: ImportPanelProps) {
  const id = useId();
  const running = importer.progress !== null;
  const reports = importer.rows.flatMap((row) => (row.report ? [row.report] : []));
  const chooseFiles = useRef<HTMLInputElement>(null);

  // `library.html#import` (the popup's Import, for an empty collection) starts at the file picker.
  useEffect(() => {
    if (location.hash === '#import') chooseFiles.current?.focus();
  }, []);

  function picked(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const files = [...(input.files ?? [])].filter((file) => isVisiblePath(file.webkitRelativePath || file.name));
    // Cleared, so that picking the same files again imports them again (and reports duplicates).
    input.value = '';
    if (files.length > 0) onStart(files.map((file) => fileSource(file, file.webkitRelativePath || undefined)));
  }

  return (
    <section className="panel" id="import" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Import files</h2>
      <p className="panel-hint" id={`${id}-limits`}>
        Files up to {MAX_FILE_BYTES / 2 ** 20} MB: .txt, .md, .html, .json, .jsonl, .csv, .pdf. A Cairn backup restores your whole collection. You can
        also drop files and folders anywhere on this page.
      </p>
      <div className="button-row">
        <label className={running ? 'button file-button is-disabled' : 'button file-button'}>
          Choose files…
          <input
            type="file"
            multiple
            ref={chooseFiles}
            accept={ACCEPT}
            className="visually-hidden"
            data-testid="library-file-input"
            aria-describedby={`${id}-limits`}
            disabled={running}
            onChange={picked}
          />
        </label>
        <label className={running ? 'button file-button is-disabled' : 'button file-button'}>
          Choose a folder…
          <input
            type="file"
            className="visually-hidden"
            data-testid="library-folder-input"
            aria-describedby={`${id}-limits`}
            disabled={running}
            ref={(input) => {
              if (input) input.webkitdirectory = true;
            }}
            onChange={picked}
          />
        </label>
      </div>
      {importer.progress && <ImportProgressBar progress={importer.progress} locale={locale} cancelling={importer.cancelling} onCancel={importer.cancel} />}
      <p role="status" className="visually-hidden">
        {!running && reports.length > 0 && `Import finished. ${summarizeReports(reports, locale)}`}
      </p>
      {importer.error && <ErrorAlert message={importer.error} testId="import-error" />}
      <ImportReport
        rows={importer.rows}
        problems={importer.problems}
        running={running}
        locale={locale}
        onRetryFailed={importer.retryFailed}
        onChooseColumns={importer.chooseColumns}
      />
    </section>
  );
}
