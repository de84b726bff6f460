/** A command as `commands.getAll()` describes it. */
export interface BoundCommand {
  name?: string;
  description?: string;
  /** The keys bound now ("Alt+Shift+K"), or empty when the user or the browser left it unset. */
  shortcut?: string;
}

/** One row of the settings page's shortcut list. */
export interface ShortcutRow {
  name: string;
  label: string;
  /** The keys, one per `<kbd>`; null when no shortcut is set. */
  keys: string[] | null;
}

// The browser's own command for the toolbar button has no description of ours.
const ACTION_COMMANDS = new Set(['_execute_action', '_execute_browser_action']);

/** Whether a command is the one that opens the popup (`_execute_action`, MV2's `_execute_browser_action`). */
export function isPopupCommand(name: string): boolean {
  return ACTION_COMMANDS.has(name);
}

/**
 * The shortcuts to list, as the browser has them bound now (never as the manifest suggested them:
 * the user may have changed them, and the browser leaves a suggestion unset when it clashes):
 * opening the popup first, then the commands named in `order`, then any others in the browser's
 * order (which follows no rule a reader would see).
 */
export function shortcutRows(commands: readonly BoundCommand[], order: readonly string[] = []): ShortcutRow[] {
  const rows = commands.flatMap((command): ShortcutRow[] => {
    const name = command.name ?? '';
    const label = isPopupCommand(name) ? 'Open the Cairn popup' : command.description?.trim();
    if (!name || !label) return [];
    const shortcut = command.shortcut?.trim() ?? '';
    return [{ name, label, keys: shortcut === '' ? null : splitKeys(shortcut) }];
  });
  const rank = (name: string) => (isPopupCommand(name) ? -1 : order.includes(name) ? order.indexOf(name) : order.length);
  // Array.prototype.sort is stable: equal ranks keep the browser's order.
  return rows.sort((a, b) => rank(a.name) - rank(b.name));
}

/** "Ctrl+Shift+Y" → Ctrl, Shift, Y; "Ctrl++" keeps its plus key. macOS symbols ("⌥⇧K") stay whole. */
function splitKeys(shortcut: string): string[] {
  return shortcut.split(/\+(?=.)/).map((key) => key || '+');
}
