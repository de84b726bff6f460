import { describe, expect, it } from 'vitest';
import { explainStorageFailure, isQuotaError, StorageFullError } from '../../lib/background/storage-failure.ts';

describe('isQuotaError', () => {
  it('recognises a full disk however IndexedDB and Dexie wrap it', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const abort = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota });
    const dexie = Object.assign(new Error('bulkAdd failed'), { name: 'BulkError', inner: abort });
    const cause = new Error('write failed', { cause: quota });

    expect([quota, abort, dexie, cause].map(isQuotaError)).toEqual([true, true, true, true]);
  });

  it('leaves other failures alone, including an abort with no quota behind it', () => {
    const abort = Object.assign(new Error('Transaction aborted'), { name: 'AbortError' });

    expect([abort, new Error('disk broke'), null, 'QuotaExceededError'].map(isQuotaError)).toEqual([false, false, false, false]);
  });
});

describe('explainStorageFailure', () => {
  it('turns a full disk into a message that says nothing was saved', () => {
    const explained = explainStorageFailure(new DOMException('x', 'QuotaExceededError'));

    expect(explained).toBeInstanceOf(StorageFullError);
    expect((explained as Error).message).toMatch(/nothing from this request was saved/);
  });
});
