import type { FileReport } from '../../lib/shared/import/run-import.ts';
import { formatNumber } from '../../lib/shared/text/format-number.ts';

function plural(n: number, one: string, many: string, locale: string): string {
  return `${formatNumber(n, locale)} ${n === 1 ? one : many}`;
}

/** What happened to one file, in a few words: "imported 12 articles, 3 duplicates". */
export function describeOutcome(report: FileReport, locale: string): string {
  switch (report.outcome) {
    case 'imported': {
      const dup = report.duplicates > 0 ? `, ${plural(report.duplicates, 'duplicate', 'duplicates', locale)} left out` : '';
      return `imported ${plural(report.added, 'article', 'articles', locale)}${dup}`;
    }
    case 'duplicate':
      return report.duplicates > 1 ? `all ${formatNumber(report.duplicates, locale)} articles already in your collection` : 'already in your collection';
    case 'skipped':
      return `skipped: ${report.reason ?? 'nothing to import'}`;
    case 'failed':
      return `failed: ${report.reason ?? 'it could not be read'}`;
  }
}

/** The report in one line: "8 files: 5 imported (120 articles), 1 duplicate, 1 skipped, 1 failed." */
export function summarizeReports(reports: readonly FileReport[], locale: string): string {
  const count = { imported: 0, duplicate: 0, skipped: 0, failed: 0 };
  let added = 0;
  for (const report of reports) {
    count[report.outcome] += 1;
    added += report.added;
  }
  const parts: string[] = [];
  if (count.imported > 0) parts.push(`${formatNumber(count.imported, locale)} imported (${plural(added, 'article', 'articles', locale)})`);
  if (count.duplicate > 0) parts.push(`${formatNumber(count.duplicate, locale)} already in your collection`);
  if (count.skipped > 0) parts.push(`${formatNumber(count.skipped, locale)} skipped`);
  if (count.failed > 0) parts.push(`${formatNumber(count.failed, locale)} failed`);
  return `${plural(reports.length, 'file', 'files', locale)}: ${parts.join(', ') || 'nothing to do'}.`;
}
