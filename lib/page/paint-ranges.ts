import { locate } from './collect-text.ts';
import type { Occurrence } from './scan-page.ts';

/** A phrase occurrence turned into a live `Range` over the page's own text nodes. */
export interface PaintedRange {
  phrase: number;
  range: Range;
}

/**
 * Most ranges painted on one page. Chromium's work in the frame after highlights change grows
 * with the number of ranges (about 8 µs each on top of some 10 ms for a 1 MB page,
 * docs/highlight-benchmark.md); a reader needs the first occurrences of the linked phrases (three
 * each for 80 phrases: more than any real page has links to), not thousands.
 */
export const MAX_PAINTED_RANGES = 240;

/**
 * Ranges for the occurrences of the phrases to highlight, in page order, at most
 * `MAX_PAINTED_RANGES`. Occurrences whose text nodes left the
 * document since the scan (a re-rendering page) are skipped; the next scan picks up their
 * replacements. Creating ranges forces no layout.
 */
export function paintRanges(occurrences: readonly Occurrence[], phrases: ReadonlySet<number>): PaintedRange[] {
  const painted: PaintedRange[] = [];
  for (const occurrence of occurrences) {
    if (painted.length >= MAX_PAINTED_RANGES) break;
    if (!phrases.has(occurrence.phrase)) continue;
    const start = locate(occurrence.block, occurrence.start);
    const end = locate(occurrence.block, occurrence.end);
    if (!start.node.isConnected || !end.node.isConnected) continue;
    const range = new Range();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    painted.push({ phrase: occurrence.phrase, range });
  }
  return painted;
}
