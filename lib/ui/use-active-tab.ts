import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { describeError } from '../shared/text/describe-error.ts';

export interface ActiveTabOptions {
  /** A tab chosen by the page's URL (`?tabId=`): used as is, no tab is looked up. */
  fixed?: number | null;
  /** Keep following the active tab of this window as the user switches tabs (side panel). */
  follow?: boolean;
}

export interface ActiveTab {
  tabId: number | null;
  /** Counts the times the tab finished loading a page since it became active. */
  loads: number;
  error: string | null;
}

/**
 * The active tab of the window this page belongs to. Tab ids need no "tabs" permission. When
 * following, a switch of tab or a page load in the active tab is picked up as it happens.
 */
export function useActiveTab({ fixed = null, follow = false }: ActiveTabOptions = {}): ActiveTab {
  const [state, setState] = useState<ActiveTab>({ tabId: fixed, loads: 0, error: null });

  useEffect(() => {
    if (fixed !== null) return;
    let live = true;
    let windowId: number | undefined;
    const show = (tabId: number) => live && setState((prev) => (prev.tabId === tabId ? prev : { tabId, loads: 0, error: null }));

    browser.tabs.query({ active: true, currentWindow: true }).then(
      ([tab]) => {
        windowId = tab?.windowId;
        if (tab?.id !== undefined) show(tab.id);
        else if (live) setState({ tabId: null, loads: 0, error: 'Cairn could not tell which tab is open.' });
      },
      (error: unknown) => live && setState({ tabId: null, loads: 0, error: describeError(error, 'Cairn could not tell which tab is open.') }),
    );
    if (!follow) {
      return () => {
        live = false;
      };
    }

    function onActivated({ tabId, windowId: window }: { tabId: number; windowId: number }) {
      // Another window's tab switches are not ours to follow.
      if (window === windowId) show(tabId);
    }
    function onUpdated(tabId: number, change: { status?: string }) {
      if (change.status !== 'complete' || !live) return;
      setState((prev) => (prev.tabId === tabId ? { ...prev, loads: prev.loads + 1 } : prev));
    }
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      live = false;
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [fixed, follow]);

  return fixed === null ? state : { tabId: fixed, loads: state.loads, error: null };
}
