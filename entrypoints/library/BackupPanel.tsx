import { useId, useState } from 'react';
import { backupFileName, exportBackup } from '../../lib/shared/import/export-backup.ts';
import { request } from '../../lib/platform/messaging.ts';
import { describeError } from '../../lib/shared/text/describe-error.ts';
import { downloadBlob } from './download-blob.ts';
import { formatNumber } from '../../lib/shared/text/format-number.ts';

/** Articles asked for per export request. */
const EXPORT_PAGE = 500;

type Status = { text: string; failed?: boolean } | null;

function articles(n: number, locale: string): string {
  return `${formatNumber(n, locale)} ${n === 1 ? 'article' : 'articles'}`;
}

/** Save the whole collection to a file, and bring back the default articles. */
export function BackupPanel({ locale, onChanged }: { locale: string; onChanged(): void }) {
  const [exporting, setExporting] = useState<number | null>(null);
  const [exported, setExported] = useState<Status>(null);
  const [restoring, setRestoring] = useState(false);
  const [restored, setRestored] = useState<Status>(null);
  const id = useId();

  async function exportAll() {
    setExporting(0);
    setExported(null);
    try {
      const now = new Date();
      const settings = await request('linkingSettings', {});
      const { blob, count } = await exportBackup({
        fetchPage: (afterId) => request('exportArticles', { afterId, limit: EXPORT_PAGE }),
        settings,
        now,
        onProgress: setExporting,
      });
      const name = backupFileName(now);
      downloadBlob(blob, name);
      setExported({ text: `Saved ${articles(count, locale)} to ${name}.` });
    } catch (error) {
      setExported({ text: describeError(error, 'Cairn could not export your collection.'), failed: true });
    } finally {
      setExporting(null);
    }
  }

  async function restoreSeeds() {
    setRestoring(true);
    setRestored(null);
    try {
      const { added, duplicates } = await request('restoreDefaultSeeds', {});
      setRestored({
        text:
          added.length > 0
            ? `Added ${articles(added.length, locale)} of the default collection back.`
            : `All ${formatNumber(duplicates, locale)} default articles are already in your collection.`,
      });
      onChanged();
    } catch (error) {
      setRestored({ text: describeError(error, 'Cairn could not restore the default collection.'), failed: true });
    } finally {
      setRestoring(false);
    }
  }

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Backup</h2>
      <p className="panel-hint">One file with every article, its tags and your settings. Import it here to restore them.</p>
      <div className="button-row">
        <button type="button" className="button" data-testid="export-button" disabled={exporting !== null} onClick={() => void exportAll()}>
          {exporting === null ? 'Export the collection' : `Exporting… ${articles(exporting, locale)}`}
        </button>
      </div>
      <p role="status" className={exported?.failed ? 'panel-status is-failed' : 'panel-status'} data-testid="export-result">
        {exported?.text}
      </p>
      <div className="button-row">
        <button type="button" className="button" data-testid="restore-seeds-button" disabled={restoring} onClick={() => void restoreSeeds()}>
          {restoring ? 'Restoring…' : 'Restore the default collection'}
        </button>
      </div>
      <p role="status" className={restored?.failed ? 'panel-status is-failed' : 'panel-status'} data-testid="restore-seeds-result">
        {restored?.text}
      </p>
    </section>
  );
}
