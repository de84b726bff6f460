import { useState } from 'react';
import { request } from '../../lib/platform/messaging.ts';
import { describeError } from '../../lib/shared/text/describe-error.ts';

/** "Restore the default articles" from the popup: the background's `restoreDefaultSeeds`. */
export function useRestoreDefaults(): { restoring: boolean; result: string | null; restore(): void } {
  const [restoring, setRestoring] = useState(false);
  const [result, setResult] = useState<string | null>(null);

  function restore() {
    setRestoring(true);
    setResult(null);
    request('restoreDefaultSeeds', {}).then(
      ({ added }) => setResult(added.length === 0 ? 'The default articles are already in your collection.' : `Restored ${added.length} default ${added.length === 1 ? 'article' : 'articles'}.`),
      (error: unknown) => setResult(describeError(error, 'Cairn could not restore the default articles.')),
    ).finally(() => setRestoring(false));
  }

  return { restoring, result, restore };
}
