import { locate } from './collect-text.ts';
import type { Occurrence } from './scan-page.ts';

/** The text read by one scan of a long page: its first and last text nodes, in document order. */
export interface ReadSpan {
  first: Text;
  last: Text;
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, without a DOM global.

/** Whether `b` comes after `a` in document order. */
function follows(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & FOLLOWING) !== 0;
}

/** Whether `node` lies within one of the spans read. */
export function wasRead(node: Node, spans: readonly ReadSpan[]): boolean {
  return spans.some(({ first, last }) => (node === first || follows(first, node)) && (node === last || follows(node, last)));
}

/**
 * Where to read next on a long page: the first, in document order, of the text nodes in view
 * (`inView`, from probes over the viewport) that no scan has read yet; null when all were read.
 */
export function firstUnread(inView: readonly Node[], spans: readonly ReadSpan[]): Node | null {
  let first: Node | null = null;
  for (const node of inView) {
    if (!node.isConnected || wasRead(node, spans)) continue;
    if (first === null || follows(node, first)) first = node;
  }
  return first;
}

/**
 * The occurrences to paint once a further part was read: those already found and the new ones,
 * each place once (parts can overlap where the reader scrolled back into a gap), in page order.
 */
export function withPart(found: readonly Occurrence[], part: readonly Occurrence[]): Occurrence[] {
  const seen = new Map<Text, Set<string>>();
  const placed: { occurrence: Occurrence; node: Text; offset: number }[] = [];
  for (const occurrence of [...found, ...part]) {
    const { node, offset } = locate(occurrence.block, occurrence.start);
    const key = `${offset}:${occurrence.phrase}`;
    const keys = seen.get(node) ?? new Set<string>();
    if (keys.has(key)) continue;
    keys.add(key);
    seen.set(node, keys);
    placed.push({ occurrence, node, offset });
  }
  placed.sort((a, b) => (a.node === b.node ? a.offset - b.offset : follows(a.node, b.node) ? -1 : 1));
  return placed.map((p) => p.occurrence);
}
