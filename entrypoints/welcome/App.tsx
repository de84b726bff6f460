import type { MouseEvent } from 'react';
import { ShortcutKeys } from '../../components/ShortcutKeys.tsx';
import { libraryUrl, openLibrary } from '../../lib/ui/extension-pages.ts';
import { useShortcuts } from '../../lib/ui/use-shortcuts.ts';
import { SAMPLE_PAGE_PATH } from '../../lib/shared/reach/own-pages.ts';
import { isPopupCommand } from '../../lib/shared/reach/shortcut-rows.ts';

const POPUP_FIRST: readonly string[] = [];

/**
 * The page Cairn opens once, when it is first installed: what it does, shown on pictures of its
 * own parts (a highlighted phrase and its card, the badge, the popup, the library), and a way to
 * try it at once on a sample page that ships with it, without going online.
 */
export function App() {
  const shortcuts = useShortcuts(POPUP_FIRST);
  const popupKeys = shortcuts.status === 'ready' ? (shortcuts.rows.find((row) => isPopupCommand(row.name))?.keys ?? null) : null;

  function showLibrary(event: MouseEvent) {
    event.preventDefault();
    void openLibrary();
  }

  return (
    <main className="welcome">
      <header className="welcome-intro">
        <h1>Cairn is ready</h1>
        <p className="welcome-lead">
          Cairn keeps a collection of articles in this browser and tells you when a page you read relates to it.
          It starts with five news articles on China’s digital infrastructure and cyberspace diplomacy; add your own
          whenever you like.
        </p>
        <p>
          <a className="button welcome-try" href={SAMPLE_PAGE_PATH.slice(1)} data-testid="try-it">
            Try it on a sample page
          </a>
        </p>
      </header>

      <section className="welcome-step" aria-labelledby="step-pages">
        <div>
          <h2 id="step-pages">Pages point you to your collection</h2>
          <p>
            On the pages you read, Cairn underlines the phrases that link to articles you keep. Point at one, or reach it
            with Tab, and a card lists those articles. Nothing of the page is stored or sent anywhere.
          </p>
        </div>
        <figure className="welcome-figure" aria-label="Picture: a highlighted phrase and its card">
          <p className="demo-text">
            Every autumn, delegates travel to Wuzhen for the <span className="demo-mark">World Internet Conference</span>…
          </p>
          <div className="demo-card" aria-hidden="true">
            <p className="demo-card-label">
              <span className="demo-card-brand">Cairn</span> World Internet Conference
            </p>
            <p className="demo-card-title">China takes responsible approach in global cyberspace governance</p>
            <p className="demo-card-meta">Qiushi Journal</p>
          </div>
        </figure>
      </section>

      <section className="welcome-step" aria-labelledby="step-badge">
        <div>
          <h2 id="step-badge">The badge counts what relates</h2>
          <p>
            The number on Cairn’s toolbar icon says how many of your articles relate to the page. Pin Cairn from the
            browser’s extensions menu (the puzzle piece) to keep it in sight.
          </p>
        </div>
        <figure className="welcome-figure" aria-label="Picture: Cairn's icon with a badge of 2">
          <span className="demo-icon" aria-hidden="true">
            <img src="/icon/48.png" alt="" width="32" height="32" />
            <span className="demo-badge">2</span>
          </span>
          <span className="demo-badge-caption" aria-hidden="true">Two articles in your collection relate to this page.</span>
        </figure>
      </section>

      <section className="welcome-step" aria-labelledby="step-search">
        <div>
          <h2 id="step-search">Search as you type</h2>
          <p>
            Click the icon
            {popupKeys ? (
              <>
                {' '}or press <ShortcutKeys keys={popupKeys} />
              </>
            ) : null}{' '}
            to search your collection: results come with every letter. In the address bar, type <kbd>ca</kbd> and a space
            to search from there, or select text on a page and choose “Search Cairn” from its menu.
          </p>
        </div>
        <figure className="welcome-figure" aria-label="Picture: the popup searching for wuzhen">
          <div className="demo-popup" aria-hidden="true">
            <div className="demo-search">wuzhen</div>
            <p className="demo-result-title">China takes responsible approach in global cyberspace governance</p>
            <p className="demo-result-snippet">
              The 2021 World Internet Conference opened in <mark>Wuzhen</mark>…
            </p>
          </div>
        </figure>
      </section>

      <section className="welcome-step" aria-labelledby="step-library">
        <div>
          <h2 id="step-library">Your library</h2>
          <p>
            The library holds everything you keep. Import files (text, Markdown, HTML, PDF, CSV, JSON Lines), paste text,
            or add the page you are on from the popup. Edit, tag, back up and restore, all on this computer.
          </p>
          <p>
            <a href={libraryUrl()} className="button" onClick={showLibrary} data-testid="open-library">
              Open the library
            </a>
          </p>
        </div>
      </section>

      <footer className="welcome-footer">
        <p>Cairn makes no network requests. Your collection stays in this browser’s storage.</p>
      </footer>
    </main>
  );
}
