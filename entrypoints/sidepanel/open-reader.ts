import { browser } from 'wxt/browser';

/**
 * Opens an article in the reader in a new tab, with the phrases that linked it marked. Unlike
 * the popup, the side panel stays open: the reader tab becomes the active tab and the panel
 * follows it.
 */
export async function openReader(id: number, terms: string): Promise<void> {
  const url = browser.runtime.getURL('/reader.html') + '?id=' + id + '&q=' + encodeURIComponent(terms);
  await browser.tabs.create({ url });
}
