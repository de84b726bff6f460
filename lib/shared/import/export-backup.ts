import type { BackupArticle, LinkingSettings } from '../../protocol.ts';
import { BACKUP_FORMAT, BACKUP_VERSION } from './backup-format.ts';

export interface ExportDeps {
  /** One page of the collection in id order, after `afterId` (the `exportArticles` request). */
  fetchPage(afterId: number): Promise<{ articles: BackupArticle[]; done: boolean }>;
  settings: LinkingSettings;
  now: Date;
  /** Called after each page with the number of articles written so far. */
  onProgress?(written: number): void;
  signal?: AbortSignal;
}

/**
 * Writes the whole collection as one JSON document (see `Backup`), page by page: the JSON of each
 * article goes into the blob as it arrives, so a large collection is never one giant string.
 */
export async function exportBackup({ fetchPage, settings, now, onProgress, signal }: ExportDeps): Promise<{ blob: Blob; count: number }> {
  const head = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), settings };
  const parts: string[] = [`${JSON.stringify(head).slice(0, -1)},"articles":[\n`];
  let count = 0;
  let afterId = 0;
  for (;;) {
    signal?.throwIfAborted();
    const page = await fetchPage(afterId);
    for (const article of page.articles) {
      parts.push(`${count > 0 ? ',\n' : ''}${JSON.stringify(article)}`);
      count += 1;
      afterId = Math.max(afterId, article.id);
    }
    onProgress?.(count);
    if (page.done || page.articles.length === 0) break;
  }
  parts.push('\n]}\n');
  return { blob: new Blob(parts, { type: 'application/json' }), count };
}

/** `cairn-backup-2026-11-23.json`, in the user's local date. */
export function backupFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `cairn-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}
