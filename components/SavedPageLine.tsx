import type { SavedPage } from '../lib/protocol.ts';

/** "✓ In your collection: <title>", for a page whose address is an article's; the title opens it. */
export function SavedPageLine({ saved, onOpen }: { saved: SavedPage; onOpen(id: number): void }) {
  return (
    <p className="saved-page" data-testid="saved-page">
      <span aria-hidden="true">✓ </span>
      In your collection:{' '}
      <button type="button" className="link-button" data-testid="saved-page-open" onClick={() => onOpen(saved.id)}>
        {saved.title}
      </button>
    </p>
  );
}
