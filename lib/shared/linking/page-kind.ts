/**
 * Web stores where browsers let no extension run a content script, though they are https pages.
 * Each entry is a host and the path its store lives under ('/' for the whole host).
 */
const STORES: readonly { host: string; path: string }[] = [
  { host: 'chromewebstore.google.com', path: '/' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'addons.mozilla.org', path: '/' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
];

import { isSamplePageUrl } from '../reach/own-pages.ts';

/**
 * Whether Cairn can run on the page at `url`: a `web` page (http or https), or a `browser` page
 * where no content script runs: the browser's own pages (`chrome://`, `about:`), extension pages,
 * local files, and the extension stores. Without the "tabs" permission the browser gives a tab's
 * address only for the http and https pages Cairn has host access to, so a tab without one
 * (`undefined`) is a browser page too. Cairn's own sample page is a `sample`: Cairn runs there as
 * on a web page, but it is not a page to add to the collection. (Another extension's pages never
 * reach here: the browser does not give their address.)
 */
export function pageKind(url: string | undefined): 'web' | 'browser' | 'sample' {
  if (!url) return 'browser';
  if (isSamplePageUrl(url)) return 'sample';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'browser';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'browser';
  const host = parsed.hostname.toLowerCase();
  const inStore = STORES.some((store) => host === store.host && (store.path === '/' || parsed.pathname === store.path || parsed.pathname.startsWith(`${store.path}/`)));
  return inStore ? 'browser' : 'web';
}
