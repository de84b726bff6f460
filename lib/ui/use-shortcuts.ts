import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { shortcutRows, type ShortcutRow } from '../shared/reach/shortcut-rows.ts';

export type ShortcutsState = { status: 'loading' } | { status: 'ready'; rows: ShortcutRow[] } | { status: 'unavailable' };

/**
 * Cairn's keyboard shortcuts as the browser has them bound now (`commands.getAll`), read again
 * whenever the page gets focus back: the user changes them on the browser's own page.
 */
export function useShortcuts(order: readonly string[] = []): ShortcutsState {
  const [state, setState] = useState<ShortcutsState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    const read = () => {
      if (!browser.commands?.getAll) {
        setState({ status: 'unavailable' });
        return;
      }
      browser.commands.getAll().then(
        (commands) => live && setState({ status: 'ready', rows: shortcutRows(commands, order) }),
        () => live && setState({ status: 'unavailable' }),
      );
    };
    read();
    window.addEventListener('focus', read);
    return () => {
      live = false;
      window.removeEventListener('focus', read);
    };
  }, [order]);
  return state;
}

/**
 * Opens the browser's page for changing extension shortcuts. An extension page's plain link to
 * `chrome://` does nothing, but `tabs.create` may open this one; Firefox has its own call.
 */
export async function openShortcutSettings(): Promise<void> {
  const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
  if (typeof commands?.openShortcutSettings === 'function') return commands.openShortcutSettings();
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}
