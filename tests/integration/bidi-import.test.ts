import { describe, expect, it } from 'vitest';
import type { ArticleListing, BackupArticle, ImportResult, PageImportResult } from '../../lib/protocol.ts';
import { readImportFile } from '../../lib/shared/import/read-import-file.ts';
import { runImport } from '../../lib/shared/import/run-import.ts';
import { memoryFile } from '../import-corpus/memory-file.ts';
import { useApps, type Started } from './app-harness.ts';

// Cairn issue 8: a right-to-left override makes "invoice\u202Etxt.exe" display as "invoiceexe.txt".
const RLO = '\u202e';
const BODY = 'The harbour authority confirmed that the night ferry will resume service next month.';
const apps = useApps();

async function titles(s: Started): Promise<ArticleListing[]> {
  return (await s.ask<{ articles: ArticleListing[] }>('listArticles', {})).articles.filter((row) => row.origin !== 'seed');
}

describe('bidirectional controls, through the real background', () => {
  it('come back stripped from a file imported by the library page', async () => {
    const s = apps.start();
    const file = memoryFile('bidi.json', JSON.stringify({ title: `invoice${RLO}txt.exe`, author: `Ana\u2067 Lima\u2069`, source: `\u200fHarbour`, tags: [`ferry${RLO}`, 'Ferry'], body: BODY }));

    const [report] = await runImport([file], {
      read: (source) => readImportFile(source, {}),
      store: (batch) => s.ask<ImportResult[]>('importFiles', batch),
      restore: (batch) => s.ask<ImportResult>('restoreArticles', batch),
      restoreSettings: async () => undefined,
      newBatchId: () => 'bidi-batch-0001',
    });

    expect(report?.outcome).toBe('imported');
    expect(await titles(s)).toMatchObject([{ title: 'invoicetxt.exe', author: 'Ana Lima', source: 'Harbour', tags: ['ferry'] }]);
  });

  it('are stripped by the background from what a page sends unchecked', async () => {
    const s = apps.start({ pages: { 7: { title: `Cables${RLO} news`, body: `${BODY} \u202dend`, url: 'https://news.example/a' } } });

    const pasted = await s.ask<ImportResult>('importArticles', {
      batchId: 'bidi-paste-0001',
      origin: 'paste',
      articles: [{ title: `paste${RLO}fdp.exe`, body: `עברית\u200f ${BODY}`, tags: [`a\u2066b`] }],
    });
    const page = await s.ask<PageImportResult>('importPage', { tabId: 7 });

    expect(pasted.added).toHaveLength(1);
    expect(page).toMatchObject({ outcome: 'added', title: 'Cables news' });
    const stored = await s.db.articles.bulkGet([pasted.added[0]!, (page as { id: number }).id]);
    expect(stored.map((a) => a?.title)).toEqual(['pastefdp.exe', 'Cables news']);
    expect(stored[0]?.tags).toEqual(['ab']);
    // A right-to-left mark in a body is legitimate Hebrew or Arabic punctuation: kept.
    expect(stored[0]?.body).toContain('\u200f');
    expect(stored[1]?.body).not.toMatch(/[\u202a-\u202e]/);
  });

  it('are stripped from a restored backup and from the editor’s changes', async () => {
    const s = apps.start();
    const article: BackupArticle = { id: 40, origin: 'file', importedAt: 1, title: `backup${RLO}gpj.exe`, body: BODY, author: '\u2068Bo\u2069' };

    await s.ask<ImportResult>('restoreArticles', { batchId: 'bidi-restore-01', articles: [article] });
    const edited = await s.ask<ArticleListing>('updateArticle', { id: 40, changes: { source: `Times${RLO}`, tags: [' rail ', `Rail${RLO}`, '\u200eports'] } });

    expect(edited).toMatchObject({ title: 'backupgpj.exe', author: 'Bo', source: 'Times', tags: ['rail', 'ports'] });
  });
});
