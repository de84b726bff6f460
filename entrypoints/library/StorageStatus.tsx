import type { StorageStatus as Status } from './use-storage-status.ts';
import { useState } from 'react';
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
      {status.index && (
        <p data-testid="index-memory">
          Search index: {status.index.terms.toLocaleString(locale)} words, about {formatBytes(status.index.keptBytes, locale)} kept in
          memory, plus {formatBytes(status.index.cachedBytes, locale)} of recently searched words (at most{' '}
          {formatBytes(status.index.cacheLimit, locale)}).
        </p>
      )}
      {status.linking && <LinkingLine linking={status.linking} locale={locale} />}
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
      {status.damaged.length > 0 && <DamagedRecords status={status} locale={locale} />}
      {error && <p className="panel-status is-failed">{error}</p>}
    </div>
  );
}

/** Records shown before "and N more". */
const LISTED = 10;

/**
 * Stored articles Cairn cannot read (quarantined): kept in the database, left out of search and
 * linking. Lists which and why, and deletes them after a second click.
 */
function DamagedRecords({ status, locale }: { status: Status; locale: string }) {
  const { damaged, busy } = status;
  const [confirming, setConfirming] = useState(false);
  const count = damaged.length.toLocaleString(locale);
  const records = damaged.length === 1 ? 'record' : 'records';
  return (
    <div className="damaged-records" data-testid="damaged-records">
      <p className="is-failed">
        {count} stored {records} could not be read. {damaged.length === 1 ? 'It is' : 'They are'} kept, but left out of
        search and linking.
      </p>
      <ul>
        {damaged.slice(0, LISTED).map((record) => (
          <li key={String(record.id)} data-testid="damaged-record">
            {record.title ? `“${record.title}”` : 'Untitled'} (#{String(record.id)}): {record.reason}
          </li>
        ))}
        {damaged.length > LISTED && <li>and {(damaged.length - LISTED).toLocaleString(locale)} more</li>}
      </ul>
      <p className="panel-hint">A backup (Export) keeps a copy of them as they are.</p>
      {confirming ? (
        <div className="button-row">
          <button type="button" className="button" data-testid="delete-damaged-confirm" disabled={busy} onClick={() => void status.deleteDamaged().then(() => setConfirming(false))}>
            Delete {count} damaged {records}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)}>
            Keep {damaged.length === 1 ? 'it' : 'them'}
          </button>
        </div>
      ) : (
        <button type="button" className="button" data-testid="delete-damaged" disabled={busy} onClick={() => setConfirming(true)}>
          Delete damaged {records}…
        </button>
      )}
    </div>
  );
}

/** How many articles pages can link to yet: all of them, or how far the background has got. */
function LinkingLine({ linking, locale }: { linking: NonNullable<Status['linking']>; locale: string }) {
  const total = linking.indexed + linking.pending;
  if (total === 0) return null;
  const all = total === 1 ? 'your one article' : `all ${total.toLocaleString(locale)} articles`;
  return (
    <p data-testid="linking-status">
      {linking.pending === 0
        ? `Linking: ${all} can be linked from the pages you read.`
        : `Linking is reading your articles: ${linking.indexed.toLocaleString(locale)} of ${total.toLocaleString(locale)} done. Pages link to those already; the rest follow in the background.`}
    </p>
  );
}
