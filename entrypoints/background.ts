import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { CairnDb } from '../lib/db/cairn-db.ts';
import { createApp } from '../lib/service/create-app.ts';
import { parseScrapedArticle } from '../lib/text/parse-scraped-article.ts';
import { SEEDS } from '../seeds/index.ts';

export default defineBackground(() => {
  const app = createApp({
    db: new CairnDb(),
    seeds: SEEDS,
    parseSeed: parseScrapedArticle,
    self: { id: browser.runtime.id, origin: browser.runtime.getURL('/') },
  });

  // Registered synchronously, so a message that wakes the worker is not lost. Answering through
  // sendResponse works the same in Chrome and Firefox.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void app.dispatch(message, sender).then(sendResponse);
    return true;
  });
});
