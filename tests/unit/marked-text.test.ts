import { describe, expect, it } from 'vitest';
import { splitMarked, type MarkedPiece } from '../../lib/shared/text/split-marked.ts';

/** The pieces written as text with the marked ones in brackets, for readable assertions. */
function render(pieces: MarkedPiece[]): string {
  return pieces.map((piece) => (piece.marked ? `[${piece.text}]` : piece.text)).join('');
}

describe('splitMarked', () => {
  it('marks the given ranges and keeps the text around them', () => {
    const pieces = splitMarked('submarine cables in the sea', [{ start: 10, end: 16 }]);

    expect(pieces).toEqual([
      { text: 'submarine ', marked: false },
      { text: 'cables', marked: true },
      { text: ' in the sea', marked: false },
    ]);
  });

  it('gives the text as one plain piece without ranges, and nothing for empty text', () => {
    expect(splitMarked('plain', [])).toEqual([{ text: 'plain', marked: false }]);
    expect(splitMarked('', [{ start: 0, end: 3 }])).toEqual([]);
  });

  it('marks ranges at the very start and end without empty plain pieces', () => {
    const pieces = splitMarked('abc def', [{ start: 0, end: 3 }, { start: 4, end: 7 }]);

    expect(pieces).toEqual([
      { text: 'abc', marked: true },
      { text: ' ', marked: false },
      { text: 'def', marked: true },
    ]);
  });

  it('puts unsorted ranges in order', () => {
    expect(render(splitMarked('one two three', [{ start: 8, end: 13 }, { start: 0, end: 3 }]))).toBe('[one] two [three]');
  });

  it('merges overlapping, nested and touching ranges into one mark', () => {
    const text = 'abcdefghij';

    expect(render(splitMarked(text, [{ start: 1, end: 4 }, { start: 3, end: 6 }]))).toBe('a[bcdef]ghij');
    expect(render(splitMarked(text, [{ start: 1, end: 8 }, { start: 2, end: 3 }]))).toBe('a[bcdefgh]ij');
    expect(render(splitMarked(text, [{ start: 1, end: 3 }, { start: 3, end: 5 }]))).toBe('a[bcde]fghij');
  });

  it('clamps out-of-range ranges and drops empty, reversed and non-numeric ones', () => {
    const text = 'hello';

    expect(render(splitMarked(text, [{ start: -5, end: 2 }]))).toBe('[he]llo');
    expect(render(splitMarked(text, [{ start: 3, end: 99 }]))).toBe('hel[lo]');
    expect(render(splitMarked(text, [{ start: 10, end: 20 }, { start: 4, end: 1 }, { start: 2, end: 2 }]))).toBe('hello');
    expect(render(splitMarked(text, [{ start: Number.NaN, end: 3 }, { start: 0, end: Infinity }]))).toBe('hello');
    expect(render(splitMarked(text, [{ start: 0.7, end: 2.9 }]))).toBe('[he]llo');
  });

  it('always spells the original text exactly once', () => {
    const text = 'Wuzhen hosts the World Internet Conference';
    const ranges = [{ start: 30, end: 100 }, { start: 0, end: 6 }, { start: 4, end: 12 }, { start: -1, end: 0 }];

    expect(splitMarked(text, ranges).map((piece) => piece.text).join('')).toBe(text);
  });

  it('never cuts a surrogate pair in half', () => {
    const text = 'a😀b';

    expect(render(splitMarked(text, [{ start: 2, end: 3 }]))).toBe('a[😀]b');
    expect(render(splitMarked(text, [{ start: 1, end: 2 }]))).toBe('a[😀]b');
  });
});
