import { describe, expect, it } from 'vitest';
import { normalizeDate } from '../../../lib/shared/import/normalize-date.ts';

describe('normalizeDate', () => {
  it('reads the date forms exports use, keeping a time of day as written', () => {
    expect(normalizeDate('2024-04-03')).toBe('2024-04-03');
    expect(normalizeDate('2024-04-03T15:30:00.000Z')).toBe('2024-04-03T15:30');
    expect(normalizeDate('Wed, 03 Apr 2024 15:30:00 +0200')).toBe('2024-04-03T15:30');
    expect(normalizeDate('April 3, 2024')).toBe('2024-04-03');
    expect(normalizeDate(new Date('2024-04-03T00:00:00Z'))).toBe('2024-04-03');
  });

  it('reads Unix timestamps in seconds and in milliseconds', () => {
    expect(normalizeDate(1712158200)).toBe('2024-04-03T15:30');
    expect(normalizeDate(1712158200000)).toBe('2024-04-03T15:30');
  });

  it('drops what is not a real date', () => {
    for (const value of ['2024-02-30', '2024-13-01', 'yesterday', '03/04/2024', 2024, -1, Number.NaN, null, {}, ['2024-04-03'], new Date('x'), 'x'.repeat(500)]) {
      expect(normalizeDate(value), String(value)).toBeUndefined();
    }
  });
});
