import type { ShortcutRow } from '../../lib/shared/reach/shortcut-rows.ts';
import type { ShortcutsState } from '../../lib/ui/use-shortcuts.ts';
import { ShortcutKeys } from '../../components/ShortcutKeys.tsx';

/**
 * Cairn's keyboard shortcuts as bound now, and the way to the browser's page that changes them.
 * Also the address-bar keyword, which the browser does not let anyone change.
 */
export function Shortcuts({ state, onChange }: { state: ShortcutsState; onChange(): void }) {
  return (
    <section className="settings-section" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">Keyboard and address bar</h2>
      {state.status === 'loading' && <p className="settings-status">Reading your shortcuts…</p>}
      {state.status === 'unavailable' && <p className="settings-empty">This browser does not tell extensions their shortcuts.</p>}
      {state.status === 'ready' && (
        <table className="shortcut-table" data-testid="shortcuts">
          <tbody>
            {state.rows.map((row: ShortcutRow) => (
              <tr key={row.name} data-command={row.name}>
                <th scope="row">{row.label}</th>
                <td data-testid="shortcut-keys">
                  <ShortcutKeys keys={row.keys} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <button type="button" className="button" data-testid="change-shortcuts" onClick={onChange}>
          Change shortcuts
        </button>{' '}
        <span className="settings-hint">opens your browser’s shortcut settings.</span>
      </p>
      <p className="settings-hint">
        In the address bar, type <kbd>ca</kbd> and a space, then words to search your collection.
      </p>
    </section>
  );
}
