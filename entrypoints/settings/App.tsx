import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Toggle } from '../../components/Toggle.tsx';
import type { HighlightMode, LinkingSettings } from '../../lib/protocol.ts';
import { useLinkingSettings, type SettingsChange } from '../../lib/ui/use-linking-settings.ts';
import { openShortcutSettings, useShortcuts } from '../../lib/ui/use-shortcuts.ts';
import { describeError } from '../../lib/shared/text/describe-error.ts';
import { useState } from 'react';
import { ShortcutKeys } from '../../components/ShortcutKeys.tsx';
import { Shortcuts } from './Shortcuts.tsx';

/** The command that shows or hides the highlights (`wxt.config.ts`). */
const HIGHLIGHTS_COMMAND = 'highlight-page';
/** The order the shortcuts are listed in: as the manifest has them. */
const COMMAND_ORDER = ['open-side-panel', HIGHLIGHTS_COMMAND, 'next-highlight', 'previous-highlight'];

/**
 * Cairn's settings (`settings.html`): how phrases are highlighted, the global pause, the sites
 * where Cairn is off, the muted phrases, the keyboard shortcuts, and what Cairn does with the
 * pages it reads.
 */
export function App() {
  const { settings, error, update } = useLinkingSettings();
  const shortcuts = useShortcuts(COMMAND_ORDER);
  const [shortcutError, setShortcutError] = useState<string | null>(null);
  const highlightKeys = shortcuts.status === 'ready' ? (shortcuts.rows.find((row) => row.name === HIGHLIGHTS_COMMAND)?.keys ?? null) : undefined;
  const changeShortcuts = () => {
    setShortcutError(null);
    openShortcutSettings().catch((e: unknown) => setShortcutError(describeError(e, 'Cairn could not open the browser’s shortcut settings.')));
  };
  return (
    <main className="settings">
      <h1>Cairn settings</h1>
      <p className="settings-hint">
        To import, edit, delete or back up your articles, open the{' '}
        <a href="library.html" data-testid="library-link">
          Library
        </a>
        .
      </p>
      {error && <ErrorAlert message={error} />}
      {settings ? (
        <SettingsForm settings={settings} update={update} highlightKeys={highlightKeys} />
      ) : (
        !error && <p className="settings-status">Opening your settings…</p>
      )}
      <Shortcuts state={shortcuts} onChange={changeShortcuts} />
      {shortcutError && <ErrorAlert message={shortcutError} />}
      <Privacy />
    </main>
  );
}

interface SettingsFormProps {
  settings: LinkingSettings;
  update(change: SettingsChange): Promise<void>;
  /** The keys bound to showing highlights; null when none are, undefined while unknown. */
  highlightKeys: string[] | null | undefined;
}

function SettingsForm({ settings, update, highlightKeys }: SettingsFormProps) {
  const mode = (highlightMode: HighlightMode) => () => void update({ highlightMode });
  return (
    <>
      <section className="settings-section" aria-labelledby="linking-heading">
        <h2 id="linking-heading">On the pages you read</h2>
        <fieldset className="settings-choice">
          <legend>Highlight phrases</legend>
          <label>
            <input type="radio" name="highlight-mode" checked={settings.highlightMode === 'auto'} onChange={mode('auto')} data-testid="mode-auto" />
            <span>Automatically</span>
          </label>
          <label>
            <input
              type="radio"
              name="highlight-mode"
              checked={settings.highlightMode === 'on-demand'}
              onChange={mode('on-demand')}
              data-testid="mode-on-demand"
            />
            <span>
              Only when I ask
              {highlightKeys !== undefined && (
                <span data-testid="on-demand-keys">
                  {' '}
                  (shortcut: <ShortcutKeys keys={highlightKeys} />)
                </span>
              )}
            </span>
          </label>
          <p className="settings-hint">Either way, the Cairn button shows how many of your articles relate to the page.</p>
        </fieldset>
        <Toggle
          label="Highlight with the CSS Highlight API"
          checked={settings.useHighlightApi === true}
          onChange={(useHighlightApi) => void update({ useHighlightApi })}
          hint="Faster, but the page’s own scripts can see which phrases are highlighted, and so learn what your collection is about."
          testId="highlight-api-toggle"
        />
        <Toggle
          label="Pause Cairn everywhere"
          checked={settings.paused}
          onChange={(paused) => void update({ paused })}
          hint="While paused, Cairn reads no page; searching your collection still works."
          testId="pause-toggle"
        />
      </section>

      <section className="settings-section" aria-labelledby="sites-heading">
        <h2 id="sites-heading">Sites where Cairn is off</h2>
        <ul className="settings-list" data-testid="sites-off">
          {settings.sitesOff.map((site) => (
            <li key={site}>{site}</li>
          ))}
        </ul>
        {settings.sitesOff.length === 0 && <p className="settings-empty">None: Cairn is on wherever you read.</p>}
        <p className="settings-hint">
          To turn Cairn back on for a site, open a page of it and switch on “On this site” in the Cairn popup.
        </p>
        {settings.sensitiveSitesOn.length > 0 && (
          <>
            <h3>Sensitive sites where you turned Cairn on</h3>
            <ul className="settings-list" data-testid="sensitive-sites-on">
              {settings.sensitiveSitesOn.map((site) => (
                <li key={site}>{site}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="settings-section" aria-labelledby="muted-heading">
        <h2 id="muted-heading">Muted phrases</h2>
        <ul className="settings-list" data-testid="muted-list">
          {settings.mutedPhrases.map(({ key, label }) => (
            <li key={key}>
              <span>{label}</span>
              <button type="button" className="button" data-testid="unmute" aria-label={`Unmute “${label}”`} onClick={() => void update({ unmute: [key] })}>
                Unmute
              </button>
            </li>
          ))}
        </ul>
        {settings.mutedPhrases.length === 0 ? (
          <p className="settings-empty">None. Mute a phrase from its card on a page, and Cairn stops linking it.</p>
        ) : (
          <button
            type="button"
            className="button"
            data-testid="unmute-all"
            onClick={() => void update({ unmute: settings.mutedPhrases.map((m) => m.key) })}
          >
            Unmute all
          </button>
        )}
      </section>
    </>
  );
}

function Privacy() {
  return (
    <section className="settings-section" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">Privacy</h2>
      <p>
        The text of the pages you read never leaves their tab: Cairn sends only numbers made from the page’s words
        (hashes) to the extension’s background, which finds your collection’s phrases among them and ranks your
        articles. Nothing about the
        pages you visit is stored, and nothing is sent over the network. Cairn stays off on banking, mail and
        password-manager sites unless you turn it on there.
      </p>
    </section>
  );
}
