import { useState, type MouseEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Toggle } from '../../components/Toggle.tsx';
import { canOpenSidePanel, libraryUrl, openLibrary, openSettings, openSidePanel, settingsUrl } from '../../lib/ui/extension-pages.ts';
import type { SiteControls } from '../../lib/ui/use-site-controls.ts';
import { describeError } from '../../lib/shared/text/describe-error.ts';
import { AddPageButton } from './AddPageButton.tsx';
import { closePopup } from './close-popup.ts';

export interface PopupControlsProps {
  tabId: number | null;
  /** The tab shows a browser or extension page: nothing there to add or switch. */
  browserPage: boolean;
  /** The tab shows Cairn's sample page: Cairn runs there, but it is not a page to add. */
  samplePage?: boolean;
  /** Cairn is on for the tab's site; null when no web page was reported in the tab. */
  siteOn: boolean | null;
  site?: string;
  controls: SiteControls;
}

/**
 * The popup's footer: Cairn on this site, the global pause, adding the page to the collection,
 * and the library, the settings and the side panel.
 */
export function PopupControls({ tabId, browserPage, samplePage = false, siteOn, site, controls }: PopupControlsProps) {
  const [error, setError] = useState<string | null>(null);
  const { settings, siteWanted } = controls;

  function showSettings(event: MouseEvent) {
    event.preventDefault();
    openSettings().then(
      closePopup,
      (failure: unknown) => setError(describeError(failure, 'Cairn could not open its settings.')),
    );
  }

  function showLibrary(event: MouseEvent) {
    event.preventDefault();
    openLibrary().then(
      closePopup,
      (failure: unknown) => setError(describeError(failure, 'Cairn could not open its library.')),
    );
  }

  function showSidePanel() {
    if (tabId === null) return;
    // Called before any await: Chrome opens the panel only in answer to the click itself.
    openSidePanel(tabId).then(
      closePopup,
      (failure: unknown) => setError(describeError(failure, 'Cairn could not open the side panel.')),
    );
  }

  const shownError = error ?? controls.error;
  return (
    <footer className="popup-footer">
      {shownError && <ErrorAlert message={shownError} testId="controls-error" />}
      <div className="popup-switches">
        <Toggle
          label="On this site"
          title={site && `Cairn on ${site}`}
          checked={siteWanted ?? siteOn ?? false}
          disabled={siteOn === null || controls.busy}
          hint={siteOn === null ? 'Open a web page in this tab to turn Cairn on or off for its site.' : undefined}
          onChange={(enabled) => void controls.setSiteOn(enabled)}
          testId="site-toggle"
        />
        <Toggle
          label="Pause everywhere"
          checked={settings?.paused ?? false}
          disabled={!settings}
          onChange={(paused) => void controls.setPaused(paused)}
          testId="pause-toggle"
        />
      </div>
      <div className="popup-actions">
        <AddPageButton tabId={tabId} browserPage={browserPage} samplePage={samplePage} onError={setError} />
        <nav className="popup-links" aria-label="More of Cairn">
          <a href={libraryUrl()} className="link-button" data-testid="open-library" onClick={showLibrary}>
            Library
          </a>
          {canOpenSidePanel() && tabId !== null && (
            <button type="button" className="link-button" data-testid="sidepanel-button" onClick={showSidePanel}>
              Open side panel
            </button>
          )}
          <a href={settingsUrl()} className="link-button" data-testid="settings-link" onClick={showSettings}>
            Settings
          </a>
        </nav>
      </div>
    </footer>
  );
}
