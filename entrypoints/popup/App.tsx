import { useEffect, useRef, useState } from 'react';
import { EmptyCollection } from '../../components/EmptyCollection.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { RelatedSection } from '../../components/RelatedSection.tsx';
import { ResultList, optionId } from '../../components/ResultList.tsx';
import type { ResultItemData } from '../../components/ResultItem.tsx';
import { SavedPageLine } from '../../components/SavedPageLine.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { SearchSummary } from '../../components/SearchSummary.tsx';
import { parseTabId } from '../../lib/shared/linking/parse-tab-id.ts';
import { tabStatus } from '../../lib/shared/linking/tab-status.ts';
import { openLibrary } from '../../lib/ui/extension-pages.ts';
import type { RelatedArticle } from '../../lib/protocol.ts';
import { useActiveTab } from '../../lib/ui/use-active-tab.ts';
import { usePageKind } from '../../lib/ui/use-page-kind.ts';
import { useSiteControls } from '../../lib/ui/use-site-controls.ts';
import { useTabLinks } from '../../lib/ui/use-tab-links.ts';
import { errorMessage } from './error-message.ts';
import { openArticle } from './open-article.ts';
import { PopupControls } from './PopupControls.tsx';
import { closePopup } from './close-popup.ts';
import { useCollectionInfo } from './use-collection-info.ts';
import { useRestoreDefaults } from './use-restore-defaults.ts';
import { useSearch } from '../../lib/ui/use-search.ts';

const LIST_ID = 'results';
const RELATED_ID = 'related';
const NO_ITEMS: readonly ResultItemData[] = [];
const NO_RELATED: readonly RelatedArticle[] = [];

/**
 * The toolbar popup: search as you type, or, while the box is empty, the articles related to the
 * tab's page followed by the collection's latest articles. Up and Down move through what is
 * listed and wrap around at either end; Enter or a click opens the article in the reader.
 * `popup.html?tabId=N` shows tab N; otherwise the active tab of the window.
 */
export function App({ params, locale }: { params: URLSearchParams; locale: string }) {
  const [query, setQuery] = useState('');
  const [openError, setOpenError] = useState<string | null>(null);
  // Enter pressed before the answer to the query arrived: open its best result when it does.
  // The query whose answer Enter is waiting for (Enter was pressed before the results came).
  const openOnAnswer = useRef<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const search = useSearch(query);
  const collection = useCollectionInfo();
  const tab = useActiveTab({ fixed: parseTabId(params.get('tabId')) });
  const tabLinks = useTabLinks(tab.tabId);
  const kind = usePageKind(tab.tabId);
  const browserPage = kind === 'browser';
  const controls = useSiteControls(tab.tabId);
  const status = tabStatus(tabLinks.links ?? {}, controls.settings);
  const restoring = useRestoreDefaults();
  // An empty collection gets one message, with the ways to fill it, instead of "nothing relates"
  // and "no articles match" (issue 11).
  const empty = collection.info?.articleCount === 0;

  const searching = query.trim() !== '';
  const items = searching ? (search.result?.hits ?? NO_ITEMS) : (collection.info?.recent ?? NO_ITEMS);
  const related = searching || status.quiet || empty ? NO_RELATED : (tabLinks.links?.related ?? NO_RELATED);
  const count = related.length + items.length;
  // The active option belongs to one listing: a new one starts again at its first option.
  const [pointer, setPointer] = useState({ items, related, index: 0 });
  const activeIndex = pointer.items === items && pointer.related === related && pointer.index < count ? pointer.index : 0;
  const activeRelated = activeIndex < related.length ? related[activeIndex] : undefined;
  const active = activeRelated ? undefined : items[activeIndex - related.length];

  function open(item: Pick<ResultItemData, 'id'> | undefined) {
    if (!item) return;
    openArticle(item.id, query.trim()).catch((error: unknown) => setOpenError(errorMessage(error)));
  }

  // The reader marks the phrases that linked the article, as it marks the words of a search.
  function openRelated(article: RelatedArticle) {
    openArticle(article.id, article.phrases.join(' ')).catch((error: unknown) => setOpenError(errorMessage(error)));
  }

  function move(step: -1 | 1) {
    if (count === 0) return;
    setPointer({ items, related, index: (activeIndex + step + count) % count });
  }

  function submit() {
    if (searching && search.pending) openOnAnswer.current = query;
    else if (activeRelated) openRelated(activeRelated);
    else open(active);
  }

  function change(value: string) {
    setQuery(value);
    setOpenError(null);
    openOnAnswer.current = null;
  }

  useEffect(() => {
    const waiting = openOnAnswer.current;
    if (waiting === null || search.pending) return;
    openOnAnswer.current = null;
    if (search.answered === waiting) open(search.result?.hits[0]);
  });

  // Chrome does not always honour autofocus in a popup.
  useEffect(() => inputRef.current?.focus(), []);

  function showImport() {
    openLibrary('import').then(closePopup, (failure: unknown) => setOpenError(errorMessage(failure)));
  }

  const error = openError ?? (searching ? search.error : collection.error);
  const activeId = activeRelated ? optionId(RELATED_ID, activeRelated.id) : active && optionId(LIST_ID, active.id);

  return (
    <div className="popup">
      <header className="popup-header">
        <h1 className="visually-hidden">Cairn</h1>
        <SearchBox
          inputRef={inputRef}
          value={query}
          onChange={change}
          onMove={move}
          onSubmit={submit}
          listId={related.length > 0 ? `${RELATED_ID} ${LIST_ID}` : LIST_ID}
          activeId={activeId}
          expanded={count > 0}
        />
      </header>
      {/* The results scroll here while focus stays in the search box (the list is driven by its
          arrow keys); the region itself takes focus too, so a keyboard can scroll it. */}
      <main className="popup-content" tabIndex={0} aria-label="Results">
        {error && <ErrorAlert message={error} />}
        {!searching && !empty && tabLinks.links?.saved && <SavedPageLine saved={tabLinks.links.saved} onOpen={(id) => open({ id })} />}
        {!searching && !empty && (
          <RelatedSection
            testId="related-section"
            listId={RELATED_ID}
            links={tabLinks.links}
            quiet={status.quiet}
            browserPage={browserPage}
            error={tab.error ?? tabLinks.error}
            activeIndex={activeRelated ? activeIndex : -1}
            locale={locale}
            busy={controls.busy}
            onOpen={openRelated}
            onPoint={(index) => setPointer({ items, related, index })}
            onTurnOn={(reason) => (reason === 'paused' ? controls.setPaused(false) : controls.setSiteOn(true))}
          />
        )}
        {empty ? (
          <EmptyCollection onImport={showImport} onRestore={restoring.restore} restoring={restoring.restoring} result={restoring.result} />
        ) : searching ? (
          <SearchSummary result={search.result} pending={search.pending} locale={locale} />
        ) : (
          <CollectionSummary collection={collection} locale={locale} />
        )}
        {items.length > 0 && (
          <ResultList
            id={LIST_ID}
            label={searching ? 'Search results' : 'Recently added articles'}
            items={items}
            activeIndex={activeIndex - related.length}
            locale={locale}
            busy={searching && search.pending}
            onOpen={(index) => open(items[index])}
            onPoint={(index) => setPointer({ items, related, index: related.length + index })}
          />
        )}
      </main>
      <PopupControls tabId={tab.tabId} browserPage={browserPage} samplePage={kind === 'sample'} siteOn={status.siteOn} site={tabLinks.links?.site} controls={controls} />
    </div>
  );
}

function CollectionSummary({ collection, locale }: { collection: ReturnType<typeof useCollectionInfo>; locale: string }) {
  const { info, error } = collection;
  if (!info) return error ? null : <p className="list-caption">Opening your collection…</p>;
  return (
    <>
      <p className="collection-count" data-testid="collection-count">
        {articles(info.articleCount, locale)} in your collection
      </p>
      {info.recent.length > 0 && <h2 className="list-caption">Recently added</h2>}
    </>
  );
}

function articles(count: number, locale: string): string {
  return `${count.toLocaleString(locale)} ${count === 1 ? 'article' : 'articles'}`;
}
