import type { ImportResult, ParsedArticle } from '../../protocol.ts';
import { blank, describe, isRefusal, outcomeOf, retryableIf, withRetries, type FileReport } from './file-report.ts';
import { MAX_FIELD_CHARS } from './limits.ts';
import type { ImportSource } from './types.ts';

/**
 * Articles per `importFiles` request: hundreds, so the background's fixed cost of a request and a
 * commit is shared by many (Cairn issue 10), and few enough that the message stays small.
 */
export const BATCH_ARTICLES = 500;
/**
 * Characters of text per request: the browser copies a message on the page's main thread, and one
 * 45 MB request froze the library page for seconds (Cairn issue 8).
 */
export const BATCH_CHARS = 2_000_000;
/** Requests sent before the first is answered: the background checks and hashes one while it writes the other. */
export const IN_FLIGHT = 2;
/** Reasons of refused articles listed per file; the rest are counted. */
const REFUSALS_LISTED = 20;

export interface StoreRequest {
  batchId: string;
  files: { fileName: string; articles: ParsedArticle[] }[];
}

export interface BatchStoreDeps {
  /** Stores one batch in one transaction (the `importFiles` request). */
  store(request: StoreRequest): Promise<ImportResult[]>;
  newBatchId(): string;
  /** How many times a request is asked again when the background stops before answering. */
  retries?: number;
  signal?: AbortSignal;
}

export interface BatchStore {
  /** Queues a file's articles; settles when there is room for more (at most `IN_FLIGHT` requests unanswered). */
  add(index: number, file: ImportSource, articles: ParsedArticle[], notes: string[]): Promise<void>;
  /** Queues a file's articles part by part, as its reader hands them over (`FileParts`). */
  open(index: number, file: ImportSource): FileParts;
  /** Sends what is queued and settles once every file queued is reported. */
  drain(): Promise<void>;
  /** The oldest request not answered yet, for the progress bar. */
  waitingFor(): { articles: number; files: number } | undefined;
}

/** A file whose articles come in parts, while it is still being read. */
export interface FileParts {
  /** Queues the next of its articles; settles when there is room for more. */
  add(articles: ParsedArticle[]): Promise<void>;
  /**
   * Every article is queued: the file is reported once they are stored, with `notes`, or as
   * failed with `failure` (its reading failed after some parts were sent), saying how much was stored.
   */
  close(notes: string[], failure?: unknown): Promise<void>;
}

interface FileState {
  index: number;
  file: ImportSource;
  notes: string[];
  /** Articles queued so far. */
  total: number;
  /** Where each part starts in the file's articles, and what storing it came to. */
  parts: { start: number; result?: ImportResult }[];
  unsettled: number;
  /** Every part of the file is queued. */
  sealed: boolean;
  reported: boolean;
  failure?: unknown;
}

interface Part {
  state: FileState;
  part: number;
  articles: ParsedArticle[];
}

const NOTHING: ImportResult = { added: [], duplicates: 0, duplicateOf: [] };

/**
 * Packs the articles of an import into batches of at most `BATCH_ARTICLES` articles and
 * `BATCH_CHARS` characters, whatever the files: many small files share a batch, a big file spans
 * several. A small file lies in one batch, so it is stored whole or not at all; a big file's
 * parts are stored one transaction each, and if one fails the report says how much was stored.
 * A batch the background refuses is tried again file by file, so one bad file fails alone. Each
 * file is reported to `onFile` once all its parts are answered.
 */
export function createBatchStore(deps: BatchStoreDeps, onFile: (index: number, report: FileReport) => void): BatchStore {
  let queued: Part[] = [];
  let queuedArticles = 0;
  let queuedChars = 0;
  const unanswered: { done: Promise<void>; articles: number; files: number }[] = [];

  const stateOf = (index: number, file: ImportSource, notes: string[]): FileState =>
    ({ index, file, notes, total: 0, parts: [], unsettled: 0, sealed: false, reported: false });

  /** Queues articles of a file in parts of the batches being filled; `last` seals the file with its last part. */
  async function queue(state: FileState, articles: ParsedArticle[], last: boolean): Promise<void> {
    let start = 0;
    while (start < articles.length) {
      let end = start;
      let chars = 0;
      while (end < articles.length && queuedArticles + end - start < BATCH_ARTICLES) {
        const length = articles[end]!.body.length;
        // An article longer than a batch still goes, alone.
        if (queuedArticles + end - start > 0 && queuedChars + chars + length > BATCH_CHARS) break;
        chars += length;
        end += 1;
      }
      if (end === start) {
        await send();
        continue;
      }
      queued.push({ state, part: state.parts.length, articles: articles.slice(start, end) });
      state.parts.push({ start: state.total });
      state.total += end - start;
      state.unsettled += 1;
      queuedArticles += end - start;
      queuedChars += chars;
      start = end;
      // Sealed before its last part can be sent, so a cancel then still counts it as read.
      if (last && start === articles.length) state.sealed = true;
      if (queuedArticles >= BATCH_ARTICLES || queuedChars >= BATCH_CHARS) await send();
    }
  }

  async function add(index: number, file: ImportSource, articles: ParsedArticle[], notes: string[]): Promise<void> {
    const state = stateOf(index, file, notes);
    await queue(state, articles, true);
    report(state);
  }

  function open(index: number, file: ImportSource): FileParts {
    const state = stateOf(index, file, []);
    return {
      add: (articles) => queue(state, articles, false),
      async close(notes, failure) {
        state.notes = notes;
        if (failure !== undefined) {
          // What was read before the failure is stored still: its parts are sent before it counts.
          await send();
          state.failure ??= failure;
        }
        state.sealed = true;
        report(state);
      },
    };
  }

  async function send(): Promise<void> {
    if (queued.length === 0) return;
    const parts = queued;
    const entry = { done: Promise.resolve(), articles: queuedArticles, files: parts.length };
    queued = [];
    queuedArticles = 0;
    queuedChars = 0;
    while (unanswered.length >= IN_FLIGHT) await unanswered[0]!.done;
    entry.done = storeParts(parts).finally(() => unanswered.splice(unanswered.indexOf(entry), 1));
    unanswered.push(entry);
  }

  /** Stores parts in one request; never throws: a failure is its files'. */
  async function storeParts(parts: Part[]): Promise<void> {
    const live = parts.filter((part) => {
      const { state } = part;
      // After a cancel, a big file's parts not sent yet stay unsent; what earlier parts stored stays.
      if (deps.signal?.aborted && (state.parts.length > 1 || !state.sealed)) state.failure ??= deps.signal.reason;
      if (state.failure === undefined) return true;
      settle(part, undefined);
      return false;
    });
    if (live.length === 0) return;
    const batchId = deps.newBatchId();
    // A path can be longer than the background accepts for a field; the start says where it came from.
    const files = live.map(({ state, articles }) => ({ fileName: (state.file.path ?? state.file.name).slice(0, MAX_FIELD_CHARS), articles }));
    try {
      const results = await withRetries(() => deps.store({ batchId, files }), deps.retries);
      live.forEach((part, k) => settle(part, results[k] ?? NOTHING));
    } catch (error) {
      if (live.length > 1 && isRefusal(error)) {
        for (const part of live) await storeParts([part]);
        return;
      }
      for (const part of live) {
        part.state.failure ??= error;
        settle(part, undefined);
      }
    }
  }

  function settle(part: Part, result: ImportResult | undefined): void {
    if (result) part.state.parts[part.part]!.result = result;
    part.state.unsettled -= 1;
    report(part.state);
  }

  function report(state: FileState): void {
    if (!state.sealed || state.unsettled > 0 || state.reported) return;
    state.reported = true;
    onFile(state.index, reportOf(state));
  }

  return {
    add,
    open,
    async drain() {
      await send();
      while (unanswered.length > 0) await unanswered[0]!.done;
    },
    waitingFor() {
      const oldest = unanswered[0];
      return oldest && { articles: oldest.articles, files: oldest.files };
    },
  };
}

/** A file's report from what its parts came to. */
function reportOf({ file, notes, total, parts, failure }: FileState): FileReport {
  const result: ImportResult = { added: [], duplicates: 0, duplicateOf: [] };
  const refused: { index: number; reason: string }[] = [];
  for (const { start, result: part } of parts) {
    if (!part) continue;
    result.added.push(...part.added);
    result.duplicates += part.duplicates;
    result.duplicateOf.push(...part.duplicateOf);
    for (const refusal of part.refused ?? []) refused.push({ index: start + refusal.index, reason: refusal.reason });
  }
  const all = [...notes, ...refusalNotes(refused)];
  if (failure !== undefined) {
    const stored = result.added.length > 0 ? ` (${result.added.length.toLocaleString('en')} of its ${total.toLocaleString('en')} articles were stored; import the file again to add the rest)` : '';
    return { ...outcomeOf(file, result, all), outcome: 'failed', reason: `${describe(failure)}${stored}`, ...retryableIf(failure) };
  }
  // Every article refused: the same articles are refused again, so no retry is offered.
  if (refused.length === total) return { ...blank(file, 'failed', `article ${refused[0]!.index + 1}: ${refused[0]!.reason}`), notes: all };
  return outcomeOf(file, result, all);
}

function refusalNotes(refused: { index: number; reason: string }[]): string[] {
  const notes = refused.slice(0, REFUSALS_LISTED).map(({ index, reason }) => `article ${index + 1}: ${reason}; left out`);
  if (refused.length > REFUSALS_LISTED) notes.push(`${(refused.length - REFUSALS_LISTED).toLocaleString('en')} more articles were refused and left out`);
  return notes;
}
