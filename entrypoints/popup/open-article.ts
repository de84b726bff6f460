import { browser } from 'wxt/browser';
import { closePopup } from './close-popup.ts';

/** Opens an article in the reader in a new tab, with the query to mark, and closes the popup. */
export async function openArticle(id: number, query: string): Promise<void> {
  const url = browser.runtime.getURL('/reader.html') + '?id=' + id + '&q=' + encodeURIComponent(query);
  await browser.tabs.create({ url });
  await closePopup();
}
