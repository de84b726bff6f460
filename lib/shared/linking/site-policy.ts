import type { LinkingSettings, QuietReason } from '../../protocol.ts';
import { isSamplePageUrl, SAMPLE_SITE } from '../reach/own-pages.ts';

/**
 * Sites where a page's text is private by nature: banking, mail, password managers, payment and
 * health portals. Cairn stays off there unless the user turns it on for the site. Matched against
 * the host name's labels, so "online.mybank.example" and "mail.example.org" are both caught.
 */
const SENSITIVE_HOST = [
  /(^|\.)(mail|webmail|email|inbox|outlook)\./,
  /(^|[.-])(bank|banking|ebanking|netbank|onlinebanking)([.-]|$)/,
  /(^|[.-])\w*bank(ing)?\.(com|co\.\w+|de|fr|ch|nl|it|es|be|at|se|no|dk|fi|pl|cz|ie|pt|ca|au|in|cn|jp)$/,
  /(^|\.)(1password|lastpass|bitwarden|dashlane|keepersecurity|nordpass|proton|protonmail|tutanota|fastmail|paypal|stripe|wise|revolut|venmo)\.(com|me|eu|io|net|org)$/,
  /(^|\.)(accounts|login|signin|auth|secure|myaccount|patient|mychart)\./,
];

/** Whether a host name looks like one of the sensitive sites Cairn leaves alone by default. */
export function isSensitiveHost(host: string): boolean {
  const name = host.toLowerCase();
  return SENSITIVE_HOST.some((pattern) => pattern.test(name));
}

/** Why Cairn should stay silent on `host`, or null when it may link the page. */
export function quietReasonFor(host: string, settings: LinkingSettings): QuietReason | null {
  const name = host.toLowerCase();
  if (settings.paused) return 'paused';
  if (settings.sitesOff.includes(name)) return 'site-off';
  if (isSensitiveHost(name) && !settings.sensitiveSitesOn.includes(name)) return 'sensitive';
  return null;
}

/**
 * The host name of a web page URL, `SAMPLE_SITE` for Cairn's sample page (which Cairn reads as a
 * web page), or null for anything else.
 */
export function siteOf(url: string | undefined): string | null {
  if (!url) return null;
  if (isSamplePageUrl(url)) return SAMPLE_SITE;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

export const DEFAULT_LINKING_SETTINGS: LinkingSettings = {
  paused: false,
  highlightMode: 'auto',
  sitesOff: [],
  sensitiveSitesOn: [],
  mutedPhrases: [],
  useHighlightApi: false,
};
