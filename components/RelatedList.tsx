import type { RelatedArticle } from '../lib/protocol.ts';
import { Listbox } from './Listbox.tsx';
import { RelatedItem } from './RelatedItem.tsx';

export interface RelatedListProps {
  id: string;
  items: readonly RelatedArticle[];
  /** The active option; -1 for none. */
  activeIndex: number;
  locale: string;
  label?: string;
  onOpen(index: number): void;
  onPoint(index: number): void;
  /** Given when the list takes the keyboard itself (side panel); see `Listbox`. */
  onMove?(step: -1 | 1): void;
  onFocusChange?(focused: boolean): void;
}

/** Related articles, best first, each with the phrases that linked it. */
export function RelatedList({ locale, label = 'Related articles', ...props }: RelatedListProps) {
  return (
    <Listbox {...props} label={label} className="result-list related-list" optionClassName="related-item" optionTestId="related-item">
      {(item) => <RelatedItem item={item} locale={locale} />}
    </Listbox>
  );
}
