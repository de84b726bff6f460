import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { CairnDb } from '../lib/background/db/cairn-db.ts';
import { browserEffects, browserSettingsStore, browserTabStore } from '../lib/background/platform/browser-stores.ts';
import { createApp } from '../lib/background/create-app.ts';
import { browserReachEffects } from '../lib/background/platform/browser-reach-effects.ts';
import { fetchWordVectors } from '../lib/background/platform/fetch-word-vectors.ts';
import { createReach, MENUS } from '../lib/background/reach/create-reach.ts';
import { MAX_QUERY_LENGTH } from '../lib/background/handlers.ts';
import { parseScrapedArticle } from '../lib/shared/text/parse-scraped-article.ts';
import { SEEDS } from '../seeds/index.ts';
import { WELCOME_PAGE_PATH, welcomesOn } from '../lib/shared/reach/own-pages.ts';

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
    loadWordVectors: fetchWordVectors,
  });
  const reach = createReach({
    ready: app.ready,
    engine: app.engine,
    writer: app.writer,
    effects: browserReachEffects,
    omniboxMarkup: !import.meta.env.FIREFOX,
    maxQueryLength: MAX_QUERY_LENGTH,
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

  // The context menu: "Add this page to Cairn" on a page, "Search Cairn for “…”" and "Save
  // selection to Cairn" on a selection. Menu items outlive the worker, so they are created once
  // per install or update.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // The welcome page, once: on the first install, never on an update.
    if (welcomesOn(reason)) {
      browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE_PATH) }).catch((error: unknown) => console.debug('Cairn: welcome page', error));
    }
    const items = [
      { id: ADD_PAGE_MENU, title: 'Add this page to Cairn', contexts: ['page'] as const },
      // Chrome puts the selection in place of %s, shortened to fit the menu.
      { id: MENUS.search, title: 'Search Cairn for “%s”', contexts: ['selection'] as const },
      { id: MENUS.save, title: 'Save selection to Cairn', contexts: ['selection'] as const },
    ];
    for (const { id, title, contexts } of items) {
      browser.contextMenus.create({ id, title, contexts: [...contexts] }, () => {
        // Already there after an update: nothing to do.
        void browser.runtime.lastError;
      });
    }
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const handled = reach.menuClicked(info, tab);
    if (handled) {
      handled.catch((error: unknown) => {
        if (tab?.id !== undefined) void effects.notifyPage(tab.id, messageOf(error));
      });
      return;
    }
    if (info.menuItemId !== ADD_PAGE_MENU || tab?.id === undefined) return;
    const tabId = tab.id;
    app.importPage(tabId).then(
      (result) =>
        effects.notifyPage(
          tabId,
          result.outcome === 'added' ? `Added to Cairn: “${result.title}”` : `Already in your Cairn collection: “${result.title}”`,
        ),
      (error: unknown) => effects.notifyPage(tabId, messageOf(error)),
    );
  });

  // Keyboard commands: the side panel, and showing or hiding the highlights on the page. The
  // popup's own shortcut (_execute_action) is the browser's to handle.
  browser.commands?.onCommand.addListener((command, tab) => {
    reach.command(command, tab)?.catch((error: unknown) => console.debug('Cairn: command', command, error));
  });

  // The address bar: "ca" then a space, then words to search for.
  browser.omnibox?.onInputStarted.addListener(() => {
    void reach.omniboxInput('').then(({ first }) => browser.omnibox.setDefaultSuggestion({ description: first }));
  });
  browser.omnibox?.onInputChanged.addListener((text, suggest) => {
    reach.omniboxInput(text).then(
      ({ first, suggestions }) => {
        browser.omnibox.setDefaultSuggestion({ description: first });
        suggest(suggestions);
      },
      () => suggest([]),
    );
  });
  browser.omnibox?.onInputEntered.addListener((text, disposition) => {
    void reach.omniboxEnter(text, disposition).catch((error: unknown) => console.debug('Cairn: omnibox', error));
  });
});

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
