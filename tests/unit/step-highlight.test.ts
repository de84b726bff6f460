import { describe, expect, it } from 'vitest';
import { stepHighlight } from '../../lib/page/step-highlight.ts';

const noLayout = () => {
  throw new Error('layout read');
};

describe('stepHighlight', () => {
  it('goes to the neighbour of the current highlight, wrapping around at both ends', () => {
    expect(stepHighlight(4, 1, 1, noLayout)).toBe(2);
    expect(stepHighlight(4, 3, 1, noLayout)).toBe(0);
    expect(stepHighlight(4, 0, -1, noLayout)).toBe(3);
    expect(stepHighlight(4, 2, -1, noLayout)).toBe(1);
  });

  it('starts from the viewport when the user is on no highlight', () => {
    expect(stepHighlight(5, null, 1, () => 2)).toBe(2);
    expect(stepHighlight(5, null, -1, () => 2)).toBe(1);
  });

  it('wraps from the viewport when every highlight is above it, or below it going back', () => {
    expect(stepHighlight(5, null, 1, () => 5)).toBe(0);
    expect(stepHighlight(5, null, -1, () => 0)).toBe(4);
  });

  it('treats a current index that no longer exists as none', () => {
    expect(stepHighlight(3, 7, 1, () => 1)).toBe(1);
  });

  it('gives null on a page without highlights', () => {
    expect(stepHighlight(0, null, 1, noLayout)).toBeNull();
  });
});
