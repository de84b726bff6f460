import { useEffect, useRef, useState } from 'react';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ResultList, optionId } from '../../components/ResultList.tsx';
import type { ResultItemData } from '../../components/ResultItem.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { errorMessage } from './error-message.ts';
import { openArticle } from './open-article.ts';
import { useCollectionInfo } from './use-collection-info.ts';
import { useSearch } from './use-search.ts';

const LIST_ID = 'results';
const NO_ITEMS: readonly ResultItemData[] = [];

/**
 * The toolbar popup: search as you type, or the collection's latest articles while the box is
 * empty. Up and Down move through the list and wrap around at either end; Enter or a click opens
 * the article in the reader.
 */
export function App({ locale }: { locale: string }) {
  const [query, setQuery] = useState('');
  const [openError, setOpenError] = useState<string | null>(null);
  // Enter pressed before the answer to the query arrived: open its best result when it does.
  const [openOnAnswer, setOpenOnAnswer] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const search = useSearch(query);
  const collection = useCollectionInfo();

  const searching = query.trim() !== '';
  const items = searching ? (search.result?.hits ?? NO_ITEMS) : (collection.info?.recent ?? NO_ITEMS);
  // The active option belongs to one list: a new list starts again at its first option.
  const [pointer, setPointer] = useState({ items, index: 0 });
  const activeIndex = pointer.items === items && pointer.index < items.length ? pointer.index : 0;
  const active = items[activeIndex];

  function open(item: ResultItemData | undefined) {
    if (!item) return;
    openArticle(item.id, query.trim()).catch((error: unknown) => setOpenError(errorMessage(error)));
  }

  function move(step: -1 | 1) {
    if (items.length === 0) return;
    setPointer({ items, index: (activeIndex + step + items.length) % items.length });
  }

  function submit() {
    if (searching && search.pending) setOpenOnAnswer(query);
    else open(active);
  }

  function change(value: string) {
    setQuery(value);
    setOpenError(null);
    setOpenOnAnswer(null);
  }

  useEffect(() => {
    if (openOnAnswer === null || search.pending) return;
    setOpenOnAnswer(null);
    if (search.answered === openOnAnswer) open(search.result?.hits[0]);
  });

  // Chrome does not always honour autofocus in a popup.
  useEffect(() => inputRef.current?.focus(), []);

  const error = openError ?? (searching ? search.error : collection.error);

  return (
    <div className="popup">
      <header className="popup-header">
        <SearchBox
          inputRef={inputRef}
          value={query}
          onChange={change}
          onMove={move}
          onSubmit={submit}
          listId={LIST_ID}
          activeId={active && optionId(LIST_ID, active.id)}
          expanded={items.length > 0}
        />
      </header>
      <main className="popup-content">
        {error && <ErrorAlert message={error} />}
        {searching ? <SearchSummary search={search} locale={locale} /> : <CollectionSummary collection={collection} locale={locale} />}
        {items.length > 0 && (
          <ResultList
            id={LIST_ID}
            label={searching ? 'Search results' : 'Recently added articles'}
            items={items}
            activeIndex={activeIndex}
            locale={locale}
            busy={searching && search.pending}
            onOpen={(index) => open(items[index])}
            onPoint={(index) => setPointer({ items, index })}
          />
        )}
      </main>
    </div>
  );
}

function SearchSummary({ search, locale }: { search: ReturnType<typeof useSearch>; locale: string }) {
  const { result } = search;
  if (!result) return null;
  const shown = result.hits.length;
  if (shown === 0) {
    if (search.pending) return null;
    return (
      <EmptyState
        testId="empty-results"
        message={`No articles match “${result.query.trim()}”.`}
        hint="Check the spelling, or try fewer or different words."
      />
    );
  }
  const count = result.total > shown ? `${shown.toLocaleString(locale)} of ${result.total.toLocaleString(locale)} articles` : articles(shown, locale);
  return (
    <p className="list-caption" data-testid="result-count" aria-live="polite">
      {count}
    </p>
  );
}

function CollectionSummary({ collection, locale }: { collection: ReturnType<typeof useCollectionInfo>; locale: string }) {
  const { info, error } = collection;
  if (!info) return error ? null : <p className="list-caption">Opening your collection…</p>;
  if (info.articleCount === 0) {
    return (
      <div data-testid="collection-count">
        <EmptyState message="Your collection is empty." hint="Articles you add to Cairn will be listed here." />
      </div>
    );
  }
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
