import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CairnDb } from '../../lib/background/db/cairn-db.ts';
import { DEFAULT_LINKING_SETTINGS } from '../../lib/shared/linking/site-policy.ts';
import type { LinkingData, LinkingSettings, MessageSender, PhraseCard, TabLinks } from '../../lib/protocol.ts';
import { visitPage } from './read-page.ts';
import { createApp, type App } from '../../lib/background/create-app.ts';
import { memorySettingsStore, memoryTabStore, type SettingsStore } from '../../lib/background/linking-stores.ts';
import { parseScrapedArticle } from '../../lib/shared/text/parse-scraped-article.ts';
import { SEEDS } from '../../seeds/index.ts';
import { fakeEffects } from './fake-effects.ts';
import { readWordVectors } from './read-word-vectors.ts';
import { FIXTURE_PAGES, visibleText } from './page-text.ts';

const self = { id: 'cairn-test', origin: 'chrome-extension://cairn-test/' };
const popup: MessageSender = { id: self.id, url: `${self.origin}popup.html` };
const pageIn = (tabId: number, url = 'https://news.example.com/story'): MessageSender => ({
  id: self.id,
  url,
  tab: { id: tabId, url },
  frameId: 0,
});

let counter = 0;
let db: CairnDb;
let settings: SettingsStore;
let effects: ReturnType<typeof fakeEffects>;
let app: App;

beforeEach(() => {
  db = new CairnDb(`cairn-linking-${++counter}`);
  settings = memorySettingsStore(DEFAULT_LINKING_SETTINGS);
  effects = fakeEffects();
  app = createApp({ db, seeds: SEEDS, parseSeed: parseScrapedArticle, self, settings, tabs: memoryTabStore(), effects, loadWordVectors: readWordVectors, saveDelayMs: 0 });
});

afterEach(async () => {
  await app.ready.then(() => app.engine.flush(), () => undefined);
  db.close();
});

async function ask<T>(type: string, data: unknown, sender: MessageSender): Promise<T> {
  const response = await app.dispatch({ type, data }, sender);
  if (!response.ok) throw new Error(`${response.error.name}: ${response.error.message}`);
  return response.value as T;
}

/** What the content script does on a page: ask whether to run, report its n-grams, find what to paint. */
function visit(text: string, sender: MessageSender, extra?: { readInPart?: true; part?: number }) {
  return visitPage(ask, text, sender, app, extra);
}

describe('linking fixture pages to the seed collection', () => {
  // A page whose text a script renders has no text to read here; the end-to-end tests cover it.
  for (const page of FIXTURE_PAGES.filter((p) => p.kind !== 'dynamic')) {
    it(`${page.expect === 'related' ? 'links' : 'stays quiet on'} ${page.file} (${page.kind})`, async () => {
      const text = visibleText(page.file);

      const { links, found } = await visit(text, pageIn(1));

      if (page.expect === 'related') {
        expect(links?.related.length).toBeGreaterThan(0);
        // Each article lists a phrase's label once, even where two of its phrases share it.
        for (const article of links!.related) expect(article.phrases).toEqual([...new Set(article.phrases)]);
        const highlighted = found.map((f) => f.toLowerCase());
        for (const phrase of page.mustLinkPhrases.filter((p) => text.includes(p))) {
          expect({ phrase, highlighted: highlighted.some((h) => h.includes(phrase.toLowerCase()) || phrase.toLowerCase().includes(h)) })
            .toEqual({ phrase, highlighted: true });
        }
      } else {
        expect({ related: links?.related.map((r) => `${r.title} ← ${r.phrases.join(', ')}`), highlighted: found }).toEqual({ related: [], highlighted: [] });
      }
    });
  }
});

describe('tab state, badge and settings', () => {
  it('counts related articles on the badge and lists them for the popup', async () => {
    const { links } = await visit(visibleText('related-wuzhen-news.html'), pageIn(7));

    const tab = await ask<TabLinks>('relatedForTab', { tabId: 7 }, popup);

    expect(effects.log.badges.get(7)).toBe(links!.related.length);
    expect(tab).toMatchObject({ tabId: 7, site: 'news.example.com' });
    expect(tab.related.map((r) => r.id)).toEqual(links!.related.map((r) => r.id));
    expect(effects.log.events).toContainEqual({ event: 'tabLinksChanged', data: { tabId: 7 } });
  });

  it('clears the badge of a tab on an unrelated page', async () => {
    await visit(visibleText('unrelated-recipe.html'), pageIn(8));

    expect(effects.log.badges.get(8)).toBe(0);
  });

  it('forgets a tab when it navigates away', async () => {
    await visit(visibleText('related-wuzhen-news.html'), pageIn(7));

    await app.forgetTab(7);

    expect(await ask<TabLinks>('relatedForTab', { tabId: 7 }, popup)).toEqual({ tabId: 7, related: [] });
  });

  it('stays off on sensitive sites unless the user turns it on there', async () => {
    const bank = pageIn(3, 'https://online.examplebank.com/statement');

    const before = await ask<LinkingData>('linkingData', {}, bank);
    await ask('setSiteEnabled', { enabled: true }, bank);
    const after = await ask<LinkingData>('linkingData', {}, bank);

    expect(before).toEqual({ enabled: false, reason: 'sensitive' });
    expect(after.enabled).toBe(true);
  });

  it('turns off on one site from the popup, and pauses everywhere', async () => {
    await visit(visibleText('related-wuzhen-news.html'), pageIn(7));

    await ask('setSiteEnabled', { enabled: false, tabId: 7 }, popup);
    const siteOff = await ask<LinkingData>('linkingData', {}, pageIn(7));
    const otherSite = await ask<LinkingData>('linkingData', {}, pageIn(9, 'https://blog.example.org/'));
    await ask('updateLinkingSettings', { paused: true }, popup);
    const paused = await ask<LinkingData>('linkingData', {}, pageIn(9, 'https://blog.example.org/'));

    expect(siteOff).toEqual({ enabled: false, reason: 'site-off' });
    expect(otherSite.enabled).toBe(true);
    expect(paused).toEqual({ enabled: false, reason: 'paused' });
    expect(effects.log.badges.get(7)).toBe(0);
    expect(effects.log.rescans).toContain('all');
  });

  it('never highlights a muted phrase again, and lists it for un-muting', async () => {
    const text = visibleText('related-wuzhen-news.html');
    const first = await visit(text, pageIn(7));
    const mutedIndex = first.links!.highlight[0]!;

    await ask('mutePhrase', { phrase: mutedIndex }, pageIn(7));
    const second = await visit(text, pageIn(7));
    const listed = await ask<LinkingSettings>('linkingSettings', {}, popup);

    expect(second.links!.highlight).not.toContain(mutedIndex);
    expect(listed.mutedPhrases).toHaveLength(1);
    expect(effects.log.rescans).toContain(7);

    const unmuted = await ask<LinkingSettings>('updateLinkingSettings', { unmute: [listed.mutedPhrases[0]!.key] }, popup);
    expect(unmuted.mutedPhrases).toEqual([]);
  });

  it('gives a hover card with the articles and the passage where the phrase occurs', async () => {
    const { links } = await visit(visibleText('related-wuzhen-news.html'), pageIn(7));

    const card = await ask<PhraseCard>('phraseCard', { phrase: links!.highlight[0]! }, pageIn(7));

    expect(card.articles.length).toBeGreaterThan(0);
    expect(card.articles[0]!.passage.highlights.length).toBeGreaterThan(0);
  });

  it('refuses malformed reports, reports from extension pages and settings changes from content scripts', async () => {
    const ngrams = (keys: number[], counts: number[], firsts: number[], unigrams = 0) => ({ ngrams: { keys, counts, firsts, unigrams }, textLength: 10 });
    const fromPopup = await app.dispatch({ type: 'reportPage', data: ngrams([], [], []) }, popup);
    const pause = await app.dispatch({ type: 'updateLinkingSettings', data: { paused: true } }, pageIn(1));
    const cases = [
      ngrams([-1], [1], [0]),
      ngrams([1.5], [1], [0]),
      ngrams([2 ** 53], [1], [0]),
      ngrams([1, 2], [1], [0, 0]),
      ngrams([1], [0], [0]),
      ngrams([1], [1], [1001]),
      ngrams([1], [1], [0], 2),
      ngrams(new Array(100_001).fill(1), new Array(100_001).fill(1), new Array(100_001).fill(0)),
      { version: 'old', phrases: [], textLength: 0 },
    ];
    const malformed = await Promise.all(cases.map((data) => app.dispatch({ type: 'reportPage', data }, pageIn(1))));

    for (const response of [fromPopup, pause, ...malformed]) expect(response).toMatchObject({ ok: false, error: { name: 'RequestError' } });
  });

  it('tells the popup when the page was read only in part, and only then', async () => {
    const { links } = await visit(visibleText('related-wuzhen-news.html'), pageIn(3));
    const report = { ngrams: { keys: [], unigrams: 0, counts: [], firsts: [] }, textLength: 100_000 };

    const whole = await ask<TabLinks>('relatedForTab', { tabId: 3 }, popup);
    await ask('reportPage', { ...report, readInPart: true }, pageIn(3));
    const inPart = await ask<TabLinks>('relatedForTab', { tabId: 3 }, popup);
    const notBoolean = await app.dispatch({ type: 'reportPage', data: { ...report, readInPart: 'yes' } }, pageIn(3));

    expect(links!.related.length).toBeGreaterThan(0);
    expect(whole.readInPart).toBeUndefined();
    expect(inPart.readInPart).toBe(true);
    expect(notBoolean).toMatchObject({ ok: false, error: { name: 'RequestError' } });
  });

  it('adds what a further part of a long page relates to, says parts were read, and starts afresh on a new scan', async () => {
    const quiet = visibleText('unrelated-recipe.html');
    const related = visibleText('related-wuzhen-news.html');
    const tab = () => ask<TabLinks>('relatedForTab', { tabId: 5 }, popup);

    await visit(quiet, pageIn(5), { readInPart: true });
    const start = await tab();
    const part = await visit(related, pageIn(5), { readInPart: true, part: 1 });
    const afterPart = await tab();
    await visit(quiet, pageIn(5), { readInPart: true, part: 2 });
    const afterQuietPart = await tab();
    await visit(quiet, pageIn(5), { readInPart: true });
    const rescanned = await tab();

    expect(start).toMatchObject({ related: [], readInPart: true });
    expect(start.partsRead).toBeUndefined();
    expect(part.links!.highlight.length).toBeGreaterThan(0);
    expect(afterPart.related.length).toBeGreaterThan(0);
    expect(afterPart).toMatchObject({ readInPart: true, partsRead: 1 });
    expect(afterQuietPart.related.map((a) => a.id)).toEqual(afterPart.related.map((a) => a.id));
    expect(afterQuietPart.partsRead).toBe(2);
    expect(effects.log.badges.get(5)).toBe(0);
    expect(rescanned).toMatchObject({ related: [], readInPart: true });
    expect(rescanned.partsRead).toBeUndefined();
  });

  it('refuses a part that is not a whole number from 1 to 1000', async () => {
    const report = { ngrams: { keys: [], unigrams: 0, counts: [], firsts: [] }, textLength: 10 };

    const answers = await Promise.all([0, 1.5, 1001, '2'].map((part) => app.dispatch({ type: 'reportPage', data: { ...report, part } }, pageIn(5))));

    for (const answer of answers) expect(answer).toMatchObject({ ok: false, error: { name: 'RequestError' } });
  });

  it('says the collection is empty for the tab, naming its site, when every article was deleted', async () => {
    await app.ready;
    const ids = (await db.articles.toArray()).map((a) => a.id);
    await ask('deleteArticles', { ids }, popup);

    const { data } = await visit(visibleText('related-wuzhen-news.html'), pageIn(4));
    const tab = await ask<TabLinks>('relatedForTab', { tabId: 4 }, popup);

    expect(data).toEqual({ enabled: false, reason: 'empty-collection' });
    expect(tab).toMatchObject({ tabId: 4, site: 'news.example.com', related: [], quiet: 'empty-collection' });
  });

  it('answers no card for a hash that is no phrase', async () => {
    await app.ready;
    expect(await ask('phraseCard', { phrase: 12345 }, pageIn(1))).toBeNull();
  });

  it('opens an article in the reader for a content script, and refuses one that does not exist', async () => {
    const [article] = await db.articles.toArray().then((a) => (a.length ? a : app.ready.then(() => db.articles.toArray())));

    await ask('openArticle', { id: article!.id }, pageIn(1));
    const missing = await app.dispatch({ type: 'openArticle', data: { id: 9999 } }, pageIn(1));

    expect(effects.log.opened).toEqual([article!.id]);
    expect(missing).toMatchObject({ ok: false });
  });

  it("opens a card's article with the card's phrase marked, named by the collection, not the page", async () => {
    const { links } = await visit(visibleText('related-wuzhen-news.html'), pageIn(7));
    const phrase = links!.highlight[0]!;
    const card = await ask<PhraseCard>('phraseCard', { phrase }, pageIn(7));

    await ask('openArticle', { id: card.articles[0]!.id, phrase }, pageIn(7));
    await ask('openArticle', { id: card.articles[0]!.id, phrase: 12345 }, pageIn(7));
    const withText = await app.dispatch({ type: 'openArticle', data: { id: card.articles[0]!.id, phrase: 'Wuzhen' } }, pageIn(7));

    expect(effects.log.marked).toEqual([card.label, undefined]);
    expect(withText).toMatchObject({ ok: false, error: { name: 'RequestError' } });
  });
});
