import { describe, expect, it } from 'vitest';
import { rowAfterDelete } from '../../entrypoints/library/row-after-delete.ts';

const shown = [10, 20, 30, 40, 50];

describe('rowAfterDelete', () => {
  it('gives the first row left below the first one deleted', () => {
    expect(rowAfterDelete(shown, new Set([20]))).toBe(30);
    expect(rowAfterDelete(shown, new Set([20, 30, 50]))).toBe(40);
    expect(rowAfterDelete(shown, new Set([10]))).toBe(20);
  });

  it('gives the last row left when the rows deleted were the last ones', () => {
    expect(rowAfterDelete(shown, new Set([40, 50]))).toBe(30);
  });

  it('gives null when nothing is left, or nothing shown was deleted', () => {
    expect(rowAfterDelete(shown, new Set(shown))).toBeNull();
    expect(rowAfterDelete(shown, new Set([99]))).toBeNull();
    expect(rowAfterDelete([], new Set([10]))).toBeNull();
  });
});
