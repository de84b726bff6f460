import type { ParsedArticle } from '../../lib/protocol.ts';
import { readImportFile } from '../../lib/shared/import/read-import-file.ts';
import type { FileReading, ReadOptions } from '../../lib/shared/import/types.ts';

/** A file handed to the reading worker: its bytes, already read by the page (and transferred). */
export interface ReadRequest {
  name: string;
  path?: string;
  size: number;
  bytes: Uint8Array;
  options?: ReadOptions;
}

/**
 * What the worker sends back: a file's articles a few hundred at a time (the page unpacks each
 * message on its main thread in one go, so none may be large), then the reading, whose
 * `articles` are all those sent before it.
 */
export type WorkerAnswer = { articles: ParsedArticle[] } | { done: FileReading };

/** Articles per message. */
const ARTICLES_PER_MESSAGE = 500;

/**
 * Reads a file the page handed over, with the same `readImportFile` the page uses, and posts the
 * answer in parts. No PDF reader and no `DOMParser` here: the page keeps PDFs and HTML for itself.
 */
export async function answerReadRequest(request: ReadRequest, post: (answer: WorkerAnswer) => void): Promise<void> {
  const reading = await readRequest(request).catch(
    // readImportFile never throws; anything else is still answered, or the page would wait forever.
    (error: unknown): FileReading => ({ kind: 'failed', reason: `Cairn could not read this file: ${error instanceof Error ? error.message : String(error)}` }),
  );
  if (reading.kind !== 'articles') return post({ done: reading });
  for (let start = 0; start < reading.articles.length; start += ARTICLES_PER_MESSAGE) {
    post({ articles: reading.articles.slice(start, start + ARTICLES_PER_MESSAGE) });
  }
  post({ done: { ...reading, articles: [] } });
}

/** Reads a file the page handed over, as the page would. */
export function readRequest({ name, path, size, bytes, options }: ReadRequest): Promise<FileReading> {
  const source = {
    name,
    ...(path === undefined ? {} : { path }),
    size,
    bytes: async () => bytes,
    head: async (count: number) => bytes.subarray(0, count),
  };
  return readImportFile(source, {}, options);
}
