import { useId } from 'react';
import { ArticleMeta } from '../../components/ArticleMeta.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PhraseChips } from '../../components/PhraseChips.tsx';
import type { RelationsState } from './use-related-articles.ts';

/**
 * "Related in your collection", under the article: the articles that share the most phrases with
 * it, each a link to it in the reader, with the phrases they share.
 */
export function RelatedInCollection({ state, locale }: { state: RelationsState; locale: string }) {
  const headingId = useId();
  return (
    <section className="reader-related" aria-labelledby={headingId} data-testid="reader-related">
      <h2 id={headingId}>Related in your collection</h2>
      {state.status === 'loading' && <p className="reader-status">Looking for related articles…</p>}
      {state.status === 'error' && <ErrorAlert message={state.message} testId="reader-related-error" />}
      {state.status === 'ready' && state.relations.related.length === 0 && (
        <EmptyState
          testId="reader-related-empty"
          message={state.relations.pending ? 'Cairn is still reading this article.' : 'No other article shares its phrases.'}
          hint={state.relations.pending ? 'Open the article again in a moment to see what relates to it.' : undefined}
        />
      )}
      {state.status === 'ready' && state.relations.related.length > 0 && (
        <ul className="reader-related-list">
          {state.relations.related.map((article) => (
            <li key={article.id} data-testid="reader-related-item">
              <a href={`reader.html?id=${article.id}`} className="reader-related-title">
                {article.title}
              </a>
              <ArticleMeta article={{ source: article.source ?? article.author, publishedAt: article.publishedAt }} locale={locale} className="result-meta" />
              <PhraseChips phrases={article.phrases} testId="reader-related-phrases" />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
