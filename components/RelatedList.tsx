import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { RelatedArticle } from '../lib/protocol.ts';
import { RelatedItem } from './RelatedItem.tsx';
import { optionId } from './ResultList.tsx';

export interface RelatedListProps {
  id: string;
  items: readonly RelatedArticle[];
  /** The active option; -1 for none. */
  activeIndex: number;
  locale: string;
  label?: string;
  onOpen(index: number): void;
  onPoint(index: number): void;
  /**
   * Given when the list takes the keyboard itself (side panel): it becomes focusable and Up, Down
   * and Enter work on it. Without it, a search box drives the list (popup).
   */
  onMove?(step: -1 | 1): void;
  onFocusChange?(focused: boolean): void;
}

/** Related articles as a listbox, best first; the active one is kept in view. */
export function RelatedList({ id, items, activeIndex, locale, label = 'Related articles', onOpen, onPoint, onMove, onFocusChange }: RelatedListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const active = activeIndex >= 0 ? items[activeIndex] : undefined;

  useEffect(() => {
    if (activeIndex < 0) return;
    listRef.current?.children[activeIndex]?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex, items]);

  function handleKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if (!onMove) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      onMove(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter' && activeIndex >= 0) {
      event.preventDefault();
      onOpen(activeIndex);
    }
  }

  return (
    <ul
      ref={listRef}
      id={id}
      role="listbox"
      aria-label={label}
      className="result-list related-list"
      tabIndex={onMove ? 0 : undefined}
      aria-activedescendant={onMove && active ? optionId(id, active.id) : undefined}
      onKeyDown={onMove ? handleKeyDown : undefined}
      onFocus={onFocusChange && (() => onFocusChange(true))}
      onBlur={onFocusChange && (() => onFocusChange(false))}
    >
      {items.map((item, i) => (
        <RelatedItem
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
