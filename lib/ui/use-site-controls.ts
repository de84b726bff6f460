import { useState } from 'react';
import type { LinkingSettings } from '../protocol.ts';
import { describeError } from '../shared/text/describe-error.ts';
import { request } from '../platform/messaging.ts';
import { useLinkingSettings } from './use-linking-settings.ts';

export interface SiteControls {
  settings: LinkingSettings | null;
  /** The last change that failed, or settings that could not be read. */
  error: string | null;
  /** A change of the site's switch is on its way: what the user asked for. */
  siteWanted: boolean | null;
  busy: boolean;
  /** Turns Cairn on or off for the site of the tab. */
  setSiteOn(enabled: boolean): Promise<void>;
  setPaused(paused: boolean): Promise<void>;
}

/** The switches of the popup and side panel: Cairn on the tab's site, and the global pause. */
export function useSiteControls(tabId: number | null): SiteControls {
  const linking = useLinkingSettings();
  const [siteWanted, setSiteWanted] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function setSiteOn(enabled: boolean) {
    if (tabId === null) return;
    setSiteWanted(enabled);
    setError(null);
    try {
      await request('setSiteEnabled', { enabled, tabId });
      await linking.reload();
    } catch (failure) {
      setError(describeError(failure, 'Cairn could not change this setting for the site.'));
    } finally {
      setSiteWanted(null);
    }
  }

  async function setPaused(paused: boolean) {
    setError(null);
    await linking.update({ paused });
  }

  return { settings: linking.settings, error: error ?? linking.error, siteWanted, busy: siteWanted !== null, setSiteOn, setPaused };
}
