import type { ImportResult } from '../../protocol.ts';
import { describeError } from '../text/describe-error.ts';
import type { ImportSource } from './types.ts';

/** How one file ended: exactly one outcome per file, whatever happened. */
export interface FileReport {
  name: string;
  path?: string;
  outcome: 'imported' | 'duplicate' | 'skipped' | 'failed';
  /** Articles stored from this file. */
  added: number;
  /** Articles of this file that were already in the collection. */
  duplicates: number;
  /** Why the file was skipped or failed, in words a user understands. */
  reason?: string;
  /**
   * For a failed file: trying again may work (its bytes could not be read, storing failed for a
   * reason of the moment such as a full disk). Not set for content that fails the same way every
   * time (a syntax error, an article the background refuses).
   */
  retryable?: boolean;
  /** Things the user should know even though the file imported ("row 4: no text, left out"). */
  notes: string[];
  /** For a CSV whose columns must be chosen: its header names (retry with `ReadOptions`). */
  headers?: string[];
  /** Ids of the articles stored, so the report can open them. */
  ids: number[];
}

export const CANCELLED = 'the import was cancelled before this file';

export function outcomeOf(file: ImportSource, result: ImportResult, notes: string[]): FileReport {
  const added = result.added.length;
  return {
    ...blank(file, added > 0 ? 'imported' : 'duplicate'),
    added,
    duplicates: result.duplicates,
    notes,
    ids: result.added,
  };
}

export function blank(file: ImportSource, outcome: FileReport['outcome'], reason?: string): FileReport {
  return {
    name: file.name,
    ...(file.path ? { path: file.path } : {}),
    outcome,
    added: 0,
    duplicates: 0,
    ...(reason ? { reason } : {}),
    notes: [],
    ids: [],
  };
}

/**
 * Asks again when the background went away before answering (its worker was stopped): the
 * browser starts a new one for the next message. Errors the background reported are final.
 */
export async function withRetries<T>(call: () => Promise<T>, retries = 3): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= retries || !isLostConnection(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * (attempt + 1)));
    }
  }
}

/** The messages browsers give when the receiving end closed before it answered. */
export function isLostConnection(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'NoResponse') return true;
  return /message port closed|receiving end does not exist|could not establish connection|message channel closed/i.test(error.message);
}

/** The background refused what it was given: the same request is refused again. */
export function isRefusal(error: unknown): boolean {
  return error instanceof Error && error.name === 'RequestError';
}

/**
 * Whether a failed store is worth trying again: anything but the background refusing what it was
 * given (`RequestError`: the same articles are refused again) or a cancel.
 */
export function retryableIf(error: unknown): { retryable?: true } {
  if (error instanceof DOMException && error.name === 'AbortError') return {};
  return isRefusal(error) ? {} : { retryable: true };
}

export function describe(error: unknown): string {
  if (error instanceof DOMException && error.name === 'AbortError') return CANCELLED;
  return describeError(error, String(error));
}
