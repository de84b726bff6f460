import { useCallback, useEffect, useMemo, useState } from 'react';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { NoMatchHint } from '../../components/SearchSummary.tsx';
import type { ImportSource } from '../../lib/shared/import/types.ts';
import type { ArticleChanges, ArticleListing } from '../../lib/protocol.ts';
import { request } from '../../lib/platform/messaging.ts';
import { useArticleListing } from '../../lib/ui/use-article-listing.ts';
import { ArticleEditor } from './ArticleEditor.tsx';
import { ArticleList } from './ArticleList.tsx';
import { ArticleToolbar } from './ArticleToolbar.tsx';
import { BackupPanel } from './BackupPanel.tsx';
import { collectTags } from './collect-tags.ts';
import { countLine } from './count-line.ts';
import { filterArticles, NO_FILTER, type ArticleFilter } from './filter-articles.ts';
import { ImportPanel } from './ImportPanel.tsx';
import { orderByRank } from './order-by-rank.ts';
import { PastePanel } from './PastePanel.tsx';
import { SelectAll } from './SelectAll.tsx';
import { rowAfterDelete } from './row-after-delete.ts';
import { keepExisting, NO_SELECTION, selectArticles, toggleAllShown } from './select-articles.ts';
import { sortArticles, type SortOrder } from './sort-articles.ts';
import { StorageStatus } from './StorageStatus.tsx';
import { UndoToast } from './UndoToast.tsx';
import { useDeleteWithUndo } from './use-delete-with-undo.ts';
import { useFileDrop } from './use-file-drop.ts';
import { useImport, type ReadFile } from './use-import.ts';
import { useSearchIds } from './use-search-ids.ts';
import { useStorageStatus } from './use-storage-status.ts';
import { formatNumber } from '../../lib/shared/text/format-number.ts';

const NO_ARTICLES: readonly ArticleListing[] = [];

/**
 * The library (`library.html`): every article of the collection, to search, sort, filter, open,
 * edit and delete (with Undo); and the ways in: files, folders, dropped files, pasted text, a
 * backup, the default collection.
 */
export function App({ locale, read, initialQuery = '' }: { locale: string; read: ReadFile; initialQuery?: string }) {
  const listing = useArticleListing();
  const { reload, patch } = listing;
  const [query, setQuery] = useState(initialQuery);
  const search = useSearchIds(query, listing.revision);
  const [sort, setSort] = useState<SortOrder>({ key: 'imported', direction: 'desc' });
  const [filter, setFilter] = useState<ArticleFilter>(NO_FILTER);
  const [chosen, setChosen] = useState(NO_SELECTION);
  const [editing, setEditing] = useState<ArticleListing | null>(null);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const rowFocused = useCallback(() => setFocusRow(null), []);
  const storage = useStorageStatus(listing.revision);

  const all = listing.articles ?? NO_ARTICLES;
  const ids = useMemo(() => new Set(all.map((a) => a.id)), [all]);
  const tags = useMemo(() => collectTags(all, locale), [all, locale]);
  const filtered = useMemo(() => filterArticles(all, filter), [all, filter]);
  const sorted = useMemo(() => sortArticles(filtered, sort, locale), [filtered, sort, locale]);
  const shown = useMemo(() => (search.ids ? orderByRank(search.ids, filtered) : sorted), [search.ids, filtered, sorted]);
  const shownIds = useMemo(() => shown.map((a) => a.id), [shown]);
  const selection = useMemo(() => keepExisting(chosen, (id) => ids.has(id)), [chosen, ids]);

  const removed = useCallback(
    (gone: readonly number[]) => {
      const set = new Set(gone);
      if (set.size > 0) patch((list) => list.filter((a) => !set.has(a.id)));
      reload();
    },
    [patch, reload],
  );
  const deleter = useDeleteWithUndo(removed);

  const importer = useImport(read, reload);
  const running = importer.progress !== null;
  const { hold } = listing;
  useEffect(() => hold(running), [hold, running]);
  const { start } = importer;
  const { dismiss } = deleter;
  // An Undo offered before an import would put back articles the import may have brought back.
  const { persisted, granted, persist } = storage;
  const startImport = useCallback(
    (files: ImportSource[], problems: string[] = []) => {
      dismiss();
      // The first import is when the collection becomes the user's own: ask the browser, once,
      // not to clear it under storage pressure (the storage panel shows the answer).
      if (persisted === false && granted === null) void persist();
      start(files, problems);
    },
    [start, dismiss, persisted, granted, persist],
  );
  const { dragging } = useFileDrop(startImport, !running);

  const onSelect = useCallback(
    (id: number, checked: boolean, range: boolean) => setChosen((prev) => selectArticles(prev, shownIds, { id, checked, range })),
    [shownIds],
  );

  const save = useCallback(
    async (id: number, changes: ArticleChanges) => {
      const saved = await request('updateArticle', { id, changes });
      patch((list) => list.map((a) => (a.id === id ? saved : a)));
    },
    [patch],
  );

  async function deleteSelected() {
    const next = rowAfterDelete(shownIds, selection.ids);
    if (await deleter.remove([...selection.ids])) {
      setChosen(NO_SELECTION);
      setFocusRow(next);
    }
  }

  const filtering = filter.origin !== null || filter.tag !== null;
  return (
    <div className="library">
      <header className="library-header">
        <h1>
          <span className="library-brand">Cairn</span> Library
        </h1>
        <nav aria-label="Cairn pages" className="library-nav">
          <a href="settings.html" data-testid="settings-link">
            Settings
          </a>
        </nav>
      </header>
      <div className="library-body">
        <main className="library-main" aria-labelledby="articles-heading">
          <h2 id="articles-heading" className="visually-hidden">
            Articles
          </h2>
          <ArticleToolbar
            query={query}
            onQuery={setQuery}
            ranked={search.ids !== null}
            sort={sort}
            onSort={setSort}
            filter={filter}
            onFilter={setFilter}
            tags={tags}
            locale={locale}
          />
          <div className="list-bar">
            <SelectAll shown={shownIds} selected={selection.ids} onToggle={() => setChosen(toggleAllShown(selection, shownIds))} />
            <p className="library-count" data-testid="library-count" aria-live="polite">
              {listing.articles ? countLine({ total: all.length, selected: selection.ids.size, shown: shown.length }, locale) : 'Opening your collection…'}
              {search.pending && <span className="searching"> · searching…</span>}
            </p>
            <button
              type="button"
              className="button button-danger"
              data-testid="delete-selected"
              disabled={selection.ids.size === 0 || deleter.busy}
              onClick={() => void deleteSelected()}
            >
              Delete{selection.ids.size > 0 ? ` ${formatNumber(selection.ids.size, locale)}` : ''} selected
            </button>
          </div>
          {listing.error && <ErrorAlert message={listing.error} testId="library-error" />}
          {search.error && <ErrorAlert message={search.error} testId="search-error" />}
          {listing.articles && all.length === 0 ? (
            <EmptyState message="Your collection is empty." hint="Import files, paste some text, or restore the default collection." testId="library-empty" />
          ) : listing.articles && shown.length === 0 && !search.pending ? (
            <EmptyState
              testId="library-no-match"
              message={search.ids ? `No articles match “${query.trim()}”${filtering ? ' with these filters' : ''}.` : 'No articles match these filters.'}
              hint={filtering ? 'Set Origin and Tag back to All and Any to see more.' : <NoMatchHint query={query} />}
            />
          ) : (
            <ArticleList
              articles={shown}
              selected={selection.ids}
              locale={locale}
              label={search.ids ? 'Articles matching the search, best first' : 'Articles'}
              onSelect={onSelect}
              onEdit={setEditing}
              focusRow={focusRow}
              onRowFocused={rowFocused}
            />
          )}
        </main>
        <aside className="library-side" aria-label="Add and keep articles">
          <ImportPanel importer={importer} locale={locale} onStart={startImport} />
          <PastePanel onAdded={reload} />
          <BackupPanel locale={locale} onChanged={reload} />
          <section className="panel" aria-labelledby="storage-heading">
            <h2 id="storage-heading">Storage</h2>
            <StorageStatus status={storage} locale={locale} />
          </section>
        </aside>
      </div>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>{running ? 'Wait for the import under way to finish.' : 'Drop files or folders to import them'}</p>
        </div>
      )}
      {editing && <ArticleEditor article={editing} onSave={save} onClose={() => setEditing(null)} />}
      <div className="toast-region" role="status">
        {deleter.notice && (
          <UndoToast
            message={deleter.notice.message}
            onUndo={deleter.notice.undo && (() => void deleter.undo())}
            onDismiss={deleter.dismiss}
          />
        )}
      </div>
    </div>
  );
}
