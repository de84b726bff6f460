import { describe, expect, it } from 'vitest';
import type { Article, SearchResult } from '../../lib/protocol.ts';
import { MAX_QUERY_LENGTH } from '../../lib/background/handlers.ts';
import { createReach, MENUS } from '../../lib/background/reach/create-reach.ts';
import type { Disposition, ReachEffects } from '../../lib/background/reach/reach-effects.ts';
import { useApps, type Started } from './app-harness.ts';

const apps = useApps();

/** Reach effects that record what they were asked to do; `selections` is what each tab has selected. */
function fakeReachEffects(selections: Record<number, unknown> = {}) {
  const log = {
    pages: [] as { path: string; where: Disposition; besideTabId?: number }[],
    sidePanels: [] as number[],
    toggles: [] as number[],
    steps: [] as { tabId: number; direction: 'next' | 'previous' }[],
    notices: [] as { tabId: number; message: string }[],
  };
  const effects: ReachEffects = {
    openPage: async (path, where, besideTabId) => void log.pages.push({ path, where, ...(besideTabId === undefined ? {} : { besideTabId }) }),
    openSidePanel: async (tabId) => void log.sidePanels.push(tabId),
    toggleHighlights: async (tabId) => void log.toggles.push(tabId),
    stepHighlight: async (tabId, direction) => void log.steps.push({ tabId, direction }),
    readSelection: async (tabId) => {
      if (!(tabId in selections)) throw new Error('Cannot access contents of the page.');
      return selections[tabId];
    },
    notifyPage: async (tabId, message) => void log.notices.push({ tabId, message }),
  };
  return { effects, log };
}

function startReach(selections?: Record<number, unknown>) {
  const started: Started = apps.start();
  const { effects, log } = fakeReachEffects(selections);
  const { app } = started;
  const reach = createReach({ ready: app.ready, engine: app.engine, writer: app.writer, effects, omniboxMarkup: true, maxQueryLength: MAX_QUERY_LENGTH });
  return { ...started, reach, log };
}

const page = { id: 5, title: 'Cable news — Example', url: 'https://news.example.org/cables' };
const SELECTED = 'Undersea cables landed in Karachi this week.\n\nEngineers from three countries joined the work.';

describe('reach: keyboard commands', () => {
  it('opens the side panel and toggles highlights for the tab the command came from', async () => {
    const { reach, log } = startReach();

    await reach.command('open-side-panel', { id: 3 });
    await reach.command('highlight-page', { id: 4 });

    expect(log.sidePanels).toEqual([3]);
    expect(log.toggles).toEqual([4]);
  });

  it('steps to the next and previous highlight of the tab', async () => {
    const { reach, log } = startReach();

    await reach.command('next-highlight', { id: 2 });
    await reach.command('previous-highlight', { id: 2 });

    expect(log.steps).toEqual([
      { tabId: 2, direction: 'next' },
      { tabId: 2, direction: 'previous' },
    ]);
  });

  it('ignores unknown commands and commands without a tab', async () => {
    const { reach, log } = startReach();

    expect(reach.command('reload-everything', { id: 3 })).toBeUndefined();
    expect(reach.command('open-side-panel', undefined)).toBeUndefined();
    expect(log.sidePanels).toEqual([]);
  });
});

describe('reach: omnibox', () => {
  it('suggests matching default articles with their titles marked', async () => {
    const { reach } = startReach();

    const { first, suggestions } = await reach.omniboxInput('cyberspace  governance');

    expect(first).toBe('Search Cairn for “<match>cyberspace governance</match>”');
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions[0]!.description).toMatch(/<match>[^<]*[Gg]overnance<\/match>/);
    expect(suggestions[0]!.content).toMatch(/\(cairn:\d+\)$/);
  });

  it('suggests nothing for a query that matches nothing, and for blank input', async () => {
    const { reach } = startReach();

    expect((await reach.omniboxInput('zzqxv')).suggestions).toEqual([]);
    expect((await reach.omniboxInput('   ')).suggestions).toEqual([]);
  });

  it('opens a chosen article in the reader, and plain text in the library, where the omnibox says', async () => {
    const { reach, log } = startReach();
    const { suggestions } = await reach.omniboxInput('cyberspace');
    const id = Number(/\(cairn:(\d+)\)$/.exec(suggestions[0]!.content)![1]);

    await reach.omniboxEnter(suggestions[0]!.content, 'currentTab');
    await reach.omniboxEnter('  submarine   cables ', 'newForegroundTab');
    await reach.omniboxEnter('', 'newBackgroundTab');

    expect(log.pages).toEqual([
      { path: `/reader.html?id=${id}`, where: 'currentTab' },
      { path: '/library.html?q=submarine+cables', where: 'newForegroundTab' },
      { path: '/library.html', where: 'newBackgroundTab' },
    ]);
  });
});

describe('reach: selection menu', () => {
  it('searches the library for the selected words, next to the tab', async () => {
    const { reach, log } = startReach();

    await reach.menuClicked({ menuItemId: MENUS.search, selectionText: ' World Internet\nConference ' }, { id: 9 });

    expect(log.pages).toEqual([{ path: '/library.html?q=World+Internet+Conference', where: 'newForegroundTab', besideTabId: 9 }]);
  });

  it('saves the selection as an article with the page as its source, searchable at once', async () => {
    const s = startReach({ [page.id]: SELECTED });

    const result = await s.reach.menuClicked({ menuItemId: MENUS.save, selectionText: 'collapsed text', pageUrl: page.url, frameId: 0 }, page);

    expect(result).toMatchObject({ outcome: 'added', title: 'Cable news — Example' });
    const id = (result as { id: number }).id;
    const article = await s.ask<Article>('getArticle', { id });
    expect(article).toMatchObject({ title: 'Cable news — Example', url: page.url, source: 'news.example.org', origin: 'page', body: SELECTED });
    expect(s.log.notices).toEqual([{ tabId: page.id, message: 'Saved to Cairn: “Cable news — Example”' }]);
    const found = await s.ask<SearchResult>('search', { query: 'Karachi' });
    expect(found.hits.map((hit) => hit.id)).toContain(id);
  });

  it('falls back to the menu’s own selection text when the page cannot be read', async () => {
    const s = startReach();

    const result = await s.reach.menuClicked({ menuItemId: MENUS.save, selectionText: 'Fibre optic routes through Laos.', pageUrl: page.url }, page);

    expect(result).toMatchObject({ outcome: 'added' });
    const article = await s.ask<Article>('getArticle', { id: (result as { id: number }).id });
    expect(article!.body).toBe('Fibre optic routes through Laos.');
  });

  it('saves a second selection of the same page, but not the same text twice', async () => {
    const s = startReach({ [page.id]: SELECTED, 6: 'Another passage from the same page.' });

    await s.reach.menuClicked({ menuItemId: MENUS.save, pageUrl: page.url }, page);
    const again = await s.reach.menuClicked({ menuItemId: MENUS.save, pageUrl: page.url }, page);
    const other = await s.reach.menuClicked({ menuItemId: MENUS.save, pageUrl: page.url }, { ...page, id: 6 });

    expect(again).toMatchObject({ outcome: 'duplicate' });
    expect(other).toMatchObject({ outcome: 'added' });
    expect(s.log.notices[1]!.message).toBe('This text is already in your Cairn collection.');
  });

  it('refuses an empty or oversized selection with a clear notice and stores nothing', async () => {
    const s = startReach({ 1: '   \n ', 2: 'x'.repeat(2_000_001), 3: { not: 'text' } });
    const before = (await s.ask<{ articles: unknown[] }>('listArticles', {})).articles.length;

    const empty = await s.reach.menuClicked({ menuItemId: MENUS.save }, { id: 1 });
    const huge = await s.reach.menuClicked({ menuItemId: MENUS.save }, { id: 2 });
    const odd = await s.reach.menuClicked({ menuItemId: MENUS.save }, { id: 3 });

    expect(empty).toMatchObject({ outcome: 'failed', message: 'There is no selected text to save.' });
    expect(huge).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/longer than 1,000,000 characters/) });
    expect(odd).toMatchObject({ outcome: 'failed', message: 'There is no selected text to save.' });
    expect(s.log.notices.map((n) => n.tabId)).toEqual([1, 2, 3]);
    expect((await s.ask<{ articles: unknown[] }>('listArticles', {})).articles).toHaveLength(before);
  });

  it('leaves other menu items alone', () => {
    const { reach } = startReach();

    expect(reach.menuClicked({ menuItemId: 'cairn-add-page' }, page)).toBeUndefined();
  });
});
