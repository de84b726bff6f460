import type { BackupArticle, ImportResult, LinkingSettings, ParsedArticle } from '../../protocol.ts';
import { readBackup } from './backup-format.ts';
import { describeError } from '../text/describe-error.ts';
import { MAX_FIELD_CHARS } from './limits.ts';
import type { FileReading, ImportSource, ReadOptions } from './types.ts';

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

export interface ImportProgress {
  filesDone: number;
  filesTotal: number;
  articlesAdded: number;
  bytesDone: number;
  bytesTotal: number;
  /** What is happening now, for a file big enough to take a while on its own. */
  now?: { stage: 'reading'; file: string } | { stage: 'storing'; articles: number; files: number };
}

export interface ImportDeps {
  read(file: ImportSource, options?: ReadOptions): Promise<FileReading>;
  /** Stores the articles of one or more files in one transaction (the `importFiles` request). */
  store(batch: { batchId: string; files: { fileName: string; articles: ParsedArticle[] }[] }): Promise<ImportResult[]>;
  /** Stores articles of a backup, keeping their ids (the `restoreArticles` request). */
  restore(batch: { batchId: string; articles: BackupArticle[] }): Promise<ImportResult>;
  restoreSettings(settings: LinkingSettings): Promise<void>;
  newBatchId(): string;
  onProgress?(progress: ImportProgress): void;
  /** Called with each file's report as soon as it is known. */
  onReport?(report: FileReport, index: number): void;
  signal?: AbortSignal;
  /** Choices per file, by index into `files` (a retry with chosen CSV columns). */
  options?: (ReadOptions | undefined)[];
  /** How many times a store is asked again when the background stops before answering. Default 3. */
  retries?: number;
}

/**
 * Small files are stored together, up to this many files or characters of text per request: one
 * round trip and one commit for fifty notes instead of fifty.
 */
const GROUP_FILES = 50;
const GROUP_CHARS = 4_000_000;
/** Articles of a backup sent per request: keeps each message well under the browser's limit. */
const RESTORE_BATCH = 500;
/**
 * A file with more text or articles than this is stored in parts, one request each: the browser
 * copies a message on the page's main thread, and one 45 MB request froze the library page for
 * seconds (Cairn issue 8). Each part is its own transaction, as a backup's batches are.
 */
const PART_CHARS = 1_000_000;
const PART_ARTICLES = 1_000;
const CANCELLED = 'the import was cancelled before this file';

/**
 * Imports files one after another: each is read (in this page), then its articles are stored by
 * the background in one transaction, so a file is either wholly in the collection or reported as
 * not imported; only a big file (over `PART_CHARS` of text or `PART_ARTICLES` articles) is stored
 * in parts, and if one fails its report says how many were stored. The next file is read while the previous one is being stored. A store that got no
 * answer (the service worker stopped) is asked again with the same batch id, which the background
 * answers from its record instead of storing twice.
 */
export async function runImport(files: readonly ImportSource[], deps: ImportDeps): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  const progress: ImportProgress = {
    filesDone: 0,
    filesTotal: files.length,
    articlesAdded: 0,
    bytesDone: 0,
    bytesTotal: files.reduce((sum, file) => sum + file.size, 0),
  };
  deps.onProgress?.({ ...progress });
  const finish = (index: number, report: FileReport) => {
    reports[index] = report;
    progress.filesDone += 1;
    progress.bytesDone += files[index]!.size;
    progress.articlesAdded += report.added;
    deps.onReport?.(report, index);
    deps.onProgress?.({ ...progress });
  };

  let group: Pending[] = [];
  let groupChars = 0;
  const flush = async () => {
    if (group.length === 0) return;
    const stored = group;
    group = [];
    groupChars = 0;
    const articles = stored.reduce((sum, pending) => sum + pending.articles.length, 0);
    const slow = setTimeout(() => deps.onProgress?.({ ...progress, now: { stage: 'storing', articles, files: stored.length } }), 300);
    const results = await storeGroup(stored, deps).finally(() => clearTimeout(slow));
    stored.forEach((pending, k) => finish(pending.index, results[k]!));
  };

  const readAt = (i: number) => {
    const file = files[i];
    return file && !deps.signal?.aborted ? safeRead(file, deps, i) : null;
  };
  let next = readAt(0);
  for (const [i, file] of files.entries()) {
    // Only a slow read is worth telling: the progress moves on its own for small files.
    const slow = setTimeout(() => deps.onProgress?.({ ...progress, now: { stage: 'reading', file: file.name } }), 300);
    const reading = next ? await next : null;
    clearTimeout(slow);
    // Cancelled before this file was read: skip it. A file read before the cancel is stored.
    const cancelled = !reading || deps.signal?.aborted;
    next = readAt(i + 1);
    if (!reading || cancelled) {
      finish(i, blank(file, 'skipped', CANCELLED));
    } else if (reading.kind === 'articles' && isBig(reading.articles)) {
      await flush();
      const slow = setTimeout(() => deps.onProgress?.({ ...progress, now: { stage: 'storing', articles: reading.articles.length, files: 1 } }), 300);
      finish(i, await storeInParts({ index: i, file, articles: reading.articles, notes: reading.notes }, deps).finally(() => clearTimeout(slow)));
    } else if (reading.kind === 'articles' && reading.articles.length > 0) {
      group.push({ index: i, file, articles: reading.articles, notes: reading.notes });
      groupChars += reading.articles.reduce((sum, article) => sum + article.body.length, 0);
      if (group.length >= GROUP_FILES || groupChars >= GROUP_CHARS) await flush();
    } else {
      // A backup restores in its own requests; what was read before it is stored first.
      if (reading.kind === 'backup') await flush();
      finish(i, await settle(file, reading, deps));
    }
  }
  await flush();
  return reports;
}

interface Pending {
  index: number;
  file: ImportSource;
  articles: ParsedArticle[];
  notes: string[];
}

function isBig(articles: readonly ParsedArticle[]): boolean {
  if (articles.length > PART_ARTICLES) return true;
  let chars = 0;
  for (const article of articles) if ((chars += article.body.length) > PART_CHARS) return articles.length > 1;
  return false;
}

/**
 * Stores one big file's articles in parts of at most `PART_CHARS` characters or `PART_ARTICLES`
 * articles. A part that fails ends the file: what earlier parts stored stays, and the reason says
 * so (importing the file again adds only what is missing, the rest is recognised as duplicates).
 */
async function storeInParts(pending: Pending, deps: ImportDeps): Promise<FileReport> {
  const { file, articles, notes } = pending;
  const fileName = (file.path ?? file.name).slice(0, MAX_FIELD_CHARS);
  const total: ImportResult = { added: [], duplicates: 0, duplicateOf: [] };
  let start = 0;
  try {
    while (start < articles.length) {
      deps.signal?.throwIfAborted();
      let end = start + 1;
      let chars = articles[start]!.body.length;
      while (end < articles.length && end - start < PART_ARTICLES && chars + articles[end]!.body.length <= PART_CHARS) chars += articles[end++]!.body.length;
      const batch = { batchId: deps.newBatchId(), files: [{ fileName, articles: articles.slice(start, end) }] };
      const [result] = await withRetries(() => deps.store(batch), deps);
      total.added.push(...(result?.added ?? []));
      total.duplicates += result?.duplicates ?? 0;
      total.duplicateOf.push(...(result?.duplicateOf ?? []));
      start = end;
    }
  } catch (error) {
    const stored = total.added.length > 0 ? ` (${total.added.length.toLocaleString('en')} of its ${articles.length.toLocaleString('en')} articles were stored before that; import the file again to add the rest)` : '';
    return { ...outcomeOf(file, total, notes), outcome: 'failed', reason: `${describe(error)}${stored}`, ...retryableIf(error) };
  }
  return outcomeOf(file, total, notes);
}

/**
 * Stores a group of files in one request. If the background refuses the request for something in
 * one file, each file is tried on its own, so the others are not reported failed for it.
 */
async function storeGroup(group: Pending[], deps: ImportDeps): Promise<FileReport[]> {
  const batchId = deps.newBatchId();
  // A path can be longer than the background accepts for a field; the start says where it came from.
  const files = group.map(({ file, articles }) => ({ fileName: (file.path ?? file.name).slice(0, MAX_FIELD_CHARS), articles }));
  try {
    const results = await withRetries(() => deps.store({ batchId, files }), deps);
    return group.map(({ file, notes }, k) => outcomeOf(file, results[k] ?? { added: [], duplicates: 0, duplicateOf: [] }, notes));
  } catch (error) {
    if (group.length > 1 && error instanceof Error && error.name === 'RequestError') {
      const one: FileReport[] = [];
      for (const pending of group) one.push(...(await storeGroup([pending], deps)));
      return one;
    }
    return group.map(({ file, notes }) => ({ ...blank(file, 'failed', describe(error)), notes, ...retryableIf(error) }));
  }
}

function safeRead(file: ImportSource, deps: ImportDeps, index: number): Promise<FileReading> {
  // A reader that threw (rather than answering `failed`) could not get at the file: worth a retry.
  return deps.read(file, deps.options?.[index]).catch((error: unknown) => ({ kind: 'failed' as const, reason: describe(error), retry: true as const }));
}

async function settle(file: ImportSource, reading: FileReading, deps: ImportDeps): Promise<FileReport> {
  switch (reading.kind) {
    case 'skipped':
      return blank(file, reading.kind, reading.reason);
    case 'failed':
      return { ...blank(file, reading.kind, reading.reason), ...(reading.retry ? { retryable: true } : {}) };
    case 'choose-columns':
      return { ...blank(file, 'skipped', reading.reason), headers: reading.headers };
    case 'articles':
      return { ...blank(file, 'skipped', 'no articles in this file'), notes: reading.notes };
    case 'backup':
      return restoreFile(file, reading.data, reading.notes, deps);
  }
}

async function restoreFile(file: ImportSource, data: unknown, notes: string[], deps: ImportDeps): Promise<FileReport> {
  const backup = readBackup(data);
  if (!backup.ok) return { ...blank(file, 'failed', backup.reason), notes };
  const all = [...notes, ...backup.notes];
  const total: ImportResult = { added: [], duplicates: 0, duplicateOf: [] };
  try {
    // Each batch is its own transaction: an interrupted restore keeps what it stored, and running
    // it again adds only what is missing (stored text is recognised as a duplicate).
    for (let start = 0; start < backup.articles.length; start += RESTORE_BATCH) {
      deps.signal?.throwIfAborted();
      const batchId = deps.newBatchId();
      const articles = backup.articles.slice(start, start + RESTORE_BATCH);
      const result = await withRetries(() => deps.restore({ batchId, articles }), deps);
      total.added.push(...result.added);
      total.duplicates += result.duplicates;
      total.duplicateOf.push(...result.duplicateOf);
    }
    if (backup.settings) await withRetries(() => deps.restoreSettings(backup.settings!), deps);
  } catch (error) {
    const stored = total.added.length > 0 ? ` (${total.added.length} articles were restored before that; import the file again to add the rest)` : '';
    return { ...outcomeOf(file, total, all), outcome: 'failed', reason: `${describe(error)}${stored}`, ...retryableIf(error) };
  }
  if (backup.articles.length === 0) return { ...blank(file, 'skipped', 'the backup holds no articles'), notes: all };
  return outcomeOf(file, total, all);
}

function outcomeOf(file: ImportSource, result: ImportResult, notes: string[]): FileReport {
  const added = result.added.length;
  return {
    ...blank(file, added > 0 ? 'imported' : 'duplicate'),
    added,
    duplicates: result.duplicates,
    notes,
    ids: result.added,
  };
}

function blank(file: ImportSource, outcome: FileReport['outcome'], reason?: string): FileReport {
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
async function withRetries<T>(call: () => Promise<T>, deps: ImportDeps): Promise<T> {
  const retries = deps.retries ?? 3;
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

/**
 * Whether a failed store is worth trying again: anything but the background refusing what it was
 * given (`RequestError`: the same articles are refused again) or a cancel.
 */
function retryableIf(error: unknown): { retryable?: true } {
  if (error instanceof DOMException && error.name === 'AbortError') return {};
  return error instanceof Error && error.name === 'RequestError' ? {} : { retryable: true };
}

function describe(error: unknown): string {
  if (error instanceof DOMException && error.name === 'AbortError') return CANCELLED;
  return describeError(error, String(error));
}
