import * as v from 'valibot';
import type { CairnDb } from './db/cairn-db.ts';
import { readArticles } from './db/read-articles.ts';
import { summaryOf } from './db/summary-of.ts';
import { rankRelated } from './linking/rank-related.ts';
import { isSensitiveHost, quietReasonFor } from '../shared/linking/site-policy.ts';
import type { Handlers, LinkingSettings, MessageSender, QuietReason, RelatedArticle, SenderKind, TabLinks } from '../protocol.ts';
import { makeSnippet } from './search/make-snippet.ts';
import { wordScannerProfile } from '../shared/text/scan-words.ts';
import { indexTerms } from '../shared/search/index-terms.ts';
import type { LinkingEngine, LinkingState } from './linking-engine.ts';
import type { BrowserEffects, SettingsStore, TabStore } from './linking-stores.ts';
import { RequestError } from './request-error.ts';
import { frameOf, type SenderFrame } from './sender-policy.ts';

/** Most phrase counts one report may carry. */
const MAX_REPORTED_PHRASES = 20_000;
/** Articles a hover card lists. */
const CARD_ARTICLES = 3;

const version = v.pipe(v.string(), v.maxLength(64));
const phraseIndex = v.pipe(v.number(), v.integer(), v.minValue(0));

export const LINKING_SCHEMAS = {
  linkingData: v.strictObject({}),
  reportPage: v.strictObject({
    version,
    phrases: v.pipe(
      v.array(
        v.strictObject({
          phrase: phraseIndex,
          count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000_000)),
          firstAt: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
        }),
      ),
      v.maxLength(MAX_REPORTED_PHRASES),
    ),
    textLength: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  phraseCard: v.strictObject({ version, phrase: phraseIndex }),
  openArticle: v.strictObject({ id: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
  mutePhrase: v.strictObject({ version, phrase: phraseIndex }),
  setSiteEnabled: v.strictObject({ enabled: v.boolean(), tabId: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))) }),
  relatedForTab: v.strictObject({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  linkingSettings: v.strictObject({}),
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
  reportPage: ['content-script'],
  phraseCard: ['content-script', 'extension-page'],
  openArticle: ['content-script'],
  mutePhrase: ['content-script'],
  setSiteEnabled: ['content-script', 'extension-page'],
  relatedForTab: ['extension-page'],
  linkingSettings: ['extension-page'],
  updateLinkingSettings: ['extension-page'],
};

export interface LinkingDeps {
  db: CairnDb;
  linking: LinkingEngine;
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

function phraseAt(state: LinkingState, requestVersion: string, index: number) {
  if (requestVersion !== state.version) throw new RequestError('linking: the collection changed; scan the page again');
  const phrase = state.vocabulary.phrases[index];
  if (!phrase) throw new RequestError(`linking: there is no phrase ${index}`);
  return phrase;
}

export function createLinkingHandlers({ db, linking, settings, tabs, effects }: LinkingDeps): Pick<Handlers, LinkingMessage> {
  async function publish(links: TabLinks): Promise<void> {
    await tabs.set(links);
    await effects.setBadge(links.tabId, links.related.length);
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
      const state = await linking.load();
      if (state.vocabulary.phrases.length === 0) return { enabled: false, reason: 'empty-collection' };
      return {
        enabled: true,
        version: state.version,
        matcher: state.matcher,
        highlightMode: current.highlightMode,
        useHighlightApi: current.useHighlightApi === true,
        wordScanner: wordScannerProfile(),
      };
    },

    async reportPage({ version: reported, phrases: counts }, sender) {
      const frame = frameOf(sender);
      const { tabId, site, topFrame } = frame;
      const current = await settings.get();
      if (quietFor(frame, current)) return { related: [], highlight: [] };
      const state = await linking.load();
      if (reported !== state.version) throw new RequestError('linking: the collection changed; scan the page again');
      const { phrases } = state.vocabulary;
      const muted = new Set(current.mutedPhrases.map((m) => m.key));
      const ranked = rankRelated(counts.filter((c) => c.phrase < phrases.length), phrases, muted);
      const articles = await readArticles(db, ranked.map((r) => r.articleId));
      const related: RelatedArticle[] = [];
      const highlight = new Set<number>();
      ranked.forEach((rank, i) => {
        const article = articles[i];
        if (!article) return;
        related.push({ ...summaryOf(article), score: rank.score, phrases: rank.phrases.map((p) => phrases[p]!.label) });
        for (const p of rank.phrases) highlight.add(p);
      });
      // An embedded frame gets its own highlights but never changes what the tab shows: a frame
      // of another site could otherwise fill the popup and badge of the page around it.
      if (topFrame) await publish({ tabId, site, related });
      return { related, highlight: [...highlight].sort((a, b) => a - b) };
    },

    async phraseCard({ version: reported, phrase: index }) {
      const state = await linking.load();
      const phrase = phraseAt(state, reported, index);
      const links = phrase.links.slice(0, CARD_ARTICLES);
      const articles = await readArticles(db, links.map((link) => link.articleId));
      const terms = new Set(indexTerms(phrase.label));
      return {
        label: phrase.label,
        articles: articles.flatMap((article) => {
          if (!article) return [];
          return [{ ...summaryOf(article), passage: makeSnippet(article.body, terms, 160) }];
        }),
      };
    },

    async openArticle({ id }) {
      if (!(await db.articles.get(id))) throw new RequestError('This article is not in your collection any more.');
      await effects.openReader(id);
      return null;
    },

    // A muted phrase is muted everywhere (it names no site), so any frame's card may mute it.
    async mutePhrase({ version: reported, phrase: index }, sender) {
      const { tabId } = frameOf(sender);
      const phrase = phraseAt(await linking.load(), reported, index);
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
