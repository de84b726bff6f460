// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { GetPdfDocument } from '../../lib/shared/import/parse-pdf.ts';
import { readImportFile } from '../../lib/shared/import/read-import-file.ts';
import { runImport } from '../../lib/shared/import/run-import.ts';
import type { ImportResult } from '../../lib/protocol.ts';
import { makeCorpus } from '../import-corpus/make-corpus.ts';
import { fixHappyDomForDomPurify } from '../unit/import/happy-dom-fixes.ts';
import { useApps } from './app-harness.ts';

fixHappyDomForDomPurify();
const apps = useApps();
const getPdfDocument: GetPdfDocument = (params) => getDocument(params).promise;

describe('the bad-input corpus, imported through the background', () => {
  it('stores every good file whole, nothing of a bad one, and loses no document', async () => {
    const corpus = await makeCorpus();
    const s = apps.start();
    await s.app.ready;
    let batches = 0;
    let crashes = 0;

    const reports = await runImport(
      corpus.map((c) => c.file),
      {
        read: (file, options) => readImportFile(file, { getPdfDocument }, options),
        store: (batch) => s.ask<ImportResult[]>('importFiles', batch),
        restore: (batch) => s.ask<ImportResult>('restoreArticles', batch),
        restoreSettings: async (settings) => void (await s.ask('restoreSettings', { settings })),
        newBatchId: () => `corpus-batch-${++batches}`,
      },
    ).catch((error: unknown) => {
      crashes += 1;
      throw error;
    });

    const stored = await s.db.articles.toArray();
    const problems: string[] = [];
    let partialWrites = 0;
    let documentsLost = 0;
    reports.forEach((report, i) => {
      const { expect: expected, articles, note } = corpus[i]!;
      const found = report.ids.filter((id) => stored.some((a) => a.id === id)).length;
      if (found !== report.added) partialWrites += 1;
      if ((report.outcome === 'failed' || report.outcome === 'skipped') && report.added > 0) partialWrites += 1;
      const kept = report.added + report.duplicates;
      if (expected === 'articles' && (kept === 0 || (articles !== undefined && kept < articles))) {
        documentsLost += 1;
        problems.push(`${note}: ${report.outcome}${report.reason ? ` (${report.reason})` : ''}, ${kept} of ${articles ?? '?'} articles kept`);
      }
    });
    console.log(`import corpus through storage: ${corpus.length} files tried, ${crashes} crashes, ${partialWrites} partial writes, ${documentsLost} documents lost`);

    expect(reports).toHaveLength(corpus.length);
    expect(problems).toEqual([]);
    expect({ crashes, partialWrites, documentsLost }).toEqual({ crashes: 0, partialWrites: 0, documentsLost: 0 });
    expect(stored.every((a) => a.title.trim() !== '' && a.body.trim() !== '' && !/<script|onerror=/i.test(a.body))).toBe(true);
    expect('polluted' in Object.prototype).toBe(false);
  }, 180_000);
});
