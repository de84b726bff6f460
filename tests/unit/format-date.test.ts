import { describe, expect, it } from 'vitest';
import { formatDate } from '../../lib/shared/text/format-date.ts';

describe('formatDate', () => {
  it('writes a day as a short human date in the given locale', () => {
    expect(formatDate('2024-04-03', 'en-GB')).toBe('3 Apr 2024');
    expect(formatDate('2024-04-03', 'en-US')).toBe('Apr 3, 2024');
  });

  it('shows the day of a date with a time', () => {
    expect(formatDate('2024-04-03T15:30', 'en-GB')).toBe('3 Apr 2024');
    expect(formatDate('2024-04-03T23:59:59', 'en-GB')).toBe('3 Apr 2024');
  });

  it('never shifts the day with the time zone', () => {
    expect(formatDate('2024-01-01T00:00', 'en-GB')).toBe('1 Jan 2024');
    expect(formatDate('2023-12-31T23:59', 'en-GB')).toBe('31 Dec 2023');
  });

  it('accepts surrounding spaces', () => {
    expect(formatDate(' 2023-12-28 ', 'en-GB')).toBe('28 Dec 2023');
  });

  it('gives undefined for missing, malformed or impossible dates', () => {
    for (const input of [undefined, '', 'yesterday', '2024-4-3', '2024-02-30', '2023-02-29', '2024-13-01', '2024-04-03T24:00', '2024-04-03T12:60', '03/04/2024']) {
      expect(formatDate(input, 'en-GB'), String(input)).toBeUndefined();
    }
  });

  it('accepts the 29th of February in a leap year', () => {
    expect(formatDate('2024-02-29', 'en-GB')).toBe('29 Feb 2024');
  });

  it('falls back to the default locale for an invalid tag instead of throwing', () => {
    expect(formatDate('2024-04-03', 'not a locale!')).toMatch(/2024/);
  });

  it('takes a list of locales', () => {
    expect(formatDate('2024-04-03', ['en-GB', 'en-US'])).toBe('3 Apr 2024');
  });
});
