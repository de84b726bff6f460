import { memo } from 'react';
import type { FileReport } from '../../lib/shared/import/run-import.ts';
import type { ReadOptions } from '../../lib/shared/import/types.ts';
import { CsvColumnChooser } from './CsvColumnChooser.tsx';
import { describeOutcome, summarizeReports } from './describe-report.ts';
import type { ImportRow } from './use-import.ts';
import { formatNumber } from '../../lib/shared/text/format-number.ts';

export interface ImportReportProps {
  rows: readonly ImportRow[];
  problems: readonly string[];
  running: boolean;
  locale: string;
  onRetryFailed(): void;
  onChooseColumns(index: number, columns: NonNullable<ReadOptions['csvColumns']>): void;
}

/** Notes listed per file; a CSV with thousands of bad rows would otherwise bury the page. */
const MAX_NOTES = 100;

/** While an import runs, the latest files are listed, and every file that did not simply import. */
const RECENT_WHILE_RUNNING = 10;

/**
 * Laying out a report of thousands of rows after every batch was most of the time a large
 * import took; the whole report is drawn once, when the import ends.
 */
function shownWhileRunning(report: FileReport, index: number, lastReported: number): boolean {
  return report.outcome !== 'imported' || report.notes.length > 0 || index > lastReported - RECENT_WHILE_RUNNING;
}

const ICONS: Record<FileReport['outcome'], string> = { imported: '✓', duplicate: '=', skipped: '–', failed: '✕' };

/**
 * What became of every file of the last import, a line each, with the notes folded away, the
 * columns to choose for a CSV that needs them, and a button to try again the failed files a retry
 * may mend.
 */
export function ImportReport({ rows, problems, running, locale, onRetryFailed, onChooseColumns }: ImportReportProps) {
  const reports = rows.flatMap((row) => (row.report ? [row.report] : []));
  if (reports.length === 0 && problems.length === 0) return null;
  // Only failures a second try can mend are offered one: not a syntax error (issue 11).
  const failed = reports.filter((r) => r.outcome === 'failed' && r.retryable === true).length;
  const lastReported = rows.findLastIndex((row) => row.report !== null);
  return (
    <div className="import-report" data-testid="import-report">
      {!running && reports.length > 0 && (
        <p className="import-summary" data-testid="import-summary">
          {summarizeReports(reports, locale)}
        </p>
      )}
      {problems.length > 0 && (
        <ul className="import-problems">
          {problems.map((problem) => (
            <li key={problem}>Not read: {problem}</li>
          ))}
        </ul>
      )}
      <ul className="report-rows">
        {rows.map(
          ({ report }, index) =>
            report &&
            (!running || shownWhileRunning(report, index, lastReported)) && (
              <ReportRow key={index} report={report} index={index} running={running} locale={locale} onChooseColumns={onChooseColumns} />
            ),
        )}
      </ul>
      {failed > 0 && (
        <button type="button" className="button" data-testid="retry-failed" disabled={running} onClick={onRetryFailed}>
          Retry {failed === 1 ? 'the failed file' : `the ${formatNumber(failed, locale)} failed files`}
        </button>
      )}
    </div>
  );
}

interface ReportRowProps {
  report: FileReport;
  index: number;
  running: boolean;
  locale: string;
  onChooseColumns: ImportReportProps['onChooseColumns'];
}

// A row redraws only when its own report changes: an import of 10,000 files adds one row at a time.
const ReportRow = memo(function ReportRow({ report, index, running, locale, onChooseColumns }: ReportRowProps) {
  const where = report.path ?? report.name;
  const only = report.ids.length === 1 ? report.ids[0] : undefined;
  return (
    <li className={`report-row is-${report.outcome}`} data-testid="import-report-row" data-outcome={report.outcome} data-name={report.name}>
      <div className="report-line">
        <span className="report-icon" aria-hidden="true">
          {ICONS[report.outcome]}
        </span>
        <span className="report-name" title={where}>
          {where}
        </span>
        <span className="report-outcome">
          {describeOutcome(report, locale)}
          {only !== undefined && (
            <>
              {' · '}
              <a href={`reader.html?id=${only}`} target="_blank" rel="noopener">
                open
              </a>
            </>
          )}
        </span>
      </div>
      {report.notes.length > 0 && (
        <details className="report-notes">
          <summary>
            {formatNumber(report.notes.length, locale)} {report.notes.length === 1 ? 'note' : 'notes'}
          </summary>
          <ul>
            {report.notes.slice(0, MAX_NOTES).map((note, i) => (
              <li key={i}>{note}</li>
            ))}
            {report.notes.length > MAX_NOTES && <li>…and {formatNumber(report.notes.length - MAX_NOTES, locale)} more</li>}
          </ul>
        </details>
      )}
      {report.headers && report.headers.length > 0 && (
        <CsvColumnChooser headers={report.headers} disabled={running} onChoose={(columns) => onChooseColumns(index, columns)} />
      )}
    </li>
  );
});
