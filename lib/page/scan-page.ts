import type { PhraseMatch } from '../shared/linking/types.ts';
import type { PhraseCount } from '../protocol.ts';
import { collectBlocks, type TextBlock } from './collect-text.ts';

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
  phrase: number;
  block: TextBlock;
  start: number;
  end: number;
}

export interface ScanResult {
  counts: PhraseCount[];
  textLength: number;
  /** The first `keepPerPhrase` occurrences of each phrase, in document order. */
  occurrences: Occurrence[];
  /** The page was larger than the budget allows: only its beginning was read. */
  truncated: boolean;
}

export interface ScanOptions {
  root: Element | ShadowRoot;
  /** Cairn's own UI, never scanned. */
  exclude?: Element | null;
  find: (text: string) => PhraseMatch[];
  /** Waits for the browser to be idle; resolves with how long the idle period lasts. */
  idle: () => Promise<{ timeRemaining(): number }>;
  /** Characters read at most. Default 2,000,000. */
  maxChars?: number;
  /** Milliseconds of main-thread work at most, over all idle periods. Default 250. */
  maxWorkMs?: number;
  /** Occurrences kept per phrase for highlighting. Default 3. */
  keepPerPhrase?: number;
  /** Stops the scan early (the page went away, the user paused Cairn). */
  cancelled?: () => boolean;
}

/**
 * Finds the vocabulary's phrases in a page's visible text, a few blocks at a time in idle periods
 * so the page stays responsive, within a budget of characters and work time. Returns counts for
 * the report (no page text) and the first occurrences of each phrase for highlighting.
 */
export async function scanPage(options: ScanOptions): Promise<ScanResult> {
  const { root, exclude, find, idle, maxChars = DEFAULT_MAX_CHARS, maxWorkMs = 250, keepPerPhrase = 3, cancelled } = options;
  const blocks = collectBlocks(root, { maxChars, exclude });
  const tally = new PhraseTally(keepPerPhrase);
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
      const batch = nextBatch(blocks);
      if (batch.length === 0) {
        done = true;
        break;
      }
      textLength = tally.add(batch, find, textLength);
      if (textLength >= maxChars) {
        truncated = true;
        done = true;
        break;
      }
    }
    worked += performance.now() - started;
    if (!done && worked >= maxWorkMs) {
      truncated = true;
      done = true;
    }
  }

  return { ...tally.result(textLength), textLength, truncated };
}

/**
 * Blocks are matched in batches of about this many characters, joined by a paragraph separator
 * (which no word and no phrase crosses). One `find` call per batch rather than per block saves
 * the per-call setup (word arrays, GC) that dominated on pages of many short blocks, and a
 * batch is small enough (about a millisecond) to keep slices on time.
 */
const BATCH_CHARS = 8_192;
const SEPARATOR = '\u2029';

function nextBatch(blocks: Iterator<TextBlock, void>): TextBlock[] {
  const batch: TextBlock[] = [];
  let chars = 0;
  while (chars < BATCH_CHARS) {
    const next = blocks.next();
    if (next.done) break;
    batch.push(next.value);
    chars += next.value.text.length + 1;
  }
  return batch;
}

/**
 * Counts, first positions and kept occurrences per phrase, indexed by phrase number. Typed arrays,
 * grown as needed: phrase numbers come in any order, and a plain array written at index 4,999
 * first turns into a slow dictionary.
 */
class PhraseTally {
  private counts = new Int32Array(256);
  private firstOffsets = new Int32Array(256);
  private kept = new Int32Array(256);
  private seen: number[] = [];
  readonly occurrences: Occurrence[] = [];

  constructor(private readonly keepPerPhrase: number) {}

  private grow(phrase: number): void {
    let size = this.counts.length;
    while (size <= phrase) size *= 2;
    const grown = (old: Int32Array) => {
      const array = new Int32Array(size);
      array.set(old);
      return array;
    };
    this.counts = grown(this.counts);
    this.firstOffsets = grown(this.firstOffsets);
    this.kept = grown(this.kept);
  }

  /** Matches one batch; returns the text length read so far, this batch included. */
  add(batch: readonly TextBlock[], find: (text: string) => PhraseMatch[], textBefore: number): number {
    const text = batch.length === 1 ? batch[0]!.text : batch.map((block) => block.text).join(SEPARATOR);
    let index = 0;
    let blockStart = 0; // in the joined text
    let readBefore = textBefore; // page text before this block, separators not counted
    for (const match of find(text)) {
      while (match.start >= blockStart + batch[index]!.text.length + 1) {
        readBefore += batch[index]!.text.length;
        blockStart += batch[index]!.text.length + 1;
        index++;
      }
      const { phrase } = match;
      const start = match.start - blockStart;
      if (phrase >= this.counts.length) this.grow(phrase);
      if (this.counts[phrase] === 0) {
        this.counts[phrase] = 1;
        this.firstOffsets[phrase] = readBefore + start;
        this.seen.push(phrase);
      } else {
        this.counts[phrase]!++;
      }
      const kept = this.kept[phrase]!;
      if (kept < this.keepPerPhrase) {
        this.kept[phrase] = kept + 1;
        this.occurrences.push({ phrase, block: batch[index]!, start, end: match.end - blockStart });
      }
    }
    return textBefore + text.length - (batch.length - 1);
  }

  result(textLength: number): { counts: PhraseCount[]; occurrences: Occurrence[] } {
    const counts = this.seen.map((phrase) => ({
      phrase,
      count: this.counts[phrase]!,
      firstAt: textLength > 0 ? Math.min(1, this.firstOffsets[phrase]! / textLength) : 0,
    }));
    return { counts, occurrences: this.occurrences };
  }
}
