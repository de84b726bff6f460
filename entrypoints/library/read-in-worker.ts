import type { ParsedArticle } from '../../lib/protocol.ts';
import type { FileReading } from '../../lib/shared/import/types.ts';
import type { ReadRequest, WorkerAnswer } from './read-request.ts';

/** The part of a `Worker` the page uses; tests give a stand-in. */
export interface ReadWorker {
  postMessage(message: ReadRequest, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerAnswer>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

/**
 * Hands a file's bytes to a fresh worker (transferred, not copied) and waits for its reading. The
 * worker is ended when it answers or fails; a worker that fails (out of memory) gives a `failed`
 * reading, so the rest of the import goes on.
 */
export function readInWorker(worker: ReadWorker, request: ReadRequest & { bytes: Uint8Array }): Promise<FileReading> {
  return new Promise<FileReading>((resolve) => {
    const articles: ParsedArticle[] = [];
    const done = (reading: FileReading) => {
      worker.terminate();
      resolve(reading.kind === 'articles' ? { ...reading, articles } : reading);
    };
    worker.addEventListener('message', ({ data }) => {
      if ('done' in data) done(data.done);
      else if ('articles' in data) for (const article of data.articles) articles.push(article);
    });
    const failed = (event: Event) => {
      const detail = event instanceof ErrorEvent && event.message ? ` (${event.message.slice(0, 200)})` : '';
      // Most often out of memory with other files read at the same time: it may work on its own.
      done({ kind: 'failed', reason: `Cairn could not read this file: its reader stopped${detail}`, retry: true });
    };
    worker.addEventListener('error', failed);
    worker.addEventListener('messageerror', failed);
    worker.postMessage(request, [request.bytes.buffer]);
  });
}
