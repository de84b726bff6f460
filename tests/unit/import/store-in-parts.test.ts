import { describe, expect, it } from 'vitest';
import type { ImportResult, ParsedArticle } from '../../../lib/protocol.ts';
import { runImport, type ImportDeps } from '../../../lib/shared/import/run-import.ts';
import type { FileReading } from '../../../lib/shared/import/types.ts';
import { memoryFile } from '../../import-corpus/memory-file.ts';

const articles: ParsedArticle[] = Array.from({ length: 2_500 }, (_, i) => ({ title: `Notice ${i}`, body: `Ferry notice number ${i}.` }));

function deps(reading: FileReading, failAt?: number) {
  const requests: number[] = [];
  let nextId = 1;
  const d: ImportDeps = {
    read: async () => reading,
    store: async ({ files }) => {
      if (requests.length === failAt) throw new Error('The disk is full.');
      requests.push(files[0]!.articles.length);
      return files.map((file) => ({ added: file.articles.map(() => nextId++), duplicates: 0, duplicateOf: [] }) satisfies ImportResult);
    },
    restore: async () => ({ added: [], duplicates: 0, duplicateOf: [] }),
    restoreSettings: async () => undefined,
    newBatchId: () => `batch-${nextId}-${requests.length}`,
  };
  return { d, requests };
}

describe('runImport with a file of many articles (Cairn issues 8 and 10)', () => {
  it('stores it in parts small enough not to hold up the page, and reports the file once', async () => {
    const { d, requests } = deps({ kind: 'articles', format: 'jsonl', articles, notes: [] });

    const [report] = await runImport([memoryFile('notices.jsonl', 'x')], d);

    expect(requests).toEqual([500, 500, 500, 500, 500]);
    expect(report).toMatchObject({ outcome: 'imported', added: 2_500 });
  });

  it('says how much was stored when a later part fails', async () => {
    const { d } = deps({ kind: 'articles', format: 'jsonl', articles, notes: [] }, 1);

    const [report] = await runImport([memoryFile('notices.jsonl', 'x')], d);

    expect(report).toMatchObject({ outcome: 'failed', added: 500, retryable: true });
    expect(report?.reason).toBe('The disk is full. (500 of its 2,500 articles were stored; import the file again to add the rest)');
  });
});
