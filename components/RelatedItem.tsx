import type { RelatedArticle } from '../lib/protocol.ts';
import { ArticleMeta } from './ArticleMeta.tsx';
import { PhraseChips } from './PhraseChips.tsx';

export interface RelatedItemProps {
  item: RelatedArticle;
  /** The element id, for `aria-activedescendant`. */
  optionId: string;
  active: boolean;
  locale: string;
  onOpen(): void;
  onPoint(): void;
}

/** One related article: title, "source · date" (the author when there is no source) and the phrases that linked it. */
export function RelatedItem({ item, optionId, active, locale, onOpen, onPoint }: RelatedItemProps) {
  return (
    <li
      id={optionId}
      role="option"
      aria-selected={active}
      className={active ? 'result-item related-item is-active' : 'result-item related-item'}
      data-testid="related-item"
      onClick={onOpen}
      onMouseMove={active ? undefined : onPoint}
    >
      <span className="result-title" data-testid="related-title">
        {item.title}
      </span>
      <ArticleMeta article={{ source: item.source ?? item.author, publishedAt: item.publishedAt }} locale={locale} className="result-meta" />
      <PhraseChips phrases={item.phrases} testId="related-phrases" />
    </li>
  );
}
