import { useEffect, useMemo } from 'react';
import { ArticleBody } from '../../components/ArticleBody.tsx';
import { ArticleMeta } from '../../components/ArticleMeta.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { markedTerms } from '../../lib/shared/search/marked-terms.ts';
import { parseArticleId, useArticle } from './use-article.ts';

/**
 * The reader: `reader.html?id=<articleId>&q=<query>` shows the article in full, with the words of
 * the query (if any) marked, and scrolls to the first of them.
 */
export function App({ params, locale }: { params: URLSearchParams; locale: string }) {
  const state = useArticle(parseArticleId(params.get('id')));
  const query = params.get('q') ?? '';
  const terms = useMemo(() => markedTerms(query), [query]);

  useEffect(() => {
    if (state.status === 'ready') document.title = state.article.title;
    else if (state.status !== 'loading') document.title = 'Article not found – Cairn';
  }, [state]);

  useEffect(() => {
    if (state.status !== 'ready' || terms.length === 0) return;
    const first = document.querySelector('.article-body mark');
    if (first && first.getBoundingClientRect().bottom > window.innerHeight) first.scrollIntoView({ block: 'center' });
  }, [state, terms]);

  return (
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
      {state.status === 'ready' && (
        <article lang={state.article.lang}>
          <header className="reader-header">
            <h1 data-testid="reader-title">{state.article.title}</h1>
            <ArticleMeta article={state.article} locale={locale} className="reader-meta" testId="reader-meta" />
          </header>
          <ArticleBody body={state.article.body} terms={terms} testId="reader-body" />
        </article>
      )}
    </main>
  );
}
