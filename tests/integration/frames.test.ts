import { describe, expect, it } from 'vitest';
import type { LinkingData, LinkingSettings, MessageSender, PageLinks, TabLinks } from '../../lib/protocol.ts';
import { visitPage } from './read-page.ts';
import { self, useApps, type Started } from './app-harness.ts';
import { visibleText } from './page-text.ts';

const TAB = 7;
const TOP_URL = 'https://news.example.com/story';
const popup: MessageSender = { id: self.id, url: `${self.origin}popup.html`, origin: self.origin.slice(0, -1) };

/** A content script's sender as Chrome describes it: the frame's own address and origin, and its tab. */
function frame(url: string, frameId: number, topUrl = TOP_URL): MessageSender {
  return { id: self.id, url, origin: new URL(url).origin, tab: { id: TAB, url: topUrl }, frameId };
}
const topFrame = frame(TOP_URL, 0);
const adFrame = frame('https://ads.example.net/slot?id=3', 5);

/** What the content script of one frame does: ask whether to run, report the n-grams of `text`. */
async function scan(s: Started, text: string, sender: MessageSender): Promise<PageLinks | null> {
  return (await visitPage(s.ask, text, sender, s.app)).links;
}

const settingsOf = (s: Started) => s.ask<LinkingSettings>('linkingSettings', {}, popup);

describe('a frame acts only for itself', () => {
  const apps = useApps();

  it('refuses to let an embedded frame of another site turn Cairn off, and the page stays linked', async () => {
    const s = apps.start();
    await scan(s, visibleText('related-wuzhen-news.html'), topFrame);

    const attempt = s.ask('setSiteEnabled', { enabled: false }, adFrame);

    await expect(attempt).rejects.toThrow(/only the page itself can turn Cairn on or off for ads\.example\.net/);
    expect((await settingsOf(s)).sitesOff).toEqual([]);
    expect((await s.ask<LinkingData>('linkingData', {}, topFrame)).enabled).toBe(true);
    expect((await scan(s, visibleText('related-wuzhen-news.html'), topFrame))?.related.length).toBeGreaterThan(0);
  });

  it('refuses a same-site subframe too: only the top frame switches a site', async () => {
    const s = apps.start();

    const attempt = s.ask('setSiteEnabled', { enabled: false }, frame('https://news.example.com/comments', 2));

    await expect(attempt).rejects.toThrow(/not a frame embedded in it/);
    expect((await settingsOf(s)).sitesOff).toEqual([]);
  });

  it('refuses to let a frame turn Cairn on for the sensitive site around it', async () => {
    const bank = 'https://online.examplebank.com/statement';
    const s = apps.start();

    const attempt = s.ask('setSiteEnabled', { enabled: true }, frame('https://widgets.example.org/chat', 4, bank));

    await expect(attempt).rejects.toThrow(/not a frame embedded in it/);
    expect(await settingsOf(s)).toMatchObject({ sensitiveSitesOn: [], sitesOff: [] });
    expect(await s.ask<LinkingData>('linkingData', {}, frame(bank, 0, bank))).toEqual({ enabled: false, reason: 'sensitive' });
  });

  it('lets the top frame turn Cairn off for its own site, which quiets the page and what it embeds', async () => {
    const s = apps.start();
    await scan(s, visibleText('related-wuzhen-news.html'), topFrame);

    await s.ask('setSiteEnabled', { enabled: false }, topFrame);

    expect((await settingsOf(s)).sitesOff).toEqual(['news.example.com']);
    expect(await s.ask<LinkingData>('linkingData', {}, topFrame)).toEqual({ enabled: false, reason: 'site-off' });
    expect(await s.ask<LinkingData>('linkingData', {}, adFrame)).toEqual({ enabled: false, reason: 'site-off' });
    expect(await s.ask<TabLinks>('relatedForTab', { tabId: TAB }, popup)).toMatchObject({ related: [], quiet: 'site-off' });
  });

  it('refuses a site-off request that carries a site or a tab of its own choosing', async () => {
    const s = apps.start();
    const evil = frame('https://evil.example/', 0, 'https://evil.example/');
    await scan(s, visibleText('related-wuzhen-news.html'), topFrame);

    const withSite = s.ask('setSiteEnabled', { enabled: false, site: 'news.example.com' }, adFrame);
    const withOrigin = s.ask('setSiteEnabled', { enabled: false, origin: 'https://news.example.com' }, evil);
    const withTab = s.ask('setSiteEnabled', { enabled: false, tabId: TAB }, evil);

    await expect(withSite).rejects.toThrow(/RequestError/);
    await expect(withOrigin).rejects.toThrow(/RequestError/);
    await expect(withTab).rejects.toThrow(/cannot name a tab/);
    expect((await settingsOf(s)).sitesOff).toEqual([]);
  });

  it('takes the site from the origin the browser saw, not from the address', async () => {
    const s = apps.start();
    // A sandboxed frame has an opaque origin: it speaks for no site at all.
    const sandboxed: MessageSender = { ...frame('https://news.example.com/embed', 0), origin: 'null' };

    const attempt = s.ask('setSiteEnabled', { enabled: false }, sandboxed);

    await expect(attempt).rejects.toThrow(/not a web page in a tab/);
    expect((await settingsOf(s)).sitesOff).toEqual([]);
  });

  it('gives an embedded frame its own links without changing what the tab shows', async () => {
    const s = apps.start();
    const pageLinks = await scan(s, visibleText('related-wuzhen-news.html'), topFrame);
    const badge = s.effects.log.badges.get(TAB);

    const frameLinks = await scan(s, visibleText('related-submarine-cables-explainer.html'), adFrame);
    const quietFrame = await scan(s, visibleText('unrelated-recipe.html'), frame('https://ads.example.net/other', 6));
    const tab = await s.ask<TabLinks>('relatedForTab', { tabId: TAB }, popup);

    expect(frameLinks?.related.length).toBeGreaterThan(0);
    expect(quietFrame?.related).toEqual([]);
    expect(tab.site).toBe('news.example.com');
    expect(tab.related.map((r) => r.id)).toEqual(pageLinks!.related.map((r) => r.id));
    expect(s.effects.log.badges.get(TAB)).toBe(badge);
  });

  it('keeps the popup switch working on the site of the tab it names', async () => {
    const s = apps.start();
    await scan(s, visibleText('related-wuzhen-news.html'), topFrame);

    await s.ask('setSiteEnabled', { enabled: false, tabId: TAB }, popup);
    const off = (await settingsOf(s)).sitesOff;
    await s.ask('setSiteEnabled', { enabled: true, tabId: TAB }, popup);

    expect(off).toEqual(['news.example.com']);
    expect((await settingsOf(s)).sitesOff).toEqual([]);
  });
});
