import type { Article } from '../../lib/protocol.ts';
import { cleanUrl } from '../../lib/shared/import/clean-url.ts';
import { libraryPath } from '../../lib/shared/reach/library-query.ts';

export interface ReaderBarProps {
  /** The search the reader was opened from ('' for none). */
  query: string;
  /** The article the actions act on; none while it loads, after it was deleted, or when it is missing. */
  article: Article | null;
  busy: boolean;
  onEdit(): void;
  onDelete(): void;
}

/**
 * The reader's top bar: the way back (the library, searching for the query the reader was opened
 * with when there was one) and the article's actions. The original address is offered only when
 * it is a web address (`cleanUrl`: http or https), opened without telling the page where from.
 */
export function ReaderBar({ query, article, busy, onEdit, onDelete }: ReaderBarProps) {
  const original = cleanUrl(article?.url);
  const search = query.trim();
  return (
    <header className="reader-bar">
      <nav aria-label="Cairn pages" className="reader-nav">
        {search && (
          <a href={libraryPath(search)} data-testid="reader-back">
            ← Back to search
          </a>
        )}
        <a href={libraryPath()} data-testid="reader-library">
          {search ? 'Library' : '← Library'}
        </a>
      </nav>
      {article && (
        <div className="reader-actions" role="group" aria-label="Article actions">
          {original && (
            <a className="button" href={original} target="_blank" rel="noopener noreferrer" data-testid="reader-original">
              Open original
            </a>
          )}
          <button type="button" className="button" data-testid="reader-edit" disabled={busy} onClick={onEdit}>
            Edit
          </button>
          <button type="button" className="button button-danger" data-testid="reader-delete" disabled={busy} onClick={onDelete}>
            Delete
          </button>
        </div>
      )}
    </header>
  );
}
