import { useState, type MouseEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { RelatedSection } from '../../components/RelatedSection.tsx';
import { tabStatus } from '../../lib/shared/linking/tab-status.ts';
import type { RelatedArticle } from '../../lib/protocol.ts';
import { openSettings, settingsUrl } from '../../lib/ui/extension-pages.ts';
import { useActiveTab } from '../../lib/ui/use-active-tab.ts';
import { usePageKind } from '../../lib/ui/use-page-kind.ts';
import { useSiteControls } from '../../lib/ui/use-site-controls.ts';
import { useTabLinks } from '../../lib/ui/use-tab-links.ts';
import { describeError } from '../../lib/shared/text/describe-error.ts';
import { openReader } from './open-reader.ts';

const LIST_ID = 'related';
const NO_RELATED: readonly RelatedArticle[] = [];

/**
 * The side panel: the articles related to the active tab, kept up to date as the user switches
 * tabs, loads pages and navigates within them. The list takes the keyboard when focused.
 */
export function App({ locale }: { locale: string }) {
  const tab = useActiveTab({ follow: true });
  const { links, error } = useTabLinks(tab.tabId, tab.loads);
  const controls = useSiteControls(tab.tabId);
  const browserPage = usePageKind(tab.tabId) === 'browser';
  const [actionError, setActionError] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  // The panel stays open while settings change elsewhere: it goes by what the tab last reported,
  // which the background updates (and announces) after every change.
  const { quiet } = tabStatus(links ?? {});
  const related = quiet ? NO_RELATED : (links?.related ?? NO_RELATED);
  const [pointer, setPointer] = useState({ related, index: 0 });
  const index = pointer.related === related && pointer.index < related.length ? pointer.index : 0;

  function open(article: RelatedArticle) {
    setActionError(null);
    openReader(article.id, article.phrases.join(' ')).catch((failure: unknown) =>
      setActionError(describeError(failure, 'Cairn could not open this article.')),
    );
  }

  function showSettings(event: MouseEvent) {
    event.preventDefault();
    openSettings().catch((failure: unknown) => setActionError(describeError(failure, 'Cairn could not open its settings.')));
  }

  const shownError = actionError ?? controls.error;
  return (
    <div className="sidepanel">
      <main className="sidepanel-content">
        <h1 className="visually-hidden">Cairn</h1>
        <RelatedSection
          testId="sidepanel-related"
          listId={LIST_ID}
          links={links}
          quiet={quiet}
          browserPage={browserPage}
          error={tab.error ?? error}
          activeIndex={focused ? index : -1}
          locale={locale}
          busy={controls.busy}
          onOpen={open}
          onPoint={(i) => setPointer({ related, index: i })}
          onMove={(step) => related.length > 0 && setPointer({ related, index: (index + step + related.length) % related.length })}
          onFocusChange={setFocused}
          onTurnOn={(reason) => (reason === 'paused' ? controls.setPaused(false) : controls.setSiteOn(true))}
        />
        {shownError && <ErrorAlert message={shownError} testId="controls-error" />}
      </main>
      <footer className="sidepanel-footer">
        <span className="sidepanel-site" title={links?.site}>
          {links?.site}
        </span>
        <a href={settingsUrl()} className="link-button" data-testid="settings-link" onClick={showSettings}>
          Settings
        </a>
      </footer>
    </div>
  );
}
