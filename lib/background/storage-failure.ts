/** The browser refused to store more: the disk, or the space it allows Cairn, is full. */
export class StorageFullError extends Error {
  override name = 'StorageFullError';
}

const FULL_MESSAGE =
  'Your browser has no more room for Cairn’s collection, so nothing from this request was saved and everything already in it is unchanged. Free space on your disk or delete articles you no longer need, then try again.';

/**
 * Recognises a full-storage failure however IndexedDB and Dexie report it: a
 * `QuotaExceededError`, or an `AbortError` of the transaction whose cause (`inner`) is one.
 */
export function isQuotaError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const { name, inner, cause } = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (name === 'QuotaExceededError') return true;
    current = inner ?? cause;
  }
  return false;
}

/** Turns a full-storage failure into a message a user can act on; other errors pass unchanged. */
export function explainStorageFailure(error: unknown): unknown {
  return isQuotaError(error) ? new StorageFullError(FULL_MESSAGE) : error;
}
