import { installWordVectors, WORD_VECTORS_PATH, WordVectorsError } from './word-vectors.ts';

/**
 * Returns a function that installs the word table from `load` the first time it is called; callers
 * that come while it is loading share that one load, and later ones find it done. A load that
 * fails is not remembered: the next call tries again, so one bad moment (a worker stopped
 * mid-read) does not leave linking without its table until the browser restarts.
 */
export function createWordVectorsLoader(load: () => Promise<ArrayBuffer>): () => Promise<void> {
  let loading: Promise<void> | null = null;
  return () => {
    loading ??= load().then(installWordVectors).catch((error: unknown) => {
      loading = null;
      const reason = error instanceof Error ? error.message : String(error);
      throw new WordVectorsError(`Cairn could not load its word table (${WORD_VECTORS_PATH}): ${reason}`, { cause: error });
    });
    return loading;
  };
}
