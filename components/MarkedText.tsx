import type { TextRange } from '../lib/protocol.ts';
import { splitMarked } from '../lib/shared/text/split-marked.ts';

export interface MarkedTextProps {
  text: string;
  /** What to emphasise; ranges may be unsorted, overlapping or out of range. */
  ranges?: readonly TextRange[];
}

/** A string with its matched words in `<mark>` elements, built from text nodes only. */
export function MarkedText({ text, ranges = [] }: MarkedTextProps) {
  return (
    <>
      {splitMarked(text, ranges).map((piece, i) => (piece.marked ? <mark key={i}>{piece.text}</mark> : piece.text))}
    </>
  );
}
