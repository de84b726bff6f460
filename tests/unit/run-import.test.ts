import { describe, expect, it } from 'vitest';
import type { ImportResult, LinkingSettings, ParsedArticle } from '../../lib/protocol.ts';
import { BATCH_ARTICLES } from '../../lib/shared/import/batch-store.ts';
import { runImport, type ImportDeps, type ImportProgress } from '../../lib/shared/import/run-import.ts';
import type { FileReading, ImportSource } from '../../lib/shared/import/types.ts';
import { BACKUP_FORMAT } from '../../lib/shared/import/backup-format.ts';
import { DEFAULT_LINKING_SETTINGS } from '../../lib/shared/linking/site-policy.ts';

function source(name: string, size = 10): ImportSource {
  return { name, size, bytes: async () => new Uint8Array(size), head: async () => new Uint8Array(0) };
}

const article = (title: string): ParsedArticle => ({ title, body: `${title} text` });

/** A background that stores in memory, recognises text it has, and remembers batch ids. */
function fakeBackground(readings: Record<string, FileReading>) {
  const stored = new Map<string, number>();
  const batches = new Map<string, ImportResult[]>();
  const calls: string[] = [];
  let failNext = 0;
  function storeOne(articles: ParsedArticle[]): ImportResult {
    const result: ImportResult = { added: [], duplicates: 0, duplicateOf: [] };
    for (const a of articles) {
      const known = stored.get(a.body);
      if (known) {
        result.duplicates += 1;
        result.duplicateOf.push(known);
      } else {
        stored.set(a.body, stored.size + 1);
        result.added.push(stored.size);
      }
    }
    return result;
  }
  const deps: ImportDeps = {
    read: async (file) => {
      const reading = readings[file.name];
      if (!reading) throw new Error(`no fixture for ${file.name}`);
      return reading;
    },
    store: async ({ batchId, files }) => {
      calls.push(batchId);
      const results = batches.get(batchId) ?? files.map(({ articles }) => storeOne(articles));
      batches.set(batchId, results);
      if (failNext > 0) {
        failNext -= 1;
        // The worker stored the batch and then stopped before answering.
        throw new Error('The message port closed before a response was received.');
      }
      return results;
    },
    restore: async ({ batchId, articles }) => (await deps.store({ batchId, files: [{ fileName: 'backup', articles }] }))[0]!,
    restoreSettings: async () => undefined,
    newBatchId: (() => {
      let n = 0;
      return () => `batch-${++n}`;
    })(),
  };
  return { deps, stored, calls, failOnce: () => (failNext = 1) };
}

/** Presses cancel the moment the import starts reading `name`. */
function cancelWhenReading(deps: ImportDeps, name: string): void {
  const controller = new AbortController();
  const read = deps.read;
  deps.read = (file, options) => {
    if (file.name === name) controller.abort();
    return read(file, options);
  };
  deps.signal = controller.signal;
}

describe('runImport', () => {
  it('gives every file exactly one outcome, in order, and one bad file sinks no other', async () => {
    const { deps } = fakeBackground({
      'a.json': { kind: 'articles', format: 'json', articles: [article('A'), article('B')], notes: ['item 3: no text field'] },
      'b.txt': { kind: 'failed', reason: 'binary file' },
      'c.txt': { kind: 'articles', format: 'txt', articles: [article('A')], notes: [] },
      'd.docx': { kind: 'skipped', reason: 'unsupported file type (.docx)' },
      'e.csv': { kind: 'choose-columns', headers: ['x', 'y'], reason: 'which column holds the text?' },
    });
    const files = ['a.json', 'b.txt', 'c.txt', 'd.docx', 'e.csv', 'f.md'].map((name) => source(name));

    const reports = await runImport(files, deps);

    expect(reports.map((r) => [r.name, r.outcome, r.added, r.duplicates])).toEqual([
      ['a.json', 'imported', 2, 0],
      ['b.txt', 'failed', 0, 0],
      ['c.txt', 'duplicate', 0, 1],
      ['d.docx', 'skipped', 0, 0],
      ['e.csv', 'skipped', 0, 0],
      ['f.md', 'failed', 0, 0],
    ]);
    expect(reports[0]!.notes).toEqual(['item 3: no text field']);
    expect(reports[4]!.headers).toEqual(['x', 'y']);
    expect(reports[5]!.reason).toBe('no fixture for f.md');
  });

  it('asks again with the same batch id when the worker stopped before answering, storing nothing twice', async () => {
    const background = fakeBackground({ 'a.json': { kind: 'articles', format: 'json', articles: [article('A')], notes: [] } });
    background.failOnce();

    const [report] = await runImport([source('a.json')], background.deps);

    expect(report).toMatchObject({ outcome: 'imported', added: 1 });
    expect(background.calls).toEqual(['batch-1', 'batch-1']);
    expect(background.stored.size).toBe(1);
  });

  it('reports a file as failed with the background’s reason when storing is refused', async () => {
    const { deps } = fakeBackground({ 'a.json': { kind: 'articles', format: 'json', articles: [article('A')], notes: [] } });
    deps.store = async () => {
      throw Object.assign(new Error('Your browser has no more room for Cairn’s collection'), { name: 'StorageFullError' });
    };

    const [report] = await runImport([source('a.json')], deps);

    expect(report).toMatchObject({ outcome: 'failed', reason: 'Your browser has no more room for Cairn’s collection' });
  });

  it('stops at cancel: files not yet read are skipped as cancelled, what was read is stored', async () => {
    const { deps } = fakeBackground({
      'a.txt': { kind: 'articles', format: 'txt', articles: [article('A')], notes: [] },
      'b.txt': { kind: 'articles', format: 'txt', articles: [article('B')], notes: [] },
      'c.txt': { kind: 'articles', format: 'txt', articles: [article('C')], notes: [] },
    });
    cancelWhenReading(deps, 'b.txt');

    const reports = await runImport(['a.txt', 'b.txt', 'c.txt'].map((name) => source(name)), deps);

    expect(reports.map((r) => r.outcome)).toEqual(['imported', 'skipped', 'skipped']);
    expect(reports[2]!.reason).toBe('the import was cancelled before this file');
  });

  it('stores a file read before the cancel even when it fills a request, and reports every file once', async () => {
    const many = Array.from({ length: BATCH_ARTICLES }, (_, i) => article(`A${i}`));
    const { deps } = fakeBackground({
      'a.jsonl': { kind: 'articles', format: 'jsonl', articles: many, notes: [] },
      'b.txt': { kind: 'articles', format: 'txt', articles: [article('B')], notes: [] },
    });
    cancelWhenReading(deps, 'b.txt');
    const reported: string[] = [];
    deps.onReport = (report) => reported.push(report.name);

    const reports = await runImport([source('a.jsonl'), source('b.txt')], deps);

    expect(reports.map((r) => [r.outcome, r.added])).toEqual([['imported', BATCH_ARTICLES], ['skipped', 0]]);
    expect(reported).toEqual(['a.jsonl', 'b.txt']);
  });

  it('counts files, articles and bytes as it goes', async () => {
    const { deps } = fakeBackground({
      'a.txt': { kind: 'articles', format: 'txt', articles: [article('A'), article('B')], notes: [] },
      'b.txt': { kind: 'skipped', reason: 'empty' },
    });
    const seen: ImportProgress[] = [];
    deps.onProgress = (progress) => seen.push(progress);

    await runImport([source('a.txt', 100), source('b.txt', 50)], deps);

    expect(seen.at(0)).toEqual({ filesDone: 0, filesTotal: 2, articlesAdded: 0, bytesDone: 0, bytesTotal: 150 });
    expect(seen.at(-1)).toEqual({ filesDone: 2, filesTotal: 2, articlesAdded: 2, bytesDone: 150, bytesTotal: 150 });
  });

  it('restores a backup in batches, with its settings, leaving out the articles that are broken', async () => {
    const settings: LinkingSettings = { ...DEFAULT_LINKING_SETTINGS, paused: true };
    const articles = Array.from({ length: 1200 }, (_, i) => ({ id: i + 1, title: `T${i}`, body: `body ${i}`, origin: 'file', importedAt: 1 }));
    articles.push({ id: 0, title: '', body: 'x', origin: 'file', importedAt: 1 });
    const background = fakeBackground({ 'backup.json': { kind: 'backup', data: { format: BACKUP_FORMAT, version: 1, settings, articles }, notes: [] } });
    let restoredSettings: LinkingSettings | undefined;
    background.deps.restoreSettings = async (s) => void (restoredSettings = s);

    const [report] = await runImport([source('backup.json')], background.deps);

    expect(report).toMatchObject({ outcome: 'imported', added: 1200 });
    expect(report!.notes).toEqual([expect.stringMatching(/^article 1201 was left out: /)]);
    expect(background.calls).toHaveLength(3);
    expect(restoredSettings).toEqual(settings);
  });

  it('refuses a backup from a newer Cairn without storing anything', async () => {
    const background = fakeBackground({ 'b.json': { kind: 'backup', data: { format: BACKUP_FORMAT, version: 99, articles: [] }, notes: [] } });

    const [report] = await runImport([source('b.json')], background.deps);

    expect(report).toMatchObject({ outcome: 'failed', reason: expect.stringContaining('newer Cairn') });
    expect(background.calls).toEqual([]);
  });

  it('stores small files hundreds to a request, in order', async () => {
    const readings: Record<string, FileReading> = {};
    const names = Array.from({ length: 1_200 }, (_, i) => `n${i}.txt`);
    for (const name of names) readings[name] = { kind: 'articles', format: 'txt', articles: [article(name)], notes: [] };
    const background = fakeBackground(readings);

    const reports = await runImport(names.map((name) => source(name)), background.deps);

    expect(background.calls).toHaveLength(3);
    expect(reports.map((r) => r.ids[0])).toEqual(names.map((_, i) => i + 1));
  });

  it('marks as retryable only the failures a second try may mend', async () => {
    const background = fakeBackground({
      'syntax.json': { kind: 'failed', reason: 'line 1: not valid JSON' },
      'moved.md': { kind: 'failed', reason: 'the file could not be read', retry: true },
      'full.txt': { kind: 'articles', format: 'txt', articles: [article('full')], notes: [] },
      'refused.txt': { kind: 'articles', format: 'txt', articles: [article('refused')], notes: [] },
    });
    const store = background.deps.store;
    background.deps.store = async (batch) => {
      const names = batch.files.map((file) => file.fileName);
      // A refusal fails the whole request first; each file is then tried on its own.
      if (names.includes('refused.txt')) throw Object.assign(new Error('article 1: the title is empty'), { name: 'RequestError' });
      if (names.includes('full.txt')) throw Object.assign(new Error('no more room'), { name: 'StorageFullError' });
      return store(batch);
    };
    const read = background.deps.read;
    background.deps.read = async (file) => {
      if (file.name === 'gone.md') throw Object.assign(new Error('The file could not be read'), { name: 'NotReadableError' });
      return read(file);
    };

    const reports = await runImport(['syntax.json', 'moved.md', 'full.txt', 'refused.txt', 'gone.md'].map((name) => source(name)), background.deps);

    expect(reports.map((r) => [r.name, r.outcome, r.retryable === true])).toEqual([
      ['syntax.json', 'failed', false],
      ['moved.md', 'failed', true],
      ['full.txt', 'failed', true],
      ['refused.txt', 'failed', false],
      ['gone.md', 'failed', true],
    ]);
  });

  it('tries each file of a refused request on its own, so one bad file fails alone', async () => {
    const background = fakeBackground({
      'good.txt': { kind: 'articles', format: 'txt', articles: [article('good')], notes: [] },
      'bad.txt': { kind: 'articles', format: 'txt', articles: [article('bad')], notes: [] },
    });
    const store = background.deps.store;
    background.deps.store = async (batch) => {
      if (batch.files.some((file) => file.fileName === 'bad.txt')) {
        throw Object.assign(new Error('article 1: the URL must be an http or https address'), { name: 'RequestError' });
      }
      return store(batch);
    };

    const reports = await runImport([source('good.txt'), source('bad.txt')], background.deps);

    expect(reports.map((r) => r.outcome)).toEqual(['imported', 'failed']);
    expect(reports[1]!.reason).toBe('article 1: the URL must be an http or https address');
  });

  it('says which file it is reading and how many articles it is storing when that takes a while', async () => {
    const background = fakeBackground({ 'big.jsonl': { kind: 'articles', format: 'jsonl', articles: [article('A'), article('B')], notes: [] } });
    const read = background.deps.read;
    background.deps.read = async (file, options) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      return read(file, options);
    };
    const store = background.deps.store;
    background.deps.store = async (batch) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      return store(batch);
    };
    const seen: ImportProgress['now'][] = [];
    background.deps.onProgress = (progress) => progress.now && seen.push(progress.now);

    await runImport([source('big.jsonl')], background.deps);

    expect(seen).toEqual([
      { stage: 'reading', file: 'big.jsonl' },
      { stage: 'storing', articles: 2, files: 1 },
    ]);
  });
});

