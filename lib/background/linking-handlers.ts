import * as v from 'valibot';
import type { CairnDb } from './db/cairn-db.ts';
import { readArticles } from './db/read-articles.ts';
import { summaryOf } from './db/summary-of.ts';
import { rankPage } from './linking/rank-page.ts';
import { englishIdfOfHash } from './linking/background-idf.ts';
import { phraseOfHash, type LinkIndex } from './linking/link-index.ts';
import { keyHash } from '../shared/linking/key-hash.ts';
import { mergeRelated } from '../shared/linking/merge-related.ts';
import { isSensitiveHost, quietReasonFor } from '../shared/linking/site-policy.ts';
import type { Handlers, LinkingSettings, MessageSender, QuietReason, RelatedArticle, SenderKind, TabLinks } from '../protocol.ts';
import { makeSnippet } from './search/make-snippet.ts';
import { wordScannerProfile } from '../shared/text/scan-words.ts';
import { indexTerms } from '../shared/search/index-terms.ts';
import type { LinkingEngine } from './linking-engine.ts';
import type { SearchEngine } from './search-engine.ts';
import type { BrowserEffects, SettingsStore, TabStore } from './linking-stores.ts';
import { RequestError } from './request-error.ts';
import { savedArticleAt } from './saved-article-at.ts';
import { frameOf, type SenderFrame } from './sender-policy.ts';

/**
 * Most n-grams one report may carry. A page is read up to 100,000 characters: some 17,000 words,
 * at most four n-grams each.
 */
const MAX_REPORTED_NGRAMS = 100_000;
/** Further parts of one long page that may be reported (a 1 MB page is about ten parts). */
const MAX_PAGE_PARTS = 1000;
/** Articles the popup lists for a page read in parts (as many as `rankPage` gives for one). */
const RELATED_LIMIT = 10;
/** Articles a hover card lists, and how many it considers. */
const CARD_ARTICLES = 3;
const CARD_CANDIDATES = 12;

const keyHashSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
/** A list of whole numbers in `[min, max]`, checked by one loop (a report holds tens of thousands). */
const wholeNumbers = (min: number, max: number) =>
  v.custom<number[]>(
    (value) => Array.isArray(value) && value.length <= MAX_REPORTED_NGRAMS && value.every((x) => Number.isInteger(x) && x >= min && x <= max),
    `expected at most ${MAX_REPORTED_NGRAMS} whole numbers from ${min} to ${max}`,
  );

export const LINKING_SCHEMAS = {
  linkingData: v.strictObject({}),
  phraseWords: v.strictObject({ keys: wholeNumbers(0, Number.MAX_SAFE_INTEGER) }),
  reportPage: v.strictObject({
    ngrams: v.pipe(
      v.strictObject({
        keys: wholeNumbers(0, Number.MAX_SAFE_INTEGER),
        unigrams: v.pipe(v.number(), v.integer(), v.minValue(0)),
        counts: wholeNumbers(1, 10_000_000),
        firsts: wholeNumbers(0, 1000),
      }),
      v.check(
        ({ keys, counts, firsts, unigrams }) => counts.length === keys.length && firsts.length === keys.length && unigrams <= keys.length,
        'the n-gram lists differ in length',
      ),
    ),
    textLength: v.pipe(v.number(), v.integer(), v.minValue(0)),
    readInPart: v.optional(v.boolean()),
    part: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_PAGE_PARTS))),
  }),
  phraseCard: v.strictObject({ phrase: keyHashSchema }),
  openArticle: v.strictObject({ id: v.pipe(v.number(), v.integer(), v.minValue(1)), phrase: v.optional(keyHashSchema) }),
  mutePhrase: v.strictObject({ phrase: keyHashSchema }),
  setSiteEnabled: v.strictObject({ enabled: v.boolean(), tabId: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))) }),
  relatedForTab: v.strictObject({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  linkingSettings: v.strictObject({}),
  linkingStatus: v.strictObject({}),
  updateLinkingSettings: v.strictObject({
    paused: v.optional(v.boolean()),
    highlightMode: v.optional(v.picklist(['auto', 'on-demand'])),
    useHighlightApi: v.optional(v.boolean()),
    unmute: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(10_000))),
  }),
};

type LinkingMessage = keyof typeof LINKING_SCHEMAS;

export const LINKING_SENDERS: Record<LinkingMessage, readonly SenderKind[]> = {
  linkingData: ['content-script'],
  phraseWords: ['content-script'],
  reportPage: ['content-script'],
  phraseCard: ['content-script', 'extension-page'],
  openArticle: ['content-script'],
  mutePhrase: ['content-script'],
  setSiteEnabled: ['content-script', 'extension-page'],
  relatedForTab: ['extension-page'],
  linkingSettings: ['extension-page'],
  linkingStatus: ['extension-page'],
  updateLinkingSettings: ['extension-page'],
};

export interface LinkingDeps {
  db: CairnDb;
  linking: LinkingEngine;
  /** Finds the other articles that mention a card's phrase, beyond those that chose it as theirs. */
  engine: SearchEngine;
  settings: SettingsStore;
  tabs: TabStore;
  effects: BrowserEffects;
}

/**
 * Why a frame should stay silent: its own site's reason, or, inside another site's page, that
 * page's (turning Cairn off on a site also quiets what it embeds).
 */
function quietFor(frame: SenderFrame, current: LinkingSettings): QuietReason | null {
  const own = quietReasonFor(frame.site, current);
  if (own || frame.topFrame || frame.topSite === null || frame.topSite === frame.site) return own;
  return quietReasonFor(frame.topSite, current);
}

/** The articles that have a phrase, strongest first. */
function articlesWith(index: LinkIndex, hash: number): number[] {
  const links: { articleId: number; weight: number }[] = [];
  index.phrases.forEach(hash, (articleId, weight) => links.push({ articleId, weight }));
  return links.sort((a, b) => b.weight - a.weight || a.articleId - b.articleId).map((link) => link.articleId);
}

/** The key and label of one phrase, read from the row of the article that holds it most, or undefined when no article does. */
async function phraseName(db: CairnDb, index: LinkIndex, hash: number, holders = articlesWith(index, hash)): Promise<{ key: string; label: string } | undefined> {
  return (await phraseNames(db, holders.slice(0, 1))).get(hash);
}

/** The key and label of each phrase of these articles, by key hash (from their stored rows). */
async function phraseNames(db: CairnDb, articleIds: readonly number[]): Promise<Map<number, { key: string; label: string }>> {
  const names = new Map<number, { key: string; label: string }>();
  for (const row of await db.links.bulkGet([...articleIds])) {
    if (!row) continue;
    row.phraseHashes.forEach((hash, i) => {
      const phrase = phraseOfHash(row, i);
      if (!names.has(hash)) names.set(hash, { key: row.keys[phrase]!, label: row.labels[phrase]! });
    });
  }
  return names;
}

export function createLinkingHandlers({ db, linking, engine, settings, tabs, effects }: LinkingDeps): Pick<Handlers, LinkingMessage> {
  async function publish(links: TabLinks): Promise<void> {
    await tabs.set(links);
    await effects.setBadge(links.tabId, links.related.length, links.saved !== undefined);
    effects.broadcast({ event: 'tabLinksChanged', data: { tabId: links.tabId } });
  }

  async function updateSettings(change: (current: LinkingSettings) => LinkingSettings): Promise<LinkingSettings> {
    const next = change(await settings.get());
    await settings.set(next);
    return next;
  }

  /** The site of a tab's page, as its top frame reported it (extension pages name the tab). */
  async function siteOfTab(tabId: number | undefined): Promise<{ tabId: number; site: string }> {
    if (tabId === undefined) throw new RequestError('setSiteEnabled: which tab?');
    const site = (await tabs.get(tabId))?.site;
    if (!site) throw new RequestError('Cairn has not seen a web page in this tab yet.');
    return { tabId, site };
  }

  return {
    async linkingData(_data, sender) {
      const frame = frameOf(sender);
      const { tabId, site, topFrame } = frame;
      const current = await settings.get();
      const quiet = quietFor(frame, current);
      if (quiet) {
        // Only the top frame speaks for the tab (badge, popup): an embedded frame never does.
        if (topFrame) await publish({ tabId, site, related: [], quiet });
        return { enabled: false, reason: quiet };
      }
      const index = await linking.load();
      if (index.articleCount === 0 && (await db.articles.count()) === 0) {
        // Said for the tab too, so the popup knows the page is a web page it may switch (issue 11).
        if (topFrame) await publish({ tabId, site, related: [], quiet: 'empty-collection' });
        return { enabled: false, reason: 'empty-collection' };
      }
      return {
        enabled: true,
        highlightMode: current.highlightMode,
        useHighlightApi: current.useHighlightApi === true,
        wordScanner: wordScannerProfile(),
      };
    },

    async phraseWords({ keys }, sender) {
      if (quietFor(frameOf(sender), await settings.get())) return { words: [] };
      return { words: (await linking.caughtUp()).phraseWords(keys) };
    },

    async reportPage({ ngrams, readInPart, part }, sender) {
      const frame = frameOf(sender);
      const { tabId, site, topFrame } = frame;
      const current = await settings.get();
      if (quietFor(frame, current)) return { related: [], highlight: [] };
      const index = await linking.caughtUp();
      const muted = new Set(current.mutedPhrases.map((m) => keyHash(m.key)));
      // The frame's own address as the browser gives it: a page saved in the collection is never
      // related to itself, nor highlighted for its own article's phrases.
      const saved = await savedArticleAt(db, sender.url);
      const ranked = rankPage(index, ngrams, { muted, idfOfHash: englishIdfOfHash, exclude: saved?.id, limit: RELATED_LIMIT });
      const ids = ranked.map((r) => r.articleId);
      const [articles, names] = await Promise.all([readArticles(db, ids), phraseNames(db, ids)]);
      const related: RelatedArticle[] = [];
      const highlight = new Set<number>();
      ranked.forEach((rank, i) => {
        const article = articles[i];
        if (!article) return;
        // Two phrases can share a label (a name and its short form, "Belt and Road"): list it once.
        const labels = [...new Set(rank.phrases.flatMap((hash) => names.get(hash)?.label ?? []))];
        related.push({ ...summaryOf(article), score: rank.score, phrases: labels });
        for (const hash of rank.phrases) highlight.add(hash);
      });
      // An embedded frame gets its own highlights but never changes what the tab shows: a frame
      // of another site could otherwise fill the popup and badge of the page around it.
      if (topFrame) {
        // A further part of a long page adds to what the parts before it related to (issue 11).
        const before = part === undefined ? undefined : await tabs.get(tabId);
        const shown = before && !before.quiet && before.site === site ? mergeRelated(before.related, related, RELATED_LIMIT) : related;
        await publish({
          tabId,
          site,
          related: shown,
          ...(readInPart || part !== undefined ? { readInPart: true } : {}),
          ...(part !== undefined && { partsRead: part }),
          ...(saved && { saved }),
        });
      }
      return { related, highlight: [...highlight] };
    },

    async phraseCard({ phrase: hash }) {
      const index = await linking.load();
      const own = articlesWith(index, hash);
      if (own.length === 0) return null;
      const label = (await phraseName(db, index, hash, own))?.label;
      if (!label) return null;
      // The articles that made it one of their phrases first, then others that use it too
      // (search finds them; the passage check keeps only those where the phrase really occurs).
      const others = (await engine.searchIds(label)).slice(0, CARD_CANDIDATES);
      const ids = [...new Set([...own, ...others])].slice(0, CARD_CANDIDATES);
      const terms = new Set(indexTerms(label));
      const articles = (await readArticles(db, ids)).flatMap((article) => {
        if (!article) return [];
        const passage = makeSnippet(article.body, terms, 160);
        const chosen = own.includes(article.id);
        return chosen || passage.highlights.length >= terms.size ? [{ ...summaryOf(article), passage }] : [];
      });
      return { label, articles: articles.slice(0, CARD_ARTICLES) };
    },

    async openArticle({ id, phrase: hash }) {
      if (!(await db.articles.get(id))) throw new RequestError('This article is not in your collection any more.');
      // The words to mark come from the collection's own name for the phrase, never from the page.
      const label = hash === undefined ? undefined : (await phraseName(db, await linking.load(), hash))?.label;
      await effects.openReader(id, label);
      return null;
    },

    // A muted phrase is muted everywhere (it names no site), so any frame's card may mute it.
    async mutePhrase({ phrase: hash }, sender) {
      const { tabId } = frameOf(sender);
      const phrase = await phraseName(db, await linking.load(), hash);
      if (!phrase) throw new RequestError('linking: this phrase is not in your collection any more; scan the page again');
      await updateSettings((s) => ({
        ...s,
        mutedPhrases: s.mutedPhrases.some((m) => m.key === phrase.key)
          ? s.mutedPhrases
          : [...s.mutedPhrases, { key: phrase.key, label: phrase.label }],
      }));
      await effects.rescan(tabId);
      return null;
    },

    async setSiteEnabled({ enabled, tabId: requestedTab }, sender) {
      const { tabId, site } = sender.kind === 'content-script' ? ownSite(sender, requestedTab) : await siteOfTab(requestedTab);
      await updateSettings((s) => ({
        ...s,
        sitesOff: enabled ? s.sitesOff.filter((x) => x !== site) : [...new Set([...s.sitesOff, site])],
        sensitiveSitesOn: enabled && isSensitiveHost(site)
          ? [...new Set([...s.sensitiveSitesOn, site])]
          : s.sensitiveSitesOn.filter((x) => x !== site),
      }));
      if (!enabled) await publish({ tabId, site, related: [], quiet: 'site-off' });
      await effects.rescan();
      return null;
    },

    async relatedForTab({ tabId }) {
      return (await tabs.get(tabId)) ?? { tabId, related: [] };
    },

    linkingSettings: () => settings.get(),

    // Damaged articles are never mined: they are not waiting either.
    linkingStatus: async () => linking.status((await engine.load()).damaged.length),

    async updateLinkingSettings({ paused, highlightMode, useHighlightApi, unmute }) {
      const before = await settings.get();
      const next = await updateSettings((s) => ({
        ...s,
        paused: paused ?? s.paused,
        highlightMode: highlightMode ?? s.highlightMode,
        useHighlightApi: useHighlightApi ?? s.useHighlightApi ?? false,
        mutedPhrases: unmute ? s.mutedPhrases.filter((m) => !unmute.includes(m.key)) : s.mutedPhrases,
      }));
      if (JSON.stringify(before) !== JSON.stringify(next)) await effects.rescan();
      return next;
    },
  };
}

/**
 * The site a content script may switch: its own frame's, and only from the tab's top frame. An
 * embedded frame (an ad, a video, a widget of another site) never turns Cairn on or off, not even
 * for its own site, because the user reads its card as being about the page around it.
 */
function ownSite(sender: MessageSender, requestedTab: number | undefined): { tabId: number; site: string } {
  if (requestedTab !== undefined) throw new RequestError('setSiteEnabled: a web page cannot name a tab; it can only switch its own site.');
  const { tabId, site, topFrame } = frameOf(sender);
  if (!topFrame) {
    throw new RequestError(`setSiteEnabled: only the page itself can turn Cairn on or off for ${site}, not a frame embedded in it.`);
  }
  return { tabId, site };
}
