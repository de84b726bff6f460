import type { TextRange } from '../../protocol.ts';

/** A run of text that is either emphasised as a match or plain. */
export interface MarkedPiece {
  text: string;
  marked: boolean;
}

/**
 * Cuts `text` into plain and marked pieces that together spell it exactly once, so a UI can
 * render matches as `<mark>` elements from text nodes alone. Ranges come from another context and
 * are not trusted: unsorted, overlapping, touching, empty, out-of-range and non-integer ranges
 * are put in order, merged, clamped or dropped; a cut never splits a surrogate pair.
 */
export function splitMarked(text: string, ranges: readonly TextRange[]): MarkedPiece[] {
  const pieces: MarkedPiece[] = [];
  let at = 0;
  for (const { start, end } of normalise(text, ranges)) {
    if (start > at) pieces.push({ text: text.slice(at, start), marked: false });
    pieces.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}

function normalise(text: string, ranges: readonly TextRange[]): TextRange[] {
  const clean = ranges
    .filter((range) => Number.isFinite(range?.start) && Number.isFinite(range?.end))
    .map(({ start, end }) => ({ start: snap(text, clamp(start, text.length), -1), end: snap(text, clamp(end, text.length), 1) }))
    .filter(({ start, end }) => start < end)
    .sort((a, b) => a.start - b.start);
  const merged: TextRange[] = [];
  for (const range of clean) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

function clamp(offset: number, length: number): number {
  return Math.min(length, Math.max(0, Math.trunc(offset)));
}

/** Moves an offset that falls inside a surrogate pair to the pair's edge (`direction` -1 or 1). */
function snap(text: string, offset: number, direction: -1 | 1): number {
  const inPair = offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
  return inPair ? offset + (direction === -1 ? -1 : 1) : offset;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
