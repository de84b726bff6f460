import { useState } from 'react';
import type { PageImportResult } from '../../lib/protocol.ts';
import { request } from '../../lib/platform/messaging.ts';
import { describeError } from '../../lib/shared/text/describe-error.ts';

export type ImportPageState =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'done'; result: PageImportResult }
  | { status: 'failed'; message: string };

/** "Add this page": asks the background to extract the tab's article and store it. */
export function useImportPage(tabId: number | null): { state: ImportPageState; add(): Promise<void> } {
  const [state, setState] = useState<ImportPageState>({ status: 'idle' });

  async function add() {
    if (tabId === null) return;
    setState({ status: 'busy' });
    try {
      setState({ status: 'done', result: await request('importPage', { tabId }) });
    } catch (error) {
      setState({ status: 'failed', message: describeError(error, 'Cairn could not add this page.') });
    }
  }

  return { state, add };
}
