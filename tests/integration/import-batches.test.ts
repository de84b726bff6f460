import { describe, expect, it, vi } from 'vitest';
import type { ImportResult, ParsedArticle, SearchResult } from '../../lib/protocol.ts';
import { BATCH_ARTICLES } from '../../lib/shared/import/batch-store.ts';
import { runImport, type ImportDeps } from '../../lib/shared/import/run-import.ts';
import type { FileReading } from '../../lib/shared/import/types.ts';
import { memoryFile } from '../import-corpus/memory-file.ts';
import { useApps, type Started } from './app-harness.ts';

// Cairn issue 10: imports go to the background in batches of hundreds of articles, one
// transaction each, and the answer does not wait for the search index.

const apps = useApps();

const notice = (n: number): ParsedArticle => ({ title: `Ferry notice ${n}`, body: `The night ferry ${n} sails from pier ${n} at dawn, quarvintel ${n}.` });

const storedCount = (s: Started) => s.db.articles.count();
const revisionOf = async (s: Started) => ((await s.db.meta.get('revision'))?.value as number | undefined) ?? 0;
const importFiles = (s: Started, batchId: string, files: { fileName: string; articles: unknown[] }[]) => s.ask<ImportResult[]>('importFiles', { batchId, files });

/** runImport over the real background, with the readings given per file name. */
function importDeps(s: Started, readings: Record<string, FileReading>, sent: string[][] = []): ImportDeps {
  let batches = 0;
  return {
    read: async (file) => readings[file.name]!,
    store: async (batch) => {
      sent.push(batch.files.map((file) => `${file.fileName}:${file.articles.length}`));
      return importFiles(s, batch.batchId, batch.files);
    },
    restore: (batch) => s.ask('restoreArticles', batch),
    restoreSettings: async () => undefined,
    newBatchId: () => `import-batch-${++batches}`,
  };
}

describe('importFiles', () => {
  it('stores the files of a batch in one go, with a result per file, and search finds them as soon as it answers', async () => {
    const s = apps.start();
    await s.app.ready;
    const before = await storedCount(s);

    const results = await importFiles(s, 'batch-files-0001', [
      { fileName: 'a.txt', articles: [notice(1)] },
      { fileName: 'b.jsonl', articles: [notice(2), notice(3)] },
    ]);
    const found = await s.ask<SearchResult>('search', { query: 'quarvintel' });

    expect(results.map((r) => r.added.length)).toEqual([1, 2]);
    expect(await storedCount(s)).toBe(before + 3);
    expect(found.total).toBe(3);
  });

  it('refuses a bad article alone and stores the good ones around it', async () => {
    const s = apps.start();
    await s.app.ready;
    const before = await storedCount(s);

    const [first, second] = await importFiles(s, 'batch-bad-row-01', [
      { fileName: 'mixed.jsonl', articles: [notice(1), { title: '', body: 'No title here.' }, notice(2), { title: 'Link', body: 'x', url: 'javascript:alert(1)' }] },
      { fileName: 'fine.txt', articles: [notice(3)] },
    ]);

    expect(first!.added).toHaveLength(2);
    expect(first!.refused).toEqual([
      { index: 1, reason: 'the title is empty' },
      { index: 3, reason: 'the URL must be an http or https address' },
    ]);
    expect(second!.added).toHaveLength(1);
    expect(second!.refused).toBeUndefined();
    expect(await storedCount(s)).toBe(before + 3);
  });

  it('answers a repeated batch id with the first answer and stores nothing twice', async () => {
    const s = apps.start();
    await s.app.ready;
    const files = [{ fileName: 'notes.jsonl', articles: [notice(1), notice(2), { title: 'Bad', body: '' }] }];
    const first = await importFiles(s, 'batch-repeat-01', files);
    const count = await storedCount(s);
    const revision = await revisionOf(s);

    const again = await importFiles(s, 'batch-repeat-01', files);

    expect(again).toEqual(first);
    expect(await storedCount(s)).toBe(count);
    expect(await revisionOf(s)).toBe(revision);
  });

  it('stores each article whole or not at all: a write that fails midway leaves nothing, and asking again stores it once', async () => {
    const s = apps.start();
    await s.app.ready;
    const before = await storedCount(s);
    const revision = await revisionOf(s);
    const files = [{ fileName: 'notes.jsonl', articles: [notice(1), notice(2)] }];
    // The library rows are written after the articles, in the same transaction.
    const failing = vi.spyOn(s.db.listing, 'bulkPut').mockRejectedValueOnce(new Error('disk went away'));

    await expect(importFiles(s, 'batch-atomic-01', files)).rejects.toThrow('disk went away');
    failing.mockRestore();

    expect(await storedCount(s)).toBe(before);
    expect(await s.db.listing.count()).toBe(before);
    expect(await revisionOf(s)).toBe(revision);
    const results = await importFiles(s, 'batch-atomic-01', files);
    expect(results[0]!.added).toHaveLength(2);
    expect(await storedCount(s)).toBe(before + 2);
    expect(await s.db.listing.count()).toBe(before + 2);
  });

  it('keeps answering searches while batches are being stored', async () => {
    const s = apps.start();
    await s.app.ready;

    const importing = Promise.all(
      [1, 2, 3].map((k) => importFiles(s, `batch-busy-000${k}`, [{ fileName: `${k}.jsonl`, articles: Array.from({ length: 50 }, (_, i) => notice(k * 100 + i)) }])),
    );
    const during = await s.ask<SearchResult>('search', { query: 'quarvintel' });
    await importing;
    const after = await s.ask<SearchResult>('search', { query: 'quarvintel' });

    expect(during.total).toBeLessThanOrEqual(150);
    expect(after.total).toBe(150);
  });
});

describe('runImport over the background', () => {
  it('sends hundreds of articles per request, a big file across several, and reports each file once', async () => {
    const s = apps.start();
    await s.app.ready;
    const before = await storedCount(s);
    const big = Array.from({ length: 1_200 }, (_, i) => notice(i));
    const sent: string[][] = [];
    const deps = importDeps(s, {
      'small-1.txt': { kind: 'articles', format: 'txt', articles: [notice(5_001)], notes: [] },
      'big.jsonl': { kind: 'articles', format: 'jsonl', articles: big, notes: ['line 9: not JSON; left out'] },
      'small-2.txt': { kind: 'articles', format: 'txt', articles: [notice(5_002)], notes: [] },
    }, sent);

    const reports = await runImport(['small-1.txt', 'big.jsonl', 'small-2.txt'].map((name) => memoryFile(name, 'x')), deps);

    expect(sent).toEqual([
      ['small-1.txt:1', `big.jsonl:${BATCH_ARTICLES - 1}`],
      [`big.jsonl:${BATCH_ARTICLES}`],
      [`big.jsonl:${1_200 - 2 * BATCH_ARTICLES + 1}`, 'small-2.txt:1'],
    ]);
    expect(reports.map((r) => [r.name, r.outcome, r.added])).toEqual([
      ['small-1.txt', 'imported', 1],
      ['big.jsonl', 'imported', 1_200],
      ['small-2.txt', 'imported', 1],
    ]);
    expect(reports[1]!.notes).toEqual(['line 9: not JSON; left out']);
    expect(new Set(reports.flatMap((r) => r.ids)).size).toBe(1_202);
    expect(await storedCount(s)).toBe(before + 1_202);
  });

  it('names the rows the background refused, keeps the rest, and fails a file only when nothing in it could be kept', async () => {
    const s = apps.start();
    await s.app.ready;
    // Readings a tampered page could hand over: the background checks every article again.
    const deps = importDeps(s, {
      'mixed.jsonl': { kind: 'articles', format: 'jsonl', articles: [notice(1), { title: 'Empty', body: '   ' }, notice(2)], notes: [] },
      'broken.jsonl': { kind: 'articles', format: 'jsonl', articles: [{ title: '', body: 'Text without a title.' }], notes: [] },
      'again.txt': { kind: 'articles', format: 'txt', articles: [notice(1)], notes: [] },
    });

    const reports = await runImport(['mixed.jsonl', 'broken.jsonl', 'again.txt'].map((name) => memoryFile(name, 'x')), deps);

    expect(reports[0]).toMatchObject({ outcome: 'imported', added: 2, notes: ['article 2: the text is empty; left out'] });
    expect(reports[1]).toMatchObject({ outcome: 'failed', added: 0, reason: 'article 1: the title is empty' });
    expect(reports[1]!.retryable).toBeUndefined();
    expect(reports[2]).toMatchObject({ outcome: 'duplicate', added: 0, duplicates: 1 });
  });

  it('asks again with the same batch id after a lost answer, and the collection holds each article once', async () => {
    const s = apps.start();
    await s.app.ready;
    const before = await storedCount(s);
    const deps = importDeps(s, { 'notes.jsonl': { kind: 'articles', format: 'jsonl', articles: [notice(1), notice(2)], notes: [] } });
    const store = deps.store;
    let lost = false;
    deps.store = async (batch) => {
      const results = await store(batch);
      if (!lost) {
        lost = true;
        // Stored, then the worker stopped before its answer reached the page.
        throw new Error('The message port closed before a response was received.');
      }
      return results;
    };

    const [report] = await runImport([memoryFile('notes.jsonl', 'x')], deps);

    expect(report).toMatchObject({ outcome: 'imported', added: 2 });
    expect(await storedCount(s)).toBe(before + 2);
  });
});
