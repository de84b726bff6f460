import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { ArticleListing } from '../../lib/protocol.ts';
import { ArticleRow } from './ArticleRow.tsx';

/** Height of one row in pixels; the stylesheet gives rows exactly this height. */
export const ROW_HEIGHT = 60;

export interface ArticleListProps {
  articles: readonly ArticleListing[];
  selected: ReadonlySet<number>;
  locale: string;
  label: string;
  onSelect(id: number, checked: boolean, range: boolean): void;
  onEdit(article: ArticleListing): void;
  /** A row whose checkbox should take the keyboard focus (the next row after a delete). */
  focusRow?: number | null;
  /** Called once `focusRow` has the focus. */
  onRowFocused?(): void;
}

const STEPS: Record<string, (index: number, page: number, last: number) => number> = {
  ArrowDown: (i) => i + 1,
  ArrowUp: (i) => i - 1,
  PageDown: (i, page) => i + page,
  PageUp: (i, page) => i - page,
  Home: () => 0,
  End: (_i, _page, last) => last,
};

/**
 * The articles as a virtualised list: only the rows in view (and a few around them) are in the
 * page, so 50,000 articles scroll as smoothly as fifty. Up, Down, Page Up, Page Down, Home and
 * End move the focus to the same control (checkbox, title or Edit) of another row, scrolling it
 * into view first.
 */
export function ArticleList({ articles, selected, locale, label, onSelect, onEdit, focusRow = null, onRowFocused }: ArticleListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [focusWanted, setFocusWanted] = useState<{ index: number; nav: string } | null>(null);
  const virtualizer = useVirtualizer({
    count: articles.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (index) => articles[index]?.id ?? index,
  });

  useEffect(() => {
    if (!focusWanted) return;
    return focusWhenShown(scroller, focusWanted.index, focusWanted.nav, () => setFocusWanted(null));
  }, [focusWanted]);

  // After a delete the focus goes on to the next row, not to the page (issue 11).
  useEffect(() => {
    if (focusRow === null) return;
    const index = articles.findIndex((article) => article.id === focusRow);
    if (index === -1) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    return focusWhenShown(scroller, index, 'check', () => onRowFocused?.());
  }, [focusRow, articles, virtualizer, onRowFocused]);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = STEPS[event.key];
    const target = event.target as HTMLElement;
    const nav = target.dataset.nav;
    const row = target.closest<HTMLElement>('[data-index]');
    if (!step || !nav || !row || event.altKey || event.ctrlKey || event.metaKey) return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const index = Math.min(articles.length - 1, Math.max(0, step(Number(row.dataset.index), page, articles.length - 1)));
    event.preventDefault();
    virtualizer.scrollToIndex(index, { align: 'auto' });
    setFocusWanted({ index, nav });
  }

  return (
    <div ref={scroller} className="article-list" data-testid="article-list" onKeyDown={handleKeyDown}>
      <div role="list" aria-label={label} className="article-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const article = articles[item.index]!;
          return (
            <div
              key={item.key}
              role="listitem"
              aria-setsize={articles.length}
              aria-posinset={item.index + 1}
              className={selected.has(article.id) ? 'article-row is-selected' : 'article-row'}
              data-testid="article-row"
              data-id={article.id}
              data-index={item.index}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <ArticleRow article={article} selected={selected.has(article.id)} locale={locale} onSelect={onSelect} onEdit={onEdit} />
            </div>
          );
        })}
      </div>
    </div>
  );
}

/**
 * Focuses a row's control once the virtualiser has rendered it (a few frames after a scroll).
 * Returns the function that stops waiting.
 */
function focusWhenShown(scroller: RefObject<HTMLDivElement | null>, index: number, nav: string, done: () => void): () => void {
  let frames = 0;
  let handle = 0;
  const tryFocus = () => {
    const target = scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"] [data-nav="${nav}"]`);
    if (target) {
      target.focus();
      done();
    } else if (frames++ < 10) handle = requestAnimationFrame(tryFocus);
  };
  tryFocus();
  return () => cancelAnimationFrame(handle);
}
