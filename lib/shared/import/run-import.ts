import type { BackupArticle, ImportResult, LinkingSettings, ParsedArticle } from '../../protocol.ts';
import { readBackup } from './backup-format.ts';
import { createBatchStore, type FileParts, type StoreRequest } from './batch-store.ts';
import { blank, CANCELLED, describe, outcomeOf, retryableIf, withRetries, type FileReport } from './file-report.ts';
import { handedParts, type HandedParts } from './handed-parts.ts';
import type { FileReading, ImportSource, ReadOptions } from './types.ts';

export type { FileReport } from './file-report.ts';
export { isLostConnection } from './file-report.ts';

export interface ImportProgress {
  filesDone: number;
  filesTotal: number;
  articlesAdded: number;
  bytesDone: number;
  /** Set once every file's size is added up (`addSizes`): the first read of a picked file's size asks the disk. */
  bytesTotal?: number;
  /** What is happening now, for a file big enough to take a while on its own. */
  now?: { stage: 'reading'; file: string } | { stage: 'storing'; articles: number; files: number };
}

export interface ImportDeps {
  /**
   * Reads a file. A reader may hand articles over before its reading ends (a JSON Lines file, as
   * its lines are read) through `onArticles`; those are stored as they come and are not in the
   * reading it answers.
   */
  read(file: ImportSource, options?: ReadOptions, onArticles?: (articles: ParsedArticle[]) => void): Promise<FileReading>;
  /** Stores a batch of articles from one or more files in one transaction (the `importFiles` request). */
  store(batch: StoreRequest): Promise<ImportResult[]>;
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

/** Files read ahead of the one being stored, at most (their reads overlap each other and the storing). */
const READ_AHEAD_FILES = 16;
/** Bytes of files read ahead, at most, beyond the next file (always read ahead, whatever its size). */
const READ_AHEAD_BYTES = 8 * 1024 * 1024;
/** Articles of a backup sent per request: keeps each message well under the browser's limit. */
const RESTORE_BATCH = 500;
/** File sizes added up between two yields to the page. */
const SIZES_AT_ONCE = 200;
/** A read or a store taking longer than this (ms) is named in the progress. */
const SLOW_MS = 300;

/**
 * Imports files in order (Cairn issue 10: 10,000 articles in seconds, whether in one JSON Lines
 * file or in 10,000 small files):
 * - files are read several at a time, ahead of the one being stored, within `READ_AHEAD_FILES`
 *   and `READ_AHEAD_BYTES`;
 * - their articles go to the background in batches of hundreds (`createBatchStore`), two requests
 *   in flight, each stored in one transaction; a small file is stored whole or not at all;
 * - a file whose reader hands its articles over as it reads (JSON Lines) is stored as they come,
 *   so storing overlaps reading;
 * - a store that got no answer (the service worker stopped) is asked again with the same batch id,
 *   which the background answers from its record instead of storing twice;
 * - on cancel, files not read yet are skipped; what was read is stored, except the parts of a big
 *   file not sent yet.
 */
export async function runImport(files: readonly ImportSource[], deps: ImportDeps): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  const progress: ImportProgress = {
    filesDone: 0,
    filesTotal: files.length,
    articlesAdded: 0,
    bytesDone: 0,
  };
  addSizes(files, (total) => (progress.bytesTotal = total));
  deps.onProgress?.({ ...progress });
  const finish = (index: number, report: FileReport) => {
    reports[index] = report;
    progress.filesDone += 1;
    progress.bytesDone += files[index]!.size;
    progress.articlesAdded += report.added;
    deps.onReport?.(report, index);
    deps.onProgress?.({ ...progress });
  };
  const batches = createBatchStore(deps, finish);
  // Only a slow step is worth telling: the progress moves on its own otherwise.
  const storing = <T>(work: Promise<T>) =>
    whenSlow(work, () => {
      const waiting = batches.waitingFor();
      if (waiting) deps.onProgress?.({ ...progress, now: { stage: 'storing', ...waiting } });
    });
  const reads = readAhead(files, deps);

  for (const [i, file] of files.entries()) {
    // The articles its reader hands over before the reading ends are stored meanwhile.
    const read = async () => {
      let parts: FileParts | undefined;
      for await (const articles of reads.handed(i)) {
        parts ??= batches.open(i, file);
        await storing(parts.add(articles));
      }
      return { streamed: parts, reading: await reads.take(i) };
    };
    const { streamed, reading } = await whenSlow(read(), () => deps.onProgress?.({ ...progress, now: { stage: 'reading', file: file.name } }));
    if (streamed) {
      await storing(closeStreamed(streamed, reading, deps.signal));
    } else if (!reading) {
      // Cancelled before this file's read ended: skip it. A file read before the cancel is stored.
      finish(i, blank(file, 'skipped', CANCELLED));
    } else if (reading.kind === 'articles' && reading.articles.length > 0) {
      await storing(batches.add(i, file, reading.articles, reading.notes));
    } else {
      // A backup restores in its own requests; what was read before it is stored first.
      if (reading.kind === 'backup') await storing(batches.drain());
      finish(i, await settle(file, reading, deps));
    }
  }
  await storing(batches.drain());
  return reports;
}

/**
 * Adds up the files' sizes, the first `SIZES_AT_ONCE` at once and the rest in slices between
 * other work: Chromium asks the disk the first time a picked file's size is read (half a
 * millisecond each on a busy machine), which for 10,000 files held up the start of an import by
 * seconds (Cairn issue 10).
 */
function addSizes(files: readonly ImportSource[], done: (total: number) => void): void {
  let total = 0;
  let at = 0;
  const slice = () => {
    for (const end = Math.min(files.length, at + SIZES_AT_ONCE); at < end; at++) total += files[at]!.size;
    if (at < files.length) setTimeout(slice, 0);
    else done(total);
  };
  slice();
}

/** Ends a file whose articles came as it was read, with what its reading came to. */
async function closeStreamed(streamed: FileParts, reading: FileReading | null, signal?: AbortSignal): Promise<void> {
  if (!reading) return streamed.close([], signal?.reason);
  if (reading.kind !== 'articles') return streamed.close([], new Error('reason' in reading ? reading.reason : 'the file could not be read to its end'));
  if (reading.articles.length > 0) await streamed.add(reading.articles);
  return streamed.close(reading.notes);
}

/** Calls `slow` if `work` is still running after `SLOW_MS`. */
async function whenSlow<T>(work: Promise<T>, slow: () => void): Promise<T> {
  const timer = setTimeout(slow, SLOW_MS);
  try {
    return await work;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Reads files ahead of the import. `take(i)` waits for file `i`, and gives null if the import was
 * cancelled before its read ended; once it has it, the reads of the next files are started.
 * Starting them only then means a cancel during a file's read is seen before that file is stored.
 * `handed(i)` gives the articles file `i`'s reader hands over before its reading ends.
 */
function readAhead(files: readonly ImportSource[], deps: ImportDeps) {
  const reads = new Map<number, { reading: Promise<FileReading> | null; parts: HandedParts }>();
  let next = 0;
  let aheadBytes = 0;
  const start = () => {
    const file = files[next]!;
    const parts = handedParts();
    reads.set(next, { reading: deps.signal?.aborted ? null : safeRead(file, deps, next, parts.push), parts });
    aheadBytes += file.size;
    next += 1;
  };
  return {
    handed(i: number): AsyncIterable<ParsedArticle[]> {
      while (next <= i) start();
      const read = reads.get(i)!;
      return read.parts.until(read.reading ?? Promise.resolve());
    },
    async take(i: number): Promise<FileReading | null> {
      while (next <= i) start();
      const read = reads.get(i)?.reading ?? null;
      reads.delete(i);
      const reading = read && (await read);
      const cancelled = deps.signal?.aborted === true;
      aheadBytes -= files[i]!.size;
      while (next < files.length && (next === i + 1 || (next - i <= READ_AHEAD_FILES && aheadBytes + files[next]!.size <= READ_AHEAD_BYTES))) start();
      return cancelled ? null : reading;
    },
  };
}

function safeRead(file: ImportSource, deps: ImportDeps, index: number, onArticles: (articles: ParsedArticle[]) => void): Promise<FileReading> {
  // A reader that threw (rather than answering `failed`) could not get at the file: worth a retry.
  return deps.read(file, deps.options?.[index], onArticles).catch((error: unknown) => ({ kind: 'failed' as const, reason: describe(error), retry: true as const }));
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
      const result = await withRetries(() => deps.restore({ batchId, articles }), deps.retries);
      total.added.push(...result.added);
      total.duplicates += result.duplicates;
      total.duplicateOf.push(...result.duplicateOf);
    }
    if (backup.settings) await withRetries(() => deps.restoreSettings(backup.settings!), deps.retries);
  } catch (error) {
    const stored = total.added.length > 0 ? ` (${total.added.length} articles were restored before that; import the file again to add the rest)` : '';
    return { ...outcomeOf(file, total, all), outcome: 'failed', reason: `${describe(error)}${stored}`, ...retryableIf(error) };
  }
  if (backup.articles.length === 0) return { ...blank(file, 'skipped', 'the backup holds no articles'), notes: all };
  return outcomeOf(file, total, all);
}
