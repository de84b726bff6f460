import { describe, expect, it } from 'vitest';
import { shortcutRows } from '../../../lib/shared/reach/shortcut-rows.ts';

describe('shortcutRows', () => {
  it('lists the popup first, then the commands with the keys bound now', () => {
    const rows = shortcutRows([
      { name: 'highlight-page', description: 'Show or hide the highlights on this page', shortcut: 'Alt+Shift+H' },
      { name: '_execute_action', description: '', shortcut: 'Ctrl+Shift+Y' },
    ]);

    expect(rows).toEqual([
      { name: '_execute_action', label: 'Open the Cairn popup', keys: ['Ctrl', 'Shift', 'Y'] },
      { name: 'highlight-page', label: 'Show or hide the highlights on this page', keys: ['Alt', 'Shift', 'H'] },
    ]);
  });

  it('orders the commands as asked, the popup first and unknown ones last', () => {
    const rows = shortcutRows(
      [
        { name: 'z-other', description: 'Other', shortcut: '' },
        { name: 'next', description: 'Next', shortcut: '' },
        { name: 'panel', description: 'Panel', shortcut: 'Alt+Shift+L' },
        { name: '_execute_action', description: '', shortcut: 'Alt+Shift+K' },
      ],
      ['panel', 'next'],
    );

    expect(rows.map((row) => row.name)).toEqual(['_execute_action', 'panel', 'next', 'z-other']);
  });

  it('says a command has no keys when the browser left it unset', () => {
    const [row] = shortcutRows([{ name: 'open-side-panel', description: 'Open the side panel', shortcut: '' }]);

    expect(row!.keys).toBeNull();
  });

  it('keeps a plus key and a macOS shortcut whole', () => {
    const [plus, mac] = shortcutRows([
      { name: 'a', description: 'A', shortcut: 'Ctrl++' },
      { name: 'b', description: 'B', shortcut: '⌥⇧K' },
    ]);

    expect(plus!.keys).toEqual(['Ctrl', '+']);
    expect(mac!.keys).toEqual(['⌥⇧K']);
  });

  it('leaves out commands without a name or a description', () => {
    expect(shortcutRows([{ description: 'x', shortcut: 'Alt+X' }, { name: 'y', shortcut: 'Alt+Y' }])).toEqual([]);
  });
});
