import type { StorageStatus as Status } from './use-storage-status.ts';
import { formatBytes } from './format-size.ts';

/**
 * How much room the collection takes, and whether the browser may clear it when the disk runs
 * low, with the button that asks it not to.
 */
export function StorageStatus({ status, locale }: { status: Status; locale: string }) {
  const { usage, quota, persisted, granted, busy, error } = status;
  return (
    <div className="storage-status" data-testid="storage-status">
      {usage !== null && (
        <p>
          Using {formatBytes(usage, locale)}
          {quota ? ` of the ${formatBytes(quota, locale)} the browser allows` : ''}.
        </p>
      )}
      <p role="status" data-persisted={persisted === null ? undefined : String(persisted)}>
        {persisted
          ? 'Storage is persistent: the browser will not clear your collection to free space.'
          : granted === false
            ? 'The browser did not grant persistent storage: it may clear your collection when the disk runs low. Export a backup from time to time.'
            : persisted === false
              ? 'Storage is not persistent: the browser may clear your collection when the disk runs low.'
              : null}
      </p>
      {persisted === false && (
        <button type="button" className="button" data-testid="persist-button" disabled={busy} onClick={() => void status.persist()}>
          {granted === false ? 'Ask again' : 'Make storage persistent'}
        </button>
      )}
      {error && <p className="panel-status is-failed">{error}</p>}
    </div>
  );
}
