import { describe, expect, it, vi } from 'vitest';
import { createReadFile, WORKER_MIN_BYTES } from '../../../entrypoints/library/read-file.ts';
import type { ReadWorker } from '../../../entrypoints/library/read-in-worker.ts';
import { answerReadRequest, readRequest, type ReadRequest, type WorkerAnswer } from '../../../entrypoints/library/read-request.ts';
import { MAX_ARTICLE_CHARS } from '../../../lib/shared/import/limits.ts';
import { readImportFile } from '../../../lib/shared/import/read-import-file.ts';
import type { FileReading, ImportSource } from '../../../lib/shared/import/types.ts';
import { memoryFile } from '../../import-corpus/memory-file.ts';

// Cairn issue 8: a 45 MB text file froze the library page for 10.7 s before it was refused.
const MB = 1024 * 1024;
const SENTENCE = 'The harbour authority confirmed that the night ferry will resume service next month. ';

/** A stand-in for the reading worker: records what the page handed over, reads it later, as a worker would. */
function fakeWorker() {
  const posted: { at: number; request: ReadRequest }[] = [];
  let onMessage: ((event: MessageEvent<WorkerAnswer>) => void) | undefined;
  const worker: ReadWorker = {
    postMessage(request) {
      posted.push({ at: performance.now(), request });
      setTimeout(() => void answerReadRequest(request, (answer) => onMessage?.({ data: answer } as MessageEvent<WorkerAnswer>)), 0);
    },
    addEventListener(type: string, listener: (event: never) => void) {
      if (type === 'message') onMessage = listener as typeof onMessage;
    },
    terminate: vi.fn(),
  };
  return { worker, posted };
}

/**
 * A file whose reads are counted: any whole-text work starts with `bytes()`. Its bytes come as the
 * browser gives a file's (read off the main thread), so no copy is made on the test's thread.
 */
function countedFile(name: string, text: string): ImportSource & { bytes: ReturnType<typeof vi.fn> } {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.length, bytes: vi.fn(async () => bytes), head: async (count) => bytes.slice(0, count) };
}

describe('readFile (the library page) with big files', () => {
  it('refuses a 45 MB text file from its size alone, unread, well within 200 ms of the page’s time', async () => {
    const file = countedFile('book.txt', SENTENCE.repeat(Math.ceil((45 * MB) / SENTENCE.length)).slice(0, 45 * MB));
    const readHere = vi.fn((source: ImportSource) => readImportFile(source, {}));
    const startWorker = vi.fn(() => fakeWorker().worker);
    const read = createReadFile({ readHere, startWorker });

    const started = performance.now();
    const reading = await read(file);
    const elapsed = performance.now() - started;

    expect(reading).toEqual({ kind: 'skipped', reason: expect.stringMatching(/^45 MB of text; Cairn keeps up to 1,000,000 characters per article and reads a \.txt file as one article/) });
    // Refused before any pass over the text: the file's content was never even asked for.
    expect(file.bytes).not.toHaveBeenCalled();
    expect(startWorker).not.toHaveBeenCalled();
    expect(elapsed).toBeLessThan(200);
  });

  it('refuses the same file read by any path (the worker’s, a small-file reader) before reading it', async () => {
    const file = countedFile('book.md', 'x'.repeat(45 * MB));

    const reading = await readImportFile(file, {});

    expect(reading).toMatchObject({ kind: 'skipped', reason: expect.stringMatching(/^45 MB of text; .*reads a \.md file as one article/) });
    expect(file.bytes).not.toHaveBeenCalled();
  });

  it('refuses a text file too long for one article by its character count, before cleaning it', async () => {
    // 3 MB of two-byte characters could have been 1.5 million characters: it must be decoded to tell.
    const file = memoryFile('long.txt', 'a'.repeat(3 * MB));

    const started = performance.now();
    const reading = await readRequest({ name: file.name, size: file.size, bytes: await file.bytes() });

    expect(reading).toMatchObject({ kind: 'skipped', reason: expect.stringMatching(/^3 MB of text; Cairn keeps up to 1,000,000 characters per article/) });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('imports a 45 MB JSON Lines file of small articles in a worker, checking the limit per article', { timeout: 120_000 }, async () => {
    const record = (i: number) => JSON.stringify({ title: `Ferry notice ${i}`, body: `${SENTENCE.repeat(8)}Notice ${i}.` });
    const lines: string[] = [];
    let size = 0;
    for (let i = 1; size < 45 * MB; i++) {
      const line = i === 7 ? JSON.stringify({ title: 'Too long', body: 'b'.repeat(MAX_ARTICLE_CHARS + 1) }) : record(i);
      lines.push(line);
      size += line.length + 1;
    }
    const file = countedFile('notices.jsonl', lines.join('\n'));
    const { worker, posted } = fakeWorker();
    const readHere = vi.fn((source: ImportSource) => readImportFile(source, {}));
    const read = createReadFile({ readHere, startWorker: () => worker });

    const started = performance.now();
    const reading = await read(file);

    expect(readHere).not.toHaveBeenCalled();
    expect(posted).toHaveLength(1);
    // The page's share: checks, handing the bytes over. The parsing happened in the worker.
    expect(posted[0]!.at - started).toBeLessThan(200);
    expect(reading.kind).toBe('articles');
    if (reading.kind !== 'articles') return;
    expect(reading.articles).toHaveLength(lines.length - 1);
    expect(reading.notes).toEqual([expect.stringMatching(/7.*longer than 1,000,000 characters \(the limit per article\); left out/)]);
  });

  it('reads small files, PDFs and HTML in the page', async () => {
    const startWorker = vi.fn(() => fakeWorker().worker);
    const readHere = vi.fn(async () => ({ kind: 'skipped', reason: 'read here' }) as FileReading);
    const read = createReadFile({ readHere, startWorker });
    const big = (name: string, head = 'text') => ({ ...memoryFile(name, head), size: WORKER_MIN_BYTES + 1 });

    await read(memoryFile('small.jsonl', '{"title":"a","body":"b"}'));
    await read(big('page.html'));
    await read(big('scan.txt', '%PDF-1.7'));

    expect(readHere).toHaveBeenCalledTimes(3);
    expect(startWorker).not.toHaveBeenCalled();
  });
});
