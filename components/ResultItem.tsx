import type { ArticleSummary, Snippet, TextRange } from '../lib/protocol.ts';
import { ArticleMeta } from './ArticleMeta.tsx';
import { MarkedText } from './MarkedText.tsx';

/** An article to list: a search hit (with its matches) or a plain summary. */
export interface ResultItemData extends ArticleSummary {
  titleHighlights?: TextRange[];
  snippet?: Snippet;
}

/**
 * What a search result shows: title, "source · date" (the author when there is no source) and
 * the passage that matched.
 */
export function ResultItem({ item, locale }: { item: ResultItemData; locale: string }) {
  const { snippet } = item;
  return (
    <>
      <span className="result-title" data-testid="result-title">
        <MarkedText text={item.title} ranges={item.titleHighlights} />
      </span>
      <ArticleMeta article={{ source: item.source ?? item.author, publishedAt: item.publishedAt }} locale={locale} className="result-meta" testId="result-meta" />
      {snippet && snippet.text && (
        <span className="result-snippet" data-testid="result-snippet">
          {snippet.truncatedStart && '…'}
          <MarkedText text={snippet.text} ranges={snippet.highlights} />
          {snippet.truncatedEnd && '…'}
        </span>
      )}
    </>
  );
}
