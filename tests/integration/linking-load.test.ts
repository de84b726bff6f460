import { describe, expect, it } from 'vitest';
import { createLinkingEngine } from '../../lib/background/linking-engine.ts';
import { useApps } from './app-harness.ts';
import { countingLoader } from './read-word-vectors.ts';

// Cairn issue 10: at 50,000 articles a waking worker takes over a second to read linking's rows
// back into its index. A paste wakes it, linking loads to take the new article in, and the search
// the popup sends next must not wait for the whole load: the load hands the thread back between slices.

const { start } = useApps();

describe('reading the stored links into the index', () => {
  it('hands the thread back between slices without waiting for an import to pause, and still reads every row', async () => {
    const s = start();
    await s.app.ready;
    await s.app.linking.settled();
    let yields = 0;
    let ranDuringLoad = false;
    let loaded = false;
    const woken = createLinkingEngine({
      db: s.db,
      loadWordVectors: countingLoader().load,
      sliceMs: 0,
      pause: () => Promise.reject(new Error('loading waited for an import to pause')),
      yieldThread: () => {
        yields += 1;
        return new Promise((resolve) => setTimeout(resolve, 0));
      },
    });

    const loading = woken.load().then((index) => {
      loaded = true;
      return index;
    });
    setTimeout(() => (ranDuringLoad = !loaded), 0);
    const index = await loading;

    expect(index.articleCount).toBe(5);
    expect(yields).toBeGreaterThan(0);
    expect(ranDuringLoad).toBe(true);
  });
});
