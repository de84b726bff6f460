import { useEffect, useState } from 'react';
import type { TabLinks } from '../protocol.ts';
import { describeError } from '../shared/text/describe-error.ts';
import { onBackgroundEvent, request } from '../platform/messaging.ts';

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
    return onBackgroundEvent(['tabLinksChanged'], ({ data }) => {
      if (data.tabId === tabId) setChanges((n) => n + 1);
    });
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
