import { describe, expect, it } from 'vitest';
import { badgeText } from '../../lib/shared/linking/badge-text.ts';

describe('badgeText', () => {
  it('shows the count of related articles, and nothing for none', () => {
    expect(badgeText(3, false)).toBe('3');
    expect(badgeText(0, false)).toBe('');
  });

  it('puts a check mark first when the page is in the collection', () => {
    expect(badgeText(0, true)).toBe('✓');
    expect(badgeText(2, true)).toBe('✓2');
  });
});
