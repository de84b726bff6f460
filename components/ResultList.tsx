import { useEffect, useRef } from 'react';
import { ResultItem, type ResultItemData } from './ResultItem.tsx';

export interface ResultListProps {
  id: string;
  /** What the list is, for screen readers ("Search results"). */
  label: string;
  items: readonly ResultItemData[];
  activeIndex: number;
  locale: string;
  /** The list is waiting for newer results than it shows. */
  busy?: boolean;
  onOpen(index: number): void;
  onPoint(index: number): void;
}

/** The id of the option for an article, shared with the search box's `aria-activedescendant`. */
export function optionId(listId: string, articleId: number): string {
  return `${listId}-option-${articleId}`;
}

/** Articles as a listbox; the active one is kept in view as the keyboard moves it. */
export function ResultList({ id, label, items, activeIndex, locale, busy, onOpen, onPoint }: ResultListProps) {
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const active = listRef.current?.children[activeIndex];
    active?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex, items]);

  return (
    <ul ref={listRef} id={id} role="listbox" aria-label={label} aria-busy={busy || undefined} className="result-list" data-testid="result-list">
      {items.map((item, i) => (
        <ResultItem
          key={item.id}
          item={item}
          optionId={optionId(id, item.id)}
          active={i === activeIndex}
          locale={locale}
          onOpen={() => onOpen(i)}
          onPoint={() => onPoint(i)}
        />
      ))}
    </ul>
  );
}
