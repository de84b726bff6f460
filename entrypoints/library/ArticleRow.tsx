import { memo, type MouseEvent } from 'react';
import type { ArticleListing } from '../../lib/protocol.ts';
import { formatDate } from '../../lib/shared/text/format-date.ts';
import { formatChars } from './format-size.ts';
import { formatDay } from './format-day.ts';
import { ORIGIN_LABELS } from './origin-label.ts';
import { formatNumber } from '../../lib/shared/text/format-number.ts';

export interface ArticleRowProps {
  article: ArticleListing;
  selected: boolean;
  locale: string;
  onSelect(id: number, checked: boolean, range: boolean): void;
  onEdit(article: ArticleListing): void;
}

/**
 * One article of the library: a checkbox, its title (a link to the reader), what is known of it
 * ("source · date", origin, tags), its size and when it was imported, and an Edit button. Every
 * control carries `data-nav` so Up and Down can move between rows (see `ArticleList`).
 */
export const ArticleRow = memo(function ArticleRow({ article, selected, locale, onSelect, onEdit }: ArticleRowProps) {
  const date = formatDate(article.publishedAt, locale);
  const byline = [article.source || article.author, date].filter(Boolean).join(' · ');

  function select(event: MouseEvent<HTMLInputElement>) {
    onSelect(article.id, event.currentTarget.checked, event.shiftKey);
  }

  return (
    <>
      <input
        type="checkbox"
        className="article-check"
        data-nav="check"
        checked={selected}
        aria-label={`Select “${article.title}”`}
        onClick={select}
        onChange={() => undefined}
      />
      <div className="article-main">
        <a className="article-title" data-nav="title" href={`reader.html?id=${article.id}`} target="_blank" rel="noopener" title={article.title}>
          {article.title}
        </a>
        <p className="article-meta">
          <span className={`origin-label origin-${article.origin}`}>{ORIGIN_LABELS[article.origin]}</span>
          {byline && <span className="article-byline">{byline}</span>}
          {article.tags.length > 0 && (
            <span className="article-tags">
              <span className="visually-hidden">Tags: </span>
              {article.tags.map((tag) => (
                <span key={tag} className="tag-chip">
                  {tag}
                </span>
              ))}
            </span>
          )}
        </p>
      </div>
      <span className="article-size" title={`${formatNumber(article.size, locale)} characters`}>
        {formatChars(article.size, locale)}
      </span>
      <span className="article-imported">
        <span className="visually-hidden">Imported </span>
        {formatDay(article.importedAt, locale)}
      </span>
      <button type="button" className="button article-edit" data-nav="edit" data-testid="edit-article" aria-label={`Edit “${article.title}”`} onClick={() => onEdit(article)}>
        Edit
      </button>
    </>
  );
});
