import { describe, expect, it, vi } from 'vitest';
import { createLinkingEngine } from '../../lib/background/linking-engine.ts';
import { contentScript, useApps } from './app-harness.ts';
import { visitPage } from './read-page.ts';
import { countingLoader } from './read-word-vectors.ts';

// The word table is a packaged file that linking fetches on first use, not part of the worker's
// script: a wake that only searches must never wait for it, and linking must never run without it.

const { start } = useApps();

const CABLE_PAGE = [
  'At the World Internet Conference in Wuzhen, delegates talked about submarine cables.',
  'New undersea fibre links would carry more of the traffic between Asia and Europe, officials said, and cyberspace governance was on the agenda.',
].join('\n\n');

describe('loading the word table', () => {
  it('is left alone by a worker woken to search, and done once when a page is linked', async () => {
    const s = start();
    await s.app.ready;
    await s.app.linking.settled();
    await s.app.engine.flush();
    const loader = countingLoader();

    const woken = start({ db: s.db, loadWordVectors: loader.load });
    const found = await woken.ask<{ total: number }>('search', { query: 'Wuzhen', limit: 20 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const loadsAfterSearch = loader.calls();
    const { links } = await visitPage(woken.ask, CABLE_PAGE, contentScript);
    await visitPage(woken.ask, CABLE_PAGE, contentScript);

    expect(found.total).toBeGreaterThan(0);
    expect(loadsAfterSearch).toBe(0);
    expect(links?.related.length).toBeGreaterThan(0);
    expect(loader.calls()).toBe(1);
  });

  it('is awaited before mining, and a failed load is tried again by the next change, which mines everything left', async () => {
    const reported = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const loader = countingLoader([1], 'the extension was updated while it was read');
    const s = start({ loadWordVectors: loader.load });
    await s.app.ready;
    await expect.poll(() => reported.mock.calls.some(([message]) => String(message).includes('could not update its links'))).toBe(true);
    const failure = reported.mock.calls.find(([message]) => String(message).includes('could not update its links'))?.[1];
    const rowsAfterFailure = await s.db.links.count();
    const found = await s.ask<{ total: number }>('search', { query: 'Wuzhen', limit: 20 });

    await s.app.writer.add([{ title: 'A pasted note on harbour cables', body: 'The Quokka Fibre Consortium laid a cable at Marlow.', origin: 'paste' }], {});
    await s.app.linking.settled();

    expect(String(failure)).toContain('WordVectorsError: Cairn could not load its word table (/linking/word-vectors.bin): the extension was updated while it was read');
    expect(rowsAfterFailure).toBe(0);
    expect(found.total).toBeGreaterThan(0);
    expect(loader.calls()).toBe(2);
    expect(await s.app.linking.status()).toEqual({ indexed: 6, pending: 0 });
    reported.mockRestore();
  });

  it('is not needed to read the stored index, only to rank against it', async () => {
    const s = start();
    await s.app.ready;
    await s.app.linking.settled();
    const loader = countingLoader();
    const woken = createLinkingEngine({ db: s.db, loadWordVectors: loader.load });

    const index = await woken.load();
    const loadsToRead = loader.calls();
    await Promise.all([woken.caughtUp(), woken.caughtUp()]);

    expect(index.articleCount).toBe(5);
    expect(loadsToRead).toBe(0);
    expect(loader.calls()).toBe(1);
  });
});
