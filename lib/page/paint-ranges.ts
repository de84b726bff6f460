import { locate } from './collect-text.ts';
import type { Occurrence } from './scan-page.ts';

/** A phrase occurrence turned into a live `Range` over the page's own text nodes. */
export interface PaintedRange {
  phrase: number;
  range: Range;
}

/**
 * Ranges for the occurrences of the phrases to highlight. Occurrences whose text nodes left the
 * document since the scan (a re-rendering page) are skipped; the next scan picks up their
 * replacements. Creating ranges forces no layout.
 */
export function paintRanges(occurrences: readonly Occurrence[], phrases: ReadonlySet<number>): PaintedRange[] {
  const painted: PaintedRange[] = [];
  for (const occurrence of occurrences) {
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
