import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ArticleBody } from '../../components/ArticleBody.tsx';
import { ArticleMeta } from '../../components/ArticleMeta.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import type { ArticleChanges } from '../../lib/protocol.ts';
import { request } from '../../lib/platform/messaging.ts';
import { markedTerms } from '../../lib/shared/search/marked-terms.ts';
// The library's own editor and delete-with-undo, so the two pages edit and delete alike.
import { ArticleEditor } from '../library/ArticleEditor.tsx';
import { UndoToast } from '../library/UndoToast.tsx';
import { useDeleteWithUndo } from '../library/use-delete-with-undo.ts';
import { ReaderBar } from './ReaderBar.tsx';
import { RelatedInCollection } from './RelatedInCollection.tsx';
import { useRelatedArticles } from './use-related-articles.ts';
import { parseArticleId, useArticle } from './use-article.ts';

/**
 * The reader: `reader.html?id=<articleId>&q=<query>` shows the article in full, with the words of
 * the query (if any) marked, and scrolls to the first of them. Its bar leads back to the library
 * (searching for the query) and edits or deletes the article; a delete can be undone from the
 * notice that replaces the article. Under the article, the articles that share its phrases.
 */
export function App({ params, locale }: { params: URLSearchParams; locale: string }) {
  const id = useMemo(() => parseArticleId(params.get('id')), [params]);
  const { state, reload } = useArticle(id);
  const query = params.get('q') ?? '';
  const terms = useMemo(() => markedTerms(query), [query]);
  const [editing, setEditing] = useState(false);
  const [deleted, setDeleted] = useState(false);
  const deletedNotice = useRef<HTMLDivElement>(null);

  const changed = useCallback(
    (removed: readonly number[]) => {
      // A delete names what it took; an undo names nothing and puts the article back under its id.
      if (id !== null && removed.includes(id)) setDeleted(true);
      else if (removed.length === 0) {
        setDeleted(false);
        reload();
      }
    },
    [id, reload],
  );
  const deleter = useDeleteWithUndo(changed);

  const save = useCallback(
    async (articleId: number, changes: ArticleChanges) => {
      await request('updateArticle', { id: articleId, changes });
      reload();
    },
    [reload],
  );

  useEffect(() => {
    if (deleted) document.title = 'Article deleted – Cairn';
    else if (state.status === 'ready') document.title = state.article.title;
    else if (state.status !== 'loading') document.title = 'Article not found – Cairn';
  }, [state, deleted]);

  // The Delete button goes with the article: the focus moves to the notice that replaces it.
  useEffect(() => {
    if (deleted) deletedNotice.current?.focus();
  }, [deleted]);

  useEffect(() => {
    if (state.status !== 'ready' || terms.length === 0) return;
    const first = document.querySelector('.article-body mark');
    if (first && first.getBoundingClientRect().bottom > window.innerHeight) first.scrollIntoView({ block: 'center' });
  }, [state, terms]);

  const article = state.status === 'ready' && !deleted ? state.article : null;
  const relations = useRelatedArticles(article ? article.id : null);
  return (
    <>
      <ReaderBar
        query={query}
        article={article}
        busy={deleter.busy}
        onEdit={() => setEditing(true)}
        onDelete={() => article && void deleter.remove([article.id])}
      />
      <main className="reader">
        {state.status === 'loading' && <p className="reader-status">Opening the article…</p>}
        {state.status === 'missing' && (
          <div data-testid="reader-error">
            <EmptyState
              message="This article is not in your collection any more."
              hint="Search your collection from the Cairn button in the toolbar."
            />
          </div>
        )}
        {state.status === 'error' && <ErrorAlert message={state.message} testId="reader-error" />}
        {deleted && state.status === 'ready' && (
          <div data-testid="reader-deleted" ref={deletedNotice} tabIndex={-1} className="reader-deleted">
            <EmptyState
              message={`“${state.article.title}” was deleted from your collection.`}
              hint="Undo puts it back while the notice shows; the library lists what is left."
            />
          </div>
        )}
        {article && (
          <article lang={article.lang}>
            <header className="reader-header">
              <h1 data-testid="reader-title">{article.title}</h1>
              <ArticleMeta article={article} locale={locale} className="reader-meta" testId="reader-meta" />
            </header>
            <ArticleBody body={article.body} terms={terms} testId="reader-body" />
          </article>
        )}
        {article && <RelatedInCollection state={relations} locale={locale} />}
      </main>
      {editing && article && (
        <ArticleEditor
          article={{ ...article, tags: article.tags ?? [], size: article.body.length }}
          onSave={save}
          onClose={() => setEditing(false)}
        />
      )}
      <div className="toast-region" role="status">
        {deleter.notice && (
          <UndoToast message={deleter.notice.message} onUndo={deleter.notice.undo && (() => void deleter.undo())} onDismiss={deleter.dismiss} />
        )}
      </div>
    </>
  );
}
