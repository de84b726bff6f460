import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { DEFAULT_LINKING_SETTINGS } from '../../shared/linking/site-policy.ts';
import { badgeText } from '../../shared/linking/badge-text.ts';
import type { LinkingSettings, TabLinks } from '../../protocol.ts';
import { showPageNotice } from './show-page-notice.ts';
import type { BrowserEffects, SettingsStore, TabStore } from '../linking-stores.ts';
import { memoryTabStore } from '../linking-stores.ts';
import { sendEvent } from '../../platform/messaging.ts';

const settingsItem = storage.defineItem<LinkingSettings>('local:linkingSettings', {
  fallback: DEFAULT_LINKING_SETTINGS,
});

/** The user's linking settings, in `storage.local` (kept across restarts, never synced). */
export const browserSettingsStore: SettingsStore = {
  // Settings saved by an older version may lack newer fields: fill them from the defaults.
  get: async () => ({ ...DEFAULT_LINKING_SETTINGS, ...(await settingsItem.getValue()) }),
  set: (settings) => settingsItem.setValue(settings),
};

/**
 * What Cairn showed for each tab, in `storage.session` where the browser has it (memory only,
 * cleared when the browser closes, survives a service-worker restart), else in memory.
 */
export function browserTabStore(): TabStore {
  if (!browser.storage?.session) return memoryTabStore();
  const key = (tabId: number) => `session:tab-links:${tabId}` as const;
  return {
    get: async (tabId) => (await storage.getItem<TabLinks>(key(tabId))) ?? undefined,
    set: (links) => storage.setItem(key(links.tabId), links),
    delete: (tabId) => storage.removeItem(key(tabId)),
  };
}

// Chrome MV3 has `action`; Firefox's MV2 build has `browserAction`.
const toolbarButton = browser.action ?? browser.browserAction;

export const browserEffects: BrowserEffects = {
  async setBadge(tabId, count, saved = false) {
    await toolbarButton.setBadgeText({ tabId, text: badgeText(count, saved) }).catch(ignoreClosedTab);
  },

  async openReader(articleId, query) {
    const marked = query ? `&q=${encodeURIComponent(query)}` : '';
    await browser.tabs.create({ url: `${browser.runtime.getURL('/reader.html')}?id=${articleId}${marked}` });
  },

  broadcast(event) {
    void sendEvent('extension-pages', event);
  },

  async rescan(tabId) {
    const ids = tabId === undefined ? (await browser.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [tab.id])) : [tabId];
    await Promise.all(ids.map((id) => sendEvent({ tabId: id }, { event: 'rescan', data: {} })));
  },

  async extractArticle(tabId) {
    // Runs entrypoints/extract-article.ts in the tab's isolated world; its main returns the article.
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, files: ['/extract-article.js'] });
    return frame?.result;
  },

  async notifyPage(tabId, message) {
    await browser.scripting
      .executeScript({ target: { tabId }, func: showPageNotice, args: [message] })
      .catch(() => undefined);
  },
};

function ignoreClosedTab(): void {
  // The tab closed between the report and the badge update: nothing to show any more.
}
