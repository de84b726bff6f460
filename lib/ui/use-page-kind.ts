import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { pageKind } from '../shared/linking/page-kind.ts';

/**
 * Whether tab `tabId` shows a web page Cairn runs on, or a browser page where it never will (see
 * `pageKind`); null until the browser answered, or when there is no tab. Asked again when the
 * tab goes to another address.
 */
export function usePageKind(tabId: number | null): 'web' | 'browser' | 'sample' | null {
  const [state, setState] = useState<{ tabId: number; kind: 'web' | 'browser' | 'sample' } | null>(null);

  useEffect(() => {
    if (tabId === null) return;
    let live = true;
    const ask = () =>
      browser.tabs.get(tabId).then(
        (tab) => live && setState({ tabId, kind: pageKind(tab.url ?? tab.pendingUrl) }),
        // A tab that closed is no page at all: nothing to say about it.
        () => live && setState(null),
      );
    function onUpdated(updated: number, change: { url?: string; status?: string }) {
      if (updated === tabId && (change.url !== undefined || change.status === 'complete')) void ask();
    }
    void ask();
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      live = false;
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabId]);

  return state !== null && state.tabId === tabId ? state.kind : null;
}
