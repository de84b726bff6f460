/// <reference types="node" />
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WORD_VECTORS_PATH } from '../../lib/background/linking/word-vectors.ts';

// A path, not `new URL(…, import.meta.url)`: under happy-dom, URL is the DOM's, and it resolved that to "undefined".
const PUBLIC = join(dirname(fileURLToPath(import.meta.url)), '../../public');

/** Reads linking's word table from `public/`, as the extension fetches it from its own files: the loader for Node (tests, benchmarks). */
export async function readWordVectors(): Promise<ArrayBuffer> {
  const file = await readFile(join(PUBLIC, WORD_VECTORS_PATH));
  // A copy of its own: a Buffer may be a view into a larger shared one.
  return new Uint8Array(file).buffer;
}

/** A loader that reads the table from disk and counts its calls; the calls `failing` names (1 = the first) fail with `reason` instead. */
export function countingLoader(failing: number[] = [], reason = 'the file could not be read') {
  let calls = 0;
  return {
    load: async (): Promise<ArrayBuffer> => {
      calls += 1;
      if (failing.includes(calls)) throw new Error(reason);
      return readWordVectors();
    },
    calls: () => calls,
  };
}
