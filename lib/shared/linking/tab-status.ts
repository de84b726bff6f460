import type { LinkingSettings, QuietReason, TabLinks } from '../../protocol.ts';
import { quietReasonFor } from './site-policy.ts';

/** What the popup and side panel say about Cairn on one tab. */
export interface TabStatus {
  /** Why Cairn is silent on the tab, if it is on purpose. */
  quiet?: QuietReason;
  /** Whether Cairn is on for the tab's site, a pause aside; null when no web page was reported. */
  siteOn: boolean | null;
}

/**
 * Works out whether Cairn is quiet on a tab and whether its site is on. The settings, when known,
 * win over what the tab last reported: right after the user flips a switch, the tab's report is
 * stale until the page has been scanned again.
 */
export function tabStatus(links: Pick<TabLinks, 'site' | 'quiet'>, settings?: LinkingSettings | null): TabStatus {
  const { site } = links;
  if (!settings) {
    const off = links.quiet === 'site-off' || links.quiet === 'sensitive';
    return { quiet: links.quiet, siteOn: site ? !off : null };
  }
  const siteReason = site ? quietReasonFor(site, { ...settings, paused: false }) : null;
  const quiet = settings.paused ? 'paused' : (siteReason ?? (links.quiet === 'empty-collection' ? links.quiet : undefined));
  return { quiet, siteOn: site ? siteReason === null : null };
}
