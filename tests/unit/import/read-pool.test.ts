import { describe, expect, it, vi } from 'vitest';
import type { ReadWorker } from '../../../entrypoints/library/read-in-worker.ts';
import { createReadPool } from '../../../entrypoints/library/read-pool.ts';
import { answerReadRequest, type ReadRequest, type WorkerAnswer } from '../../../entrypoints/library/read-request.ts';

/** A stand-in worker that reads what it is handed with the real reader, or stops on `crash`. */
function fakeWorker(crash?: string) {
  const listeners: Record<string, ((event: never) => void)[]> = {};
  const emit = (type: string, event: unknown) => listeners[type]?.forEach((listener) => listener(event as never));
  const worker: ReadWorker & { requests: ReadRequest[] } = {
    requests: [],
    postMessage(request) {
      worker.requests.push(request);
      if (request.name === crash) setTimeout(() => emit('error', new Event('error')), 5);
      else setTimeout(() => void answerReadRequest(request, (answer: WorkerAnswer) => emit('message', { data: answer })), 0);
    },
    addEventListener(type: string, listener: (event: never) => void) {
      (listeners[type] ??= []).push(listener);
    },
    terminate: vi.fn(),
  };
  return worker;
}

const note = (text: string) => new Blob([text]);

describe('createReadPool', () => {
  it('reads many files in at most two workers, each file its own answer', async () => {
    const workers: ReturnType<typeof fakeWorker>[] = [];
    const pool = createReadPool(() => {
      workers.push(fakeWorker());
      return workers.at(-1);
    });

    const readings = await Promise.all(
      Array.from({ length: 20 }, (_, i) => pool.read({ name: `note-${i}.md`, file: note(`# Note ${i}\n\nThe pier ${i} reopens on Monday.`) })),
    );

    expect(workers).toHaveLength(2);
    expect(readings.map((r) => (r !== 'here' && r.kind === 'articles' ? r.articles[0]!.title : r))).toEqual(Array.from({ length: 20 }, (_, i) => `Note ${i}`));
  });

  it('hands a PDF under a text name back to the page, and fails only the files of a worker that stopped, with a retry', async () => {
    const pool = createReadPool(() => fakeWorker('crash.txt'));

    const [pdf, crashed, fine] = await Promise.all([
      pool.read({ name: 'scan.txt', file: note('%PDF-1.7 not text') }),
      pool.read({ name: 'crash.txt', file: note('anything') }),
      pool.read({ name: 'fine.txt', file: note('The ferry runs again.') }),
    ]);

    expect(pdf).toBe('here');
    expect(crashed).toMatchObject({ kind: 'failed', retry: true, reason: expect.stringContaining('its reader stopped') });
    expect(fine).toMatchObject({ kind: 'articles' });
  });

  it('hands the articles of a JSON Lines file over as the worker reads its lines, and leaves them out of the reading', async () => {
    const pool = createReadPool(() => fakeWorker());
    const lines = Array.from({ length: 1_200 }, (_, i) => JSON.stringify({ title: `Pier ${i}`, body: `The pier ${i} reopens.` }));
    const handed: number[] = [];

    const reading = await pool.read({ name: 'piers.jsonl', file: note([...lines, '{"cut'].join('\n')) }, (part) => handed.push(part.length));

    expect(handed).toEqual([500, 500, 200]);
    expect(reading).toEqual({ kind: 'articles', format: 'jsonl', articles: [], notes: ['line 1201: not valid JSON (the file ends inside it: was it cut off?); left out'] });
  });
});
