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
 * Reads a file the page handed over, with the same `readImportFile` the page uses. No PDF reader
 * and no `DOMParser` here: the page keeps PDFs and HTML files for itself.
 */
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
