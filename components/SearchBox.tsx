import type { KeyboardEvent, Ref } from 'react';

export interface SearchBoxProps {
  value: string;
  onChange(value: string): void;
  /** Up (-1) or Down (1) was pressed: move the active result. */
  onMove(step: -1 | 1): void;
  /** Enter was pressed: open the active result. */
  onSubmit(): void;
  /** The id of the list the box controls. */
  listId: string;
  /** The id of the active option, if any. */
  activeId?: string;
  /** The list is showing options. */
  expanded: boolean;
  label?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * The search field, as an ARIA combobox: focus stays in it while Up, Down and Enter drive the
 * list through `aria-activedescendant`.
 */
export function SearchBox({ value, onChange, onMove, onSubmit, listId, activeId, expanded, label = 'Search your collection', inputRef }: SearchBoxProps) {
  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing) return; // Enter confirms an IME candidate, not a search.
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      onMove(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onSubmit();
    }
  }

  return (
    <div className="search-box">
      <label className="visually-hidden" htmlFor="search-input">
        {label}
      </label>
      <svg className="search-box-icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M12.7 12.7 17 17" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <input
        ref={inputRef}
        id="search-input"
        data-testid="search-input"
        type="search"
        role="combobox"
        placeholder={label}
        autoComplete="off"
        spellCheck={false}
        autoFocus
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={handleKeyDown}
        aria-controls={listId}
        aria-expanded={expanded}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
      />
    </div>
  );
}
