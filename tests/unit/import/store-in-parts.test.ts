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
      requests.push(files.reduce((sum, file) => sum + file.articles.length, 0));
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

/** A reader that hands `articles` over 400 at a time, a moment apart, then ends with `end`. */
function streamingRead(end: FileReading, log: string[]): ImportDeps['read'] {
  return async (_file, _options, onArticles) => {
    for (let start = 0; start < articles.length; start += 400) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push(`read ${start}`);
      onArticles!(articles.slice(start, start + 400));
    }
    log.push('read done');
    return end;
  };
}

describe('runImport with a file read as a stream (Cairn issue 10)', () => {
  it('stores its articles while the rest of the file is still being read, and reports the file once with its notes', async () => {
    const log: string[] = [];
    const { d, requests } = deps({ kind: 'failed', reason: 'unused' });
    const store = d.store;
    d.store = (request) => (log.push('store'), store(request));
    d.read = streamingRead({ kind: 'articles', format: 'jsonl', articles: [], notes: ['line 7: not valid JSON; left out'] }, log);

    const [report] = await runImport([memoryFile('notices.jsonl', 'x')], d);

    expect(log.indexOf('store')).toBeLessThan(log.indexOf('read done'));
    expect(requests).toEqual([500, 500, 500, 500, 500]);
    expect(report).toMatchObject({ outcome: 'imported', added: 2_500, notes: ['line 7: not valid JSON; left out'] });
  });

  it('stores what was read before the reading failed, and says how much', async () => {
    const { d, requests } = deps({ kind: 'failed', reason: 'unused' });
    d.read = streamingRead({ kind: 'failed', reason: 'Cairn could not read this file: it changed on disk', retry: true }, []);

    const [report] = await runImport([memoryFile('notices.jsonl', 'x')], d);

    expect(requests.reduce((sum, n) => sum + n, 0)).toBe(2_500);
    expect(report).toMatchObject({ outcome: 'failed', added: 2_500, retryable: true });
    expect(report?.reason).toBe('Cairn could not read this file: it changed on disk (2,500 of its 2,500 articles were stored; import the file again to add the rest)');
  });
});
