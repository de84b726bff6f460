import type { MouseEvent } from 'react';
import { errorMessage } from './error-message.ts';
import { openArticle } from './open-article.ts';
import { useImportPage } from './use-import-page.ts';

/**
 * "Add this page": stores the article of the popup's tab in the collection, then says whether it
 * was added or was there already, with a link to open it.
 */
export function AddPageButton({ tabId, browserPage, samplePage = false, onError }: { tabId: number | null; browserPage: boolean; samplePage?: boolean; onError(message: string): void }) {
  const { state, add } = useImportPage(tabId);
  const unavailable =
    tabId === null
      ? 'Open a web page in this tab to add it.'
      : browserPage
        ? 'Cairn cannot add browser pages, only web pages.'
        : samplePage
          ? 'This is Cairn’s sample page. Open a web page to add it to your collection.'
          : undefined;

  function open(event: MouseEvent, id: number) {
    event.preventDefault();
    openArticle(id, '').catch((error: unknown) => onError(errorMessage(error)));
  }

  return (
    <div className="add-page">
      <button
        type="button"
        className="button"
        data-testid="import-page"
        disabled={unavailable !== undefined || state.status === 'busy'}
        title={unavailable}
        onClick={() => void add()}
      >
        {state.status === 'busy' ? 'Adding…' : 'Add this page'}
      </button>
      <p className={state.status === 'failed' ? 'add-page-result is-failed' : 'add-page-result'} role="status" data-testid="import-page-result">
        {state.status === 'failed' && state.message}
        {state.status === 'done' && (
          <>
            {state.result.outcome === 'added' ? 'Added to your collection' : 'Already in your collection'}
            {' · '}
            <a href={`reader.html?id=${state.result.id}`} onClick={(event) => open(event, state.result.id)}>
              Open it
            </a>
          </>
        )}
      </p>
    </div>
  );
}
