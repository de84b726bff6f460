import { useId } from 'react';
import type { ArticleOrigin } from '../../lib/protocol.ts';
import type { TagCount } from './collect-tags.ts';
import type { ArticleFilter } from './filter-articles.ts';
import { ORIGIN_LABELS, ORIGINS } from './origin-label.ts';
import type { SortKey, SortOrder } from './sort-articles.ts';
import { formatNumber } from '../../lib/shared/text/format-number.ts';

export interface ArticleToolbarProps {
  query: string;
  onQuery(query: string): void;
  /** The list follows the search's ranking, not the sort. */
  ranked: boolean;
  sort: SortOrder;
  onSort(sort: SortOrder): void;
  filter: ArticleFilter;
  onFilter(filter: ArticleFilter): void;
  tags: readonly TagCount[];
  locale: string;
}

const SORT_NAMES: Record<SortKey, string> = {
  imported: 'Date imported',
  title: 'Title',
  date: 'Date published',
  source: 'Source',
  size: 'Size',
};

/** The direction each key starts with when chosen: newest and largest first, names A to Z. */
const NATURAL: Record<SortKey, SortOrder['direction']> = { imported: 'desc', date: 'desc', size: 'desc', title: 'asc', source: 'asc' };

/** Search, filter by origin and tag, and sort. */
export function ArticleToolbar({ query, onQuery, ranked, sort, onSort, filter, onFilter, tags, locale }: ArticleToolbarProps) {
  const id = useId();
  const ascending = sort.direction === 'asc';
  return (
    <div className="toolbar">
      <div className="toolbar-search">
        <label htmlFor={`${id}-search`} className="visually-hidden">
          Search the library
        </label>
        <input
          id={`${id}-search`}
          type="search"
          placeholder="Search the library"
          data-testid="library-search"
          value={query}
          onChange={(event) => onQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && query) {
              event.preventDefault();
              onQuery('');
            }
          }}
        />
      </div>
      <label className="toolbar-field">
        <span>Origin</span>
        <select
          value={filter.origin ?? ''}
          data-testid="filter-origin"
          onChange={(event) => onFilter({ ...filter, origin: (event.target.value || null) as ArticleOrigin | null })}
        >
          <option value="">All</option>
          {ORIGINS.map((origin) => (
            <option key={origin} value={origin}>
              {ORIGIN_LABELS[origin]}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-field">
        <span>Tag</span>
        <select value={filter.tag ?? ''} data-testid="filter-tag" disabled={tags.length === 0 && filter.tag === null} onChange={(event) => onFilter({ ...filter, tag: event.target.value || null })}>
          <option value="">{tags.length === 0 ? 'No tags yet' : 'Any'}</option>
          {tags.map(({ tag, count }) => (
            <option key={tag} value={tag}>
              {tag} ({formatNumber(count, locale)})
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-field">
        <span>Sort by</span>
        <select
          value={sort.key}
          data-testid="sort-key"
          disabled={ranked}
          title={ranked ? 'Search results are listed best first' : undefined}
          onChange={(event) => {
            const key = event.target.value as SortKey;
            onSort({ key, direction: NATURAL[key] });
          }}
        >
          {(Object.keys(SORT_NAMES) as SortKey[]).map((key) => (
            <option key={key} value={key}>
              {SORT_NAMES[key]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button sort-direction"
        data-testid="sort-direction"
        disabled={ranked}
        aria-label={ascending ? 'Ascending order; switch to descending' : 'Descending order; switch to ascending'}
        onClick={() => onSort({ ...sort, direction: ascending ? 'desc' : 'asc' })}
      >
        <span aria-hidden="true">{ascending ? '↑' : '↓'}</span> {ascending ? 'Ascending' : 'Descending'}
      </button>
    </div>
  );
}
