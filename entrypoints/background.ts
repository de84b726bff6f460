import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { CairnDb } from '../lib/db/cairn-db.ts';
import { browserEffects, browserSettingsStore, browserTabStore } from '../lib/platform/browser-stores.ts';
import { createApp } from '../lib/service/create-app.ts';
import { parseScrapedArticle } from '../lib/text/parse-scraped-article.ts';
import { SEEDS } from '../seeds/index.ts';

export default defineBackground(() => {
  const app = createApp({
    db: new CairnDb(),
    seeds: SEEDS,
    parseSeed: parseScrapedArticle,
    self: { id: browser.runtime.id, origin: browser.runtime.getURL('/') },
    settings: browserSettingsStore,
    tabs: browserTabStore(),
    effects: browserEffects,
  });

  // Every listener is registered synchronously, so an event that wakes the worker is not lost.
  // Answering through sendResponse works the same in Chrome and Firefox.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void app.dispatch(message, sender).then(sendResponse);
    return true;
  });

  // A tab that loads another page or closes no longer relates to what was found on it.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void app.forgetTab(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void app.forgetTab(tabId));

  // The "highlight now" shortcut, for people who chose on-demand highlighting.
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== 'highlight-page' || tab?.id === undefined) return;
    browser.tabs.sendMessage(tab.id, { type: 'cairn:highlight-now' }).catch(() => undefined);
  });
});
