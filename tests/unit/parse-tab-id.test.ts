import { describe, expect, it } from 'vitest';
import { parseTabId } from '../../lib/shared/linking/parse-tab-id.ts';

describe('parseTabId', () => {
  it('reads a whole number, zero included', () => {
    expect(parseTabId('42')).toBe(42);
    expect(parseTabId('0')).toBe(0);
  });

  it('gives null for a missing, malformed or unsafe id', () => {
    for (const value of [null, '', ' 4', '4 ', '-1', '1.5', '012', '1e3', 'abc', '99999999999999999999']) {
      expect(parseTabId(value)).toBeNull();
    }
  });
});
