import type { PhraseMatch } from '../linking/types.ts';
import type { PhraseCount } from '../protocol.ts';
import { collectBlocks, type TextBlock } from './collect-text.ts';

/** Milliseconds of work each idle callback gets at least: far below a 50 ms long task. */
const MIN_SLICE_MS = 8;
/**
 * Milliseconds of work one idle callback gets at most. Idle periods last up to 50 ms and a block
 * can overrun its slice, so slices stop well short of a 50 ms long task (measured:
 * docs/highlight-benchmark.md).
 */
const MAX_SLICE_MS = 35;

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
 * Finds the vocabulary's phrases in a page's visible text, a block at a time in idle periods so
 * the page stays responsive, within a budget of characters and work time. Returns counts for the
 * report (no page text) and the first occurrences of each phrase for highlighting.
 */
export async function scanPage(options: ScanOptions): Promise<ScanResult> {
  const { root, exclude, find, idle, maxChars = 2_000_000, maxWorkMs = 250, keepPerPhrase = 3, cancelled } = options;
  const blocks = collectBlocks(root, { maxChars, exclude });
  const tally = new Map<number, { count: number; firstOffset: number }>();
  const occurrences: Occurrence[] = [];
  const kept = new Map<number, number>();
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
      const next = blocks.next();
      if (next.done) {
        done = true;
        break;
      }
      const block = next.value;
      for (const match of find(block.text)) {
        const entry = tally.get(match.phrase);
        if (entry) entry.count++;
        else tally.set(match.phrase, { count: 1, firstOffset: textLength + match.start });
        const seen = kept.get(match.phrase) ?? 0;
        if (seen < keepPerPhrase) {
          kept.set(match.phrase, seen + 1);
          occurrences.push({ phrase: match.phrase, block, start: match.start, end: match.end });
        }
      }
      textLength += block.text.length;
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

  const counts: PhraseCount[] = [...tally].map(([phrase, { count, firstOffset }]) => ({
    phrase,
    count,
    firstAt: textLength > 0 ? Math.min(1, firstOffset / textLength) : 0,
  }));
  return { counts, textLength, occurrences, truncated };
}
