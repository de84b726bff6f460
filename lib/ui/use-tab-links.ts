import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { BackgroundEvent, TabLinks } from '../protocol.ts';
import { describeError } from '../shared/text/describe-error.ts';
import { request } from '../platform/messaging.ts';

export interface TabLinksState {
  /** What the background knows about the tab; null until it answered. */
  links: TabLinks | null;
  error: string | null;
}

const NOTHING: TabLinksState = { links: null, error: null };

/**
 * The related articles of a tab (`relatedForTab`), asked again whenever the background announces
 * `tabLinksChanged` for it, and whenever `refresh` changes (e.g. the tab finished loading). Only
 * the answer for the latest tab is kept; a null tab asks nothing.
 */
export function useTabLinks(tabId: number | null, refresh = 0): TabLinksState {
  const [changes, setChanges] = useState(0);
  const [state, setState] = useState<TabLinksState & { tabId: number | null }>({ ...NOTHING, tabId: null });

  useEffect(() => {
    if (tabId === null) return;
    // Returns nothing: this page never answers messages, the background does.
    function onMessage(message: unknown): undefined {
      if (isTabLinksChanged(message) && message.tabId === tabId) setChanges((n) => n + 1);
    }
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [tabId]);

  useEffect(() => {
    if (tabId === null) return;
    let latest = true;
    request('relatedForTab', { tabId }).then(
      (links) => latest && setState({ tabId, links, error: null }),
      (error: unknown) =>
        latest &&
        setState((prev) => ({
          tabId,
          links: prev.tabId === tabId ? prev.links : null,
          error: describeError(error, 'Cairn could not find out what relates to this page.'),
        })),
    );
    return () => {
      latest = false;
    };
  }, [tabId, changes, refresh]);

  return state.tabId === tabId ? state : NOTHING;
}

type TabLinksChanged = Extract<BackgroundEvent, { type: 'tabLinksChanged' }>;

function isTabLinksChanged(message: unknown): message is TabLinksChanged {
  const event = message as Partial<TabLinksChanged> | null;
  return typeof event === 'object' && event !== null && event.type === 'tabLinksChanged' && typeof event.tabId === 'number';
}
