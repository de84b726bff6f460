import { checkBeforeReading, readImportFile } from '../../lib/shared/import/read-import-file.ts';
import { loadPdf } from '../../lib/ui/load-pdf.ts';
import { readInWorker, type ReadWorker } from './read-in-worker.ts';
import { createReadPool } from './read-pool.ts';
import type { ReadFile } from './use-import.ts';

/**
 * Files larger than this (bytes) are read in a worker: a megabyte of text is parsed and cleaned in
 * tens of milliseconds, more would hold up the page (Cairn issue 8: no freeze over 200 ms).
 */
export const WORKER_MIN_BYTES = 1024 * 1024;
/** What a worker can read: text formats that need neither pdf.js nor `DOMParser`. */
const WORKER_EXTENSIONS = /\.(?:txt|text|md|markdown|mdown|mkd|json|jsonl|ndjson|csv|tsv)$/i;

export interface ReadFileDeps {
  /** Reads a file in this page (PDFs, HTML, small files). */
  readHere: ReadFile;
  /** A new reading worker, or undefined where workers cannot be made. */
  startWorker(): ReadWorker | undefined;
}

/**
 * Reads one file of an import: PDFs and HTML in this page. Text files go to a pool of workers when
 * the file itself is at hand (`ImportSource.blob`): the worker reads it from disk, and hands a
 * JSON Lines file's articles to `onArticles` as it reads its lines. Without the file, big text
 * files are read each in a worker of its own, small ones in this page. What can be told without
 * reading (type, size, a .txt too big to be one article) is told here first, so a file refused for
 * its size is never read.
 */
export function createReadFile({ readHere, startWorker }: ReadFileDeps): ReadFile {
  const pool = createReadPool(startWorker);
  return async (file, options, onArticles) => {
    if (!WORKER_EXTENSIONS.test(file.name)) return readHere(file, options);
    if (file.blob) {
      // The import asked for the size already (Chromium asks the disk once per `File` object, and
      // the worker's copy would ask again).
      const { name, path, size, blob } = file;
      const reading = await pool.read({ name, ...(path ? { path } : {}), size, file: blob, ...(options ? { options } : {}) }, onArticles);
      return reading === 'here' ? readHere(file, options) : reading;
    }
    if (file.size <= WORKER_MIN_BYTES) return readHere(file, options);
    const early = await checkBeforeReading(file);
    if (early !== undefined) return early;
    const head = await file.head(5);
    // A PDF under another name is read as a PDF, by pdf.js in this page.
    if (new TextDecoder().decode(head) === '%PDF-') return readHere(file, options);
    const bytes = await file.bytes();
    // Started once the bytes are in hand, so no error it reports while starting can go unheard.
    const worker = startWorker();
    if (worker === undefined) return readHere(file, options);
    return readInWorker(worker, { name: file.name, ...(file.path ? { path: file.path } : {}), size: file.size, bytes, ...(options ? { options } : {}) });
  };
}

/** Reads one file of an import for the library page, PDFs through pdf.js (loaded only when one comes). */
export const readFile: ReadFile = createReadFile({
  readHere: (file, options) => readImportFile(file, { getPdfDocument: loadPdf }, options),
  startWorker: () =>
    typeof Worker === 'undefined' ? undefined : new Worker(new URL('./read-file.worker.ts', import.meta.url), { type: 'module' }),
});
