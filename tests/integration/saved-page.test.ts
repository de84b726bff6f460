import { describe, expect, it } from 'vitest';
import type { ImportResult, MessageSender, ParsedArticle, TabLinks } from '../../lib/protocol.ts';
import { extensionPage, useApps, self, type Started } from './app-harness.ts';
import { visitPage } from './read-page.ts';
import { FERRY, PIER } from '../fixtures/harbour-articles.ts';

const apps = useApps();

const FERRY_URL = 'https://harbour.example/news/quillby-ferry';

/** A content script in tab `tabId`, in a frame whose address (as the browser gives it) is `url`. */
const frameAt = (tabId: number, url: string, frameId = 0): MessageSender => ({
  id: self.id,
  url,
  origin: new URL(url).origin,
  tab: { id: tabId, url: frameId === 0 ? url : 'https://portal.example/' },
  frameId,
});

async function collection(s: Started, articles: ParsedArticle[]): Promise<number[]> {
  await s.app.ready;
  const { added } = await s.ask<ImportResult>('importArticles', { batchId: `saved-${Math.random()}`, origin: 'paste', articles });
  await s.app.linking.settled();
  return added;
}

const visit = (s: Started, text: string, sender: MessageSender) => visitPage(s.ask.bind(s), text, sender, s.app);
const tabLinks = (s: Started, tabId: number) => s.ask<TabLinks>('relatedForTab', { tabId }, extensionPage);

describe('a page that is in the collection', () => {
  it('is reported as saved, with its own article left out and the other articles still related', async () => {
    const s = apps.start();
    const [ferry, pier] = await collection(s, [{ ...FERRY, url: FERRY_URL }, PIER]);

    const { links } = await visit(s, `${FERRY.title}\n\n${FERRY.body}`, frameAt(3, `${FERRY_URL}#timetable`));

    const tab = await tabLinks(s, 3);
    expect(tab.saved).toEqual({ id: ferry, title: FERRY.title });
    expect(tab.related.map((r) => r.id)).toEqual([pier]);
    expect(links!.related.map((r) => r.id)).toEqual([pier]);
    expect(s.effects.log.savedBadges.has(3)).toBe(true);
    expect(s.effects.log.badges.get(3)).toBe(1);
  });

  it('is not highlighted for its own article’s phrases', async () => {
    const s = apps.start();
    await collection(s, [{ ...FERRY, url: FERRY_URL }]);
    const text = `${FERRY.title}\n\n${FERRY.body}`;

    const own = await visit(s, text, frameAt(3, FERRY_URL));
    const elsewhere = await visit(s, text, frameAt(4, 'https://mirror.example/quillby-ferry'));

    expect(own.links).toEqual({ related: [], highlight: [] });
    expect(own.found).toEqual([]);
    expect((await tabLinks(s, 3)).saved?.title).toBe(FERRY.title);
    // The same text at another address is not the saved page: it relates, and is highlighted.
    expect(elsewhere.links!.related.map((r) => r.title)).toEqual([FERRY.title]);
    expect(elsewhere.found.length).toBeGreaterThan(0);
    expect((await tabLinks(s, 4)).saved).toBeUndefined();
    expect(s.effects.log.savedBadges.has(4)).toBe(false);
  });

  it('is the same document whichever of the stored and the visited address has a fragment', async () => {
    const s = apps.start();
    const [ferry] = await collection(s, [{ ...FERRY, url: `${FERRY_URL}#timetable` }]);

    await visit(s, `${FERRY.title}\n\n${FERRY.body}`, frameAt(8, FERRY_URL));
    await visit(s, `${FERRY.title}\n\n${FERRY.body}`, frameAt(9, `${FERRY_URL}?page=2`));

    expect((await tabLinks(s, 8)).saved?.id).toBe(ferry);
    expect((await tabLinks(s, 9)).saved).toBeUndefined();
  });

  it('is told by the address the browser gives for the frame, not by anything the page sends', async () => {
    const s = apps.start();
    await collection(s, [{ ...FERRY, url: FERRY_URL }]);
    const sender = frameAt(5, 'https://other.example/page');

    const claimed = await s.app.dispatch({ type: 'reportPage', data: { ngrams: { keys: [], unigrams: 0, counts: [], firsts: [] }, textLength: 0, url: FERRY_URL } }, sender);
    await visit(s, `${FERRY.title}\n\n${FERRY.body}`, sender);

    expect(claimed.ok).toBe(false);
    expect((await tabLinks(s, 5)).saved).toBeUndefined();
  });

  it('in an embedded frame leaves out its own article there, but does not mark the tab as saved', async () => {
    const s = apps.start();
    await collection(s, [{ ...FERRY, url: FERRY_URL }]);

    const { links } = await visit(s, `${FERRY.title}\n\n${FERRY.body}`, frameAt(6, FERRY_URL, 2));

    expect(links!.related).toEqual([]);
    expect((await tabLinks(s, 6)).saved).toBeUndefined();
  });

  it('stops being saved once its article is deleted', async () => {
    const s = apps.start();
    const [ferry] = await collection(s, [{ ...FERRY, url: FERRY_URL }]);
    await visit(s, `${FERRY.title}\n\n${FERRY.body}`, frameAt(7, FERRY_URL));

    await s.ask('deleteArticles', { ids: [ferry] });
    await visit(s, `${FERRY.title}\n\n${FERRY.body}`, frameAt(7, FERRY_URL));

    expect((await tabLinks(s, 7)).saved).toBeUndefined();
    expect(s.effects.log.savedBadges.has(7)).toBe(false);
  });
});
