import type { ParsedArticle } from '../../lib/protocol.ts';
import { MAX_FILE_BYTES } from '../../lib/shared/import/limits.ts';
import { checkBeforeReading, isReadFailure, readImportFile } from '../../lib/shared/import/read-import-file.ts';
import { streamJsonLines } from '../../lib/shared/import/stream-json-lines.ts';
import { titleFromFileName } from '../../lib/shared/import/title-from-file-name.ts';
import type { FileReading, ReadOptions } from '../../lib/shared/import/types.ts';
import { blobChunks } from './blob-chunks.ts';

/**
 * A file handed to a reading worker: either its bytes, already read by the page (and
 * transferred), or the file itself for the worker to read. `id` tells the answers of a worker
 * that reads many files (`createReadPool`) apart.
 */
export interface ReadRequest {
  id?: number;
  name: string;
  path?: string;
  /** Bytes; left out with `file`, whose size the worker reads itself. */
  size?: number;
  bytes?: Uint8Array;
  file?: Blob;
  options?: ReadOptions;
}

/**
 * What the worker sends back: a file's articles a few hundred at a time (the page unpacks each
 * message on its main thread in one go, so none may be large), then the reading, whose
 * `articles` are all those sent before it; or `readHere` for a file the page must read itself (a
 * PDF under a text file's name). Each carries the request's `id`, if it had one. A JSON Lines
 * file's articles are sent as its lines are read, before the reading ends.
 */
export type WorkerAnswer = ({ articles: ParsedArticle[] } | { done: FileReading } | { readHere: true }) & { id?: number };

/** Articles per message. */
const ARTICLES_PER_MESSAGE = 500;
const PDF_HEADER = '%PDF-';
/** Files read line by line as their bytes arrive (`streamJsonLines`). */
const STREAMED = /\.(?:jsonl|ndjson)$/i;

/**
 * Reads a file the page handed over, with the same `readImportFile` the page uses, and posts the
 * answer in parts. No PDF reader and no `DOMParser` here: the page keeps PDFs and HTML for itself.
 */
export async function answerReadRequest(request: ReadRequest, post: (answer: WorkerAnswer) => void): Promise<void> {
  const tag = request.id === undefined ? {} : { id: request.id };
  const reading = await readRequest(request, (articles) => post({ ...tag, articles })).catch(
    // readImportFile never throws; anything else is still answered, or the page would wait forever.
    (error: unknown): FileReading | 'here' => ({ kind: 'failed', reason: `Cairn could not read this file: ${error instanceof Error ? error.message : String(error)}` }),
  );
  if (reading === 'here') return post({ ...tag, readHere: true });
  if (reading.kind !== 'articles') return post({ ...tag, done: reading });
  for (let start = 0; start < reading.articles.length; start += ARTICLES_PER_MESSAGE) {
    post({ ...tag, articles: reading.articles.slice(start, start + ARTICLES_PER_MESSAGE) });
  }
  post({ ...tag, done: { ...reading, articles: [] } });
}

/**
 * Reads a file the page handed over, as the page would; 'here' for a file given whole that turns
 * out to be a PDF (pdf.js runs in the page). A file given whole is checked first from its size
 * (read here, off the page's thread); a JSON Lines file is then read as a stream, its articles
 * given to `send` as they come (those are not in the reading), any other file in one go.
 */
export async function readRequest(
  { name, path, size, bytes, file, options }: ReadRequest,
  send?: (articles: ParsedArticle[]) => void,
): Promise<FileReading | 'here'> {
  const where = path === undefined ? {} : { path };
  if (bytes || !file) {
    const given = bytes ?? new Uint8Array(0);
    return readImportFile({ name, ...where, size: size ?? given.length, bytes: async () => given, head: async (count) => given.subarray(0, count) }, {}, options);
  }
  const source = {
    name,
    ...where,
    size: size ?? file.size,
    bytes: async () => new Uint8Array(await file.arrayBuffer()),
    head: async (count: number) => new Uint8Array(await file.slice(0, count).arrayBuffer()),
  };
  let whole: Uint8Array;
  try {
    const early = await checkBeforeReading(source);
    if (early !== undefined) return early;
    if (send && STREAMED.test(name) && source.size <= MAX_FILE_BYTES) {
      if (isPdf(await source.head(PDF_HEADER.length))) return 'here';
      const streamed = await streamJsonLines(blobChunks(file), send, { fallbackTitle: titleFromFileName(name) });
      if (streamed) return streamed;
    }
    whole = await source.bytes();
  } catch (error) {
    const reason = `Cairn could not read this file: ${error instanceof Error ? error.message : String(error)}`;
    return { kind: 'failed', reason, ...(isReadFailure(error) ? { retry: true as const } : {}) };
  }
  if (isPdf(whole)) return 'here';
  return readImportFile({ ...source, bytes: async () => whole }, {}, options);
}

function isPdf(bytes: Uint8Array): boolean {
  return new TextDecoder().decode(bytes.subarray(0, PDF_HEADER.length)) === PDF_HEADER;
}
