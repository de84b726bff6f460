import type { RelatedArticle } from '../lib/protocol.ts';
import { ArticleMeta } from './ArticleMeta.tsx';
import { PhraseChips } from './PhraseChips.tsx';

/** What a related article shows: title, "source · date" (or author) and the phrases that linked it. */
export function RelatedItem({ item, locale }: { item: RelatedArticle; locale: string }) {
  return (
    <>
      <span className="result-title" data-testid="related-title">
        {item.title}
      </span>
      <ArticleMeta article={{ source: item.source ?? item.author, publishedAt: item.publishedAt }} locale={locale} className="result-meta" />
      <PhraseChips phrases={item.phrases} testId="related-phrases" />
    </>
  );
}
