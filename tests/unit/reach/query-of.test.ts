import { describe, expect, it } from 'vitest';
import { queryOf } from '../../../lib/shared/reach/query-of.ts';

describe('queryOf', () => {
  it('collapses line breaks and runs of spaces', () => {
    expect(queryOf('  World\nInternet\t\tConference ', 500)).toBe('World Internet Conference');
  });

  it('gives an empty query for nothing but whitespace', () => {
    expect(queryOf(' \n\t ', 500)).toBe('');
  });

  it('cuts a long selection at a word boundary within the limit', () => {
    const query = queryOf('alpha beta gamma delta', 13);

    expect(query).toBe('alpha beta');
  });

  it('cuts a single long word at the limit', () => {
    expect(queryOf('x'.repeat(600), 500)).toHaveLength(500);
  });
});
