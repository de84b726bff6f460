export interface EmptyCollectionProps {
  /** Opens the library's import. */
  onImport(): void;
  /** Adds back the default articles. */
  onRestore(): void;
  /** Set while the default articles are being restored. */
  restoring?: boolean;
  /** What restoring came to, or why it failed. */
  result?: string | null;
}

/**
 * The one thing to say when the collection holds no article: how to fill it. Said in place of
 * the related list and the search results, which could only say "nothing" (issue 11).
 */
export function EmptyCollection({ onImport, onRestore, restoring = false, result }: EmptyCollectionProps) {
  return (
    <div className="empty-state empty-collection" data-testid="empty-collection">
      <p className="empty-state-message">Your collection is empty.</p>
      <p className="empty-state-hint">Import your own articles, or bring back the five default articles Cairn came with.</p>
      <div className="empty-collection-actions">
        <button type="button" className="button" data-testid="empty-import" onClick={onImport}>
          Import
        </button>
        <button type="button" className="button" data-testid="empty-restore" disabled={restoring} onClick={onRestore}>
          {restoring ? 'Restoring…' : 'Restore the default articles'}
        </button>
      </div>
      <p className="empty-state-hint" role="status" data-testid="empty-restore-result">
        {result}
      </p>
    </div>
  );
}
