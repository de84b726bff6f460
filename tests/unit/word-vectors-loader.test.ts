import { describe, expect, it } from 'vitest';
import { createWordVectorsLoader } from '../../lib/background/linking/word-vectors-loader.ts';
import { WordVectorsError } from '../../lib/background/linking/word-vectors.ts';
import { countingLoader, readWordVectors } from '../integration/read-word-vectors.ts';

describe('createWordVectorsLoader', () => {
  it('loads once for callers that come together and for those that come later', async () => {
    const loader = countingLoader();
    const ready = createWordVectorsLoader(loader.load);

    await Promise.all([ready(), ready(), ready()]);
    await ready();

    expect(loader.calls()).toBe(1);
  });

  it('reports a failed load as a WordVectorsError naming the file and the reason', async () => {
    const ready = createWordVectorsLoader(countingLoader([1]).load);

    const failure = await ready().catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(WordVectorsError);
    expect((failure as Error).message).toBe('Cairn could not load its word table (/linking/word-vectors.bin): the file could not be read');
  });

  it('tries again after a failure instead of remembering it', async () => {
    const loader = countingLoader([1]);
    const ready = createWordVectorsLoader(loader.load);

    await expect(ready()).rejects.toThrow(WordVectorsError);
    await ready();

    expect(loader.calls()).toBe(2);
  });

  it('turns a file of the wrong length into a WordVectorsError, and tries again next time', async () => {
    let calls = 0;
    const ready = createWordVectorsLoader(async () => (++calls === 1 ? new ArrayBuffer(12) : readWordVectors()));

    await expect(ready()).rejects.toThrow(/has 12 bytes where this build expects/);
    await ready();

    expect(calls).toBe(2);
  });
});
