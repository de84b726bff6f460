import type { PageNgrams } from '../protocol.ts';
import { collectBlocks, type TextBlock } from './collect-text.ts';
import type { PageReader, ReadText } from './page-reader.ts';

/** Milliseconds of work each idle callback gets at least: far below a 50 ms long task. */
const MIN_SLICE_MS = 8;
/**
 * Milliseconds of work one idle callback gets at most. Idle periods last up to 50 ms and a block
 * can overrun its slice, so slices stop well short of a 50 ms long task (measured:
 * docs/highlight-benchmark.md).
 */
const MAX_SLICE_MS = 25;

/** Characters of page text read at most (see `ScanOptions.maxChars`). */
export const DEFAULT_MAX_CHARS = 100_000;

/** Where one occurrence of a phrase stands: in which block, at which offsets. */
export interface Occurrence {
  /** The phrase's key hash (`keyHash`). */
  phrase: number;
  block: TextBlock;
  start: number;
  end: number;
}

export interface ScanResult {
  /** The page's words as single-word keys, for the background's first question (`phraseWords`). */
  words: number[];
  /** The page's report, once the background has named which `words` occur in phrases (indices). */
  report(phraseWords: readonly number[]): PageNgrams;
  textLength: number;
  /** The page was larger than the budget allows: only its beginning was read. */
  truncated: boolean;
  /**
   * The first `keepPerPhrase` occurrences of each of the `wanted` phrases, in document order:
   * found again in the words already read, without reading the page a second time.
   */
  occurrences(wanted: ReadonlySet<number>, keepPerPhrase?: number): Occurrence[];
  /** The first and last text nodes read, in document order; null when nothing was read. */
  span: { first: Text; last: Text } | null;
}

export interface ScanOptions {
  root: Element | ShadowRoot;
  /** Cairn's own UI, never scanned. */
  exclude?: Element | null;
  /** Reads text into n-gram hashes; reset at the start of the scan. */
  reader: PageReader;
  /** Waits for the browser to be idle; resolves with how long the idle period lasts. */
  idle: () => Promise<{ timeRemaining(): number }>;
  /** Characters read at most. Default `DEFAULT_MAX_CHARS`. */
  maxChars?: number;
  /** Milliseconds of main-thread work at most, over all idle periods. Default 250. */
  maxWorkMs?: number;
  /** Stops the scan early (the page went away, the user paused Cairn). */
  cancelled?: () => boolean;
  /** Start at this node instead of the page's beginning (see `CollectOptions.from`). */
  from?: Node | null;
}

/** One batch of blocks as read: its joined text's words, and where each block starts in it. */
interface ReadBatch {
  blocks: TextBlock[];
  /** Offset of each block in the joined text. */
  starts: number[];
  read: ReadText;
}

/**
 * Reads a page's visible text into word hashes, a few blocks at a time in idle periods so the
 * page stays responsive, within a budget of characters and work time. The report holds numbers
 * only (no page text); the words read are kept so the phrases the background names can be found
 * and painted without a second read of the page.
 */
export async function scanPage(options: ScanOptions): Promise<ScanResult> {
  const { root, exclude, reader, idle, maxChars = DEFAULT_MAX_CHARS, maxWorkMs = 250, cancelled, from } = options;
  const blocks = collectBlocks(root, { maxChars, exclude, from });
  const batches: ReadBatch[] = [];
  reader.reset();
  let textLength = 0;
  let worked = 0;
  let truncated = false;
  let done = false;

  while (!done) {
    const deadline = await idle();
    if (cancelled?.()) break;
    const started = performance.now();
    // A callback that fired on its timeout (a page that is never idle) reports no time left: work
    // a short slice anyway, or a busy page would never be scanned.
    const sliceEnd = started + Math.min(Math.max(deadline.timeRemaining() - 1, MIN_SLICE_MS), MAX_SLICE_MS);
    while (performance.now() < sliceEnd) {
      const { batch, cut } = nextBatch(blocks);
      if (cut) truncated = true;
      if (batch.length === 0) {
        done = true;
        break;
      }
      const starts: number[] = [];
      let at = 0;
      for (const block of batch) {
        starts.push(at);
        at += block.text.length + 1;
      }
      const text = batch.length === 1 ? batch[0]!.text : batch.map((block) => block.text).join(SEPARATOR);
      batches.push({ blocks: batch, starts, read: reader.read(text, textLength) });
      // `collectBlocks` keeps to `maxChars` and tells, at its end, whether text was left unread.
      textLength += text.length - (batch.length - 1);
    }
    worked += performance.now() - started;
    if (!done && worked >= maxWorkMs) {
      truncated = true;
      done = true;
    }
  }

  return {
    words: reader.words(),
    report: (phraseWords) => reader.report(textLength, phraseWords),
    textLength,
    truncated,
    occurrences: (wanted, keepPerPhrase = 3) => occurrencesIn(batches, reader, wanted, keepPerPhrase),
    span: spanOf(batches),
  };
}

function spanOf(batches: readonly ReadBatch[]): { first: Text; last: Text } | null {
  const first = batches[0]?.blocks[0]?.nodes[0];
  const lastBlock = batches.at(-1)?.blocks.at(-1);
  const last = lastBlock?.nodes.at(-1);
  return first && last ? { first, last } : null;
}

function occurrencesIn(batches: readonly ReadBatch[], reader: PageReader, wanted: ReadonlySet<number>, keep: number): Occurrence[] {
  const occurrences: Occurrence[] = [];
  if (wanted.size === 0) return occurrences;
  const kept = new Map<number, number>();
  for (const { blocks, starts, read } of batches) {
    let index = 0;
    reader.locate(read, wanted, (phrase, start, end) => {
      const seen = kept.get(phrase) ?? 0;
      if (seen >= keep) return;
      kept.set(phrase, seen + 1);
      // Matches come in text order and never cross a block's separator.
      while (index + 1 < blocks.length && start >= starts[index + 1]!) index++;
      occurrences.push({ phrase, block: blocks[index]!, start: start - starts[index]!, end: end - starts[index]! });
    });
  }
  return occurrences;
}

/**
 * Blocks are read in batches of about this many characters, joined by a paragraph separator
 * (which no word and no phrase crosses). One read per batch rather than per block saves the
 * per-call setup (word arrays, GC) that dominated on pages of many short blocks, and a batch is
 * small enough (about a millisecond) to keep slices on time.
 */
const BATCH_CHARS = 8_192;
const SEPARATOR = '\u2029';

/** The next batch of blocks; `cut` when the blocks ran out at the character budget, text left unread. */
function nextBatch(blocks: Iterator<TextBlock, boolean>): { batch: TextBlock[]; cut: boolean } {
  const batch: TextBlock[] = [];
  let chars = 0;
  while (chars < BATCH_CHARS) {
    const next = blocks.next();
    if (next.done) return { batch, cut: next.value === true };
    batch.push(next.value);
    chars += next.value.text.length + 1;
  }
  return { batch, cut: false };
}
