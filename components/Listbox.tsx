import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

/** The id of the option for an item, shared with `aria-activedescendant`. */
export function optionId(listId: string, itemId: number): string {
  return `${listId}-option-${itemId}`;
}

export interface ListboxProps<T extends { id: number }> {
  id: string;
  /** What the list is, for screen readers ("Search results"). */
  label: string;
  items: readonly T[];
  /** The active option; -1 for none. */
  activeIndex: number;
  className?: string;
  testId?: string;
  /** Extra class and test id of each option. */
  optionClassName?: string;
  optionTestId?: string;
  /** The list is waiting for newer items than it shows. */
  busy?: boolean;
  onOpen(index: number): void;
  onPoint(index: number): void;
  /**
   * Given when the list takes the keyboard itself (side panel): it becomes focusable and Up, Down
   * and Enter work on it. Without it, a search box drives the list (popup).
   */
  onMove?(step: -1 | 1): void;
  onFocusChange?(focused: boolean): void;
  /** The content of one option. */
  children(item: T): ReactNode;
}

/**
 * A list of articles as an ARIA listbox: the active option is marked and kept in view; a click
 * opens, a pointer move makes active.
 */
export function Listbox<T extends { id: number }>(props: ListboxProps<T>) {
  const { id, label, items, activeIndex, className, testId, optionClassName, optionTestId, busy, onOpen, onPoint, onMove, onFocusChange, children } = props;
  const listRef = useRef<HTMLUListElement>(null);
  const active = activeIndex >= 0 ? items[activeIndex] : undefined;

  useEffect(() => {
    if (activeIndex >= 0) listRef.current?.children[activeIndex]?.scrollIntoView({ block: 'nearest' });
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
      aria-busy={busy || undefined}
      className={className}
      data-testid={testId}
      tabIndex={onMove ? 0 : undefined}
      aria-activedescendant={onMove && active ? optionId(id, active.id) : undefined}
      onKeyDown={onMove ? handleKeyDown : undefined}
      onFocus={onFocusChange && (() => onFocusChange(true))}
      onBlur={onFocusChange && (() => onFocusChange(false))}
    >
      {items.map((item, i) => (
        <li
          key={item.id}
          id={optionId(id, item.id)}
          role="option"
          aria-selected={i === activeIndex}
          className={['result-item', optionClassName, i === activeIndex && 'is-active'].filter(Boolean).join(' ')}
          data-testid={optionTestId}
          onClick={() => onOpen(i)}
          onMouseMove={i === activeIndex ? undefined : () => onPoint(i)}
        >
          {children(item)}
        </li>
      ))}
    </ul>
  );
}
