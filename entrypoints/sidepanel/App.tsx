import { useState, type MouseEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { RelatedSection } from '../../components/RelatedSection.tsx';
import { SavedPageLine } from '../../components/SavedPageLine.tsx';
import { ResultList, optionId } from '../../components/ResultList.tsx';
import type { ResultItemData } from '../../components/ResultItem.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { SearchSummary } from '../../components/SearchSummary.tsx';
import { tabStatus } from '../../lib/shared/linking/tab-status.ts';
import type { RelatedArticle } from '../../lib/protocol.ts';
import { openSettings, settingsUrl } from '../../lib/ui/extension-pages.ts';
import { useActiveTab } from '../../lib/ui/use-active-tab.ts';
import { usePageKind } from '../../lib/ui/use-page-kind.ts';
import { useSearch } from '../../lib/ui/use-search.ts';
import { useSiteControls } from '../../lib/ui/use-site-controls.ts';
import { useTabLinks } from '../../lib/ui/use-tab-links.ts';
import { describeError } from '../../lib/shared/text/describe-error.ts';
import { openReader } from './open-reader.ts';

const LIST_ID = 'related';
const RESULTS_ID = 'results';
const NO_RELATED: readonly RelatedArticle[] = [];
const NO_HITS: readonly ResultItemData[] = [];

/**
 * The side panel: a search box as in the popup and, while it is empty, the articles related to
 * the active tab, kept up to date as the user switches tabs, loads pages and navigates within
 * them. Up, Down and Enter in the box drive the results; the related list takes the keyboard
 * when focused.
 */
export function App({ locale }: { locale: string }) {
  const tab = useActiveTab({ follow: true });
  const { links, error } = useTabLinks(tab.tabId, tab.loads);
  const controls = useSiteControls(tab.tabId);
  const browserPage = usePageKind(tab.tabId) === 'browser';
  const [actionError, setActionError] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const [query, setQuery] = useState('');
  const search = useSearch(query);
  const searching = query.trim() !== '';
  const hits = searching ? (search.result?.hits ?? NO_HITS) : NO_HITS;
  const [hitPointer, setHitPointer] = useState({ hits, index: 0 });
  const hitIndex = hitPointer.hits === hits && hitPointer.index < hits.length ? hitPointer.index : 0;
  // The panel stays open while settings change elsewhere: it goes by what the tab last reported,
  // which the background updates (and announces) after every change.
  const { quiet } = tabStatus(links ?? {});
  const related = quiet ? NO_RELATED : (links?.related ?? NO_RELATED);
  const [pointer, setPointer] = useState({ related, index: 0 });
  const index = pointer.related === related && pointer.index < related.length ? pointer.index : 0;

  function open(article: RelatedArticle) {
    show(article.id, article.phrases.join(' '));
  }

  function openHit(hit: ResultItemData | undefined) {
    if (hit) show(hit.id, query.trim());
  }

  // The reader marks the searched words, or the phrases that linked the article.
  function show(id: number, terms: string) {
    setActionError(null);
    openReader(id, terms).catch((failure: unknown) => setActionError(describeError(failure, 'Cairn could not open this article.')));
  }

  function showSettings(event: MouseEvent) {
    event.preventDefault();
    openSettings().catch((failure: unknown) => setActionError(describeError(failure, 'Cairn could not open its settings.')));
  }

  const shownError = actionError ?? controls.error;
  const searchError = searching ? search.error : null;
  return (
    <div className="sidepanel">
      <header className="sidepanel-header">
        <SearchBox
          value={query}
          onChange={(value) => {
            setQuery(value);
            setActionError(null);
          }}
          onMove={(step) => hits.length > 0 && setHitPointer({ hits, index: (hitIndex + step + hits.length) % hits.length })}
          onSubmit={() => openHit(hits[hitIndex])}
          listId={RESULTS_ID}
          activeId={hits[hitIndex] && optionId(RESULTS_ID, hits[hitIndex].id)}
          expanded={hits.length > 0}
        />
      </header>
      <main className="sidepanel-content">
        <h1 className="visually-hidden">Cairn</h1>
        {searchError && <ErrorAlert message={searchError} testId="search-error" />}
        {searching && <SearchSummary result={search.result} pending={search.pending} locale={locale} />}
        {hits.length > 0 && (
          <ResultList
            id={RESULTS_ID}
            label="Search results"
            items={hits}
            activeIndex={hitIndex}
            locale={locale}
            busy={search.pending}
            onOpen={(i) => openHit(hits[i])}
            onPoint={(i) => setHitPointer({ hits, index: i })}
          />
        )}
        {!searching && !quiet && links?.saved && <SavedPageLine saved={links.saved} onOpen={(id) => show(id, '')} />}
        {!searching && <RelatedSection
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
        />}
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
