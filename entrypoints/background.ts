import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { CairnDb } from '../lib/background/db/cairn-db.ts';
import { browserEffects, browserSettingsStore, browserTabStore } from '../lib/background/platform/browser-stores.ts';
import { createApp } from '../lib/background/create-app.ts';
import { sendEvent } from '../lib/platform/messaging.ts';
import { parseScrapedArticle } from '../lib/shared/text/parse-scraped-article.ts';
import { SEEDS } from '../seeds/index.ts';

const ADD_PAGE_MENU = 'cairn-add-page';

export default defineBackground(() => {
  const effects = browserEffects;
  const app = createApp({
    db: new CairnDb(),
    seeds: SEEDS,
    parseSeed: parseScrapedArticle,
    self: { id: browser.runtime.id, origin: browser.runtime.getURL('/') },
    settings: browserSettingsStore,
    tabs: browserTabStore(),
    effects,
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

  // "Add this page to Cairn" on the page's context menu. Menu items outlive the worker, so they
  // are created once per install or update.
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: ADD_PAGE_MENU, title: 'Add this page to Cairn', contexts: ['page'] }, () => {
      // Already there after an update: nothing to do.
      void browser.runtime.lastError;
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== ADD_PAGE_MENU || tab?.id === undefined) return;
    const tabId = tab.id;
    app.importPage(tabId).then(
      (result) =>
        effects.notifyPage(
          tabId,
          result.outcome === 'added' ? `Added to Cairn: “${result.title}”` : `Already in your Cairn collection: “${result.title}”`,
        ),
      (error: unknown) => effects.notifyPage(tabId, error instanceof Error ? error.message : String(error)),
    );
  });

  // The "highlight now" shortcut, for people who chose on-demand highlighting.
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== 'highlight-page' || tab?.id === undefined) return;
    void sendEvent({ tabId: tab.id }, { event: 'highlightNow', data: {} });
  });
});
