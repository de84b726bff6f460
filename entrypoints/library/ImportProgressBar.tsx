import type { ImportProgress } from '../../lib/shared/import/run-import.ts';
import { formatBytes } from './format-size.ts';
import { formatNumber } from '../../lib/shared/text/format-number.ts';

export interface ImportProgressBarProps {
  progress: ImportProgress;
  locale: string;
  cancelling: boolean;
  onCancel(): void;
}

/** How far an import has come (files, articles, megabytes), with the button that stops it. */
export function ImportProgressBar({ progress, locale, cancelling, onCancel }: ImportProgressBarProps) {
  const { filesDone, filesTotal, articlesAdded, bytesDone, bytesTotal } = progress;
  const files = `${formatNumber(filesDone, locale)} of ${formatNumber(filesTotal, locale)} ${filesTotal === 1 ? 'file' : 'files'}`;
  const added = `${formatNumber(articlesAdded, locale)} ${articlesAdded === 1 ? 'article' : 'articles'} added`;
  const bytes = bytesTotal === undefined ? formatBytes(bytesDone, locale) : `${formatBytes(bytesDone, locale)} of ${formatBytes(bytesTotal, locale)}`;
  const fraction = filesTotal > 0 ? filesDone / filesTotal : 0;
  const now = describeNow(progress, locale);
  return (
    <div className="import-progress">
      <div
        role="progressbar"
        className="progress-track"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={filesTotal}
        aria-valuenow={filesDone}
        aria-valuetext={`${files}, ${added}`}
        data-testid="import-progress"
      >
        <div className="progress-fill" style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
      </div>
      <div className="import-progress-line">
        <span>
          {files} · {added} · {bytes}
          {now && <span className="import-progress-now"> · {now}</span>}
        </span>
        <button type="button" className="button" data-testid="import-cancel" disabled={cancelling} onClick={onCancel}>
          {cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      </div>
    </div>
  );
}

/** A file that takes a while on its own: say what Cairn is doing with it. */
function describeNow({ now }: ImportProgress, locale: string): string | null {
  if (!now) return null;
  if (now.stage === 'reading') return `reading ${now.file}…`;
  const what = `${formatNumber(now.articles, locale)} ${now.articles === 1 ? 'article' : 'articles'}`;
  return now.files === 1 ? `storing ${what}…` : `storing ${what} from ${formatNumber(now.files, locale)} files…`;
}
