/**
 * Cairn's own pages that first-run and the sample need to name outside the UI (the background
 * opens the welcome page; the sender policy recognises the sample page).
 */
export const WELCOME_PAGE_PATH = '/welcome.html';
export const SAMPLE_PAGE_PATH = '/sample.html';

/**
 * The site name the sample page speaks for. It is not a host name, so it can never be mistaken
 * for a real site in the settings (turning Cairn off "for Cairn's sample page" touches no web site).
 */
export const SAMPLE_SITE = 'Cairn’s sample page';

const EXTENSION_SCHEMES = new Set(['chrome-extension:', 'moz-extension:']);

/**
 * Whether `url` is an extension's sample page (`<scheme>://<id>/sample.html`, any query or hash).
 * Which extension is the caller's to check: the background only lets its own pages' messages in.
 */
export function isSamplePageUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return EXTENSION_SCHEMES.has(parsed.protocol) && parsed.pathname === SAMPLE_PAGE_PATH;
  } catch {
    return false;
  }
}

/** Whether the install event calls for the welcome page: a first install only, never an update or a browser update. */
export function welcomesOn(reason: string): boolean {
  return reason === 'install';
}
