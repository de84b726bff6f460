import { describe, expect, it } from 'vitest';
import { isPersonName } from '../../lib/shared/text/is-person-name.ts';

describe('isPersonName', () => {
  it('takes a name with an initial for a person even when its last word is also a job', () => {
    expect(isPersonName('A. Writer')).toBe(true);
    expect(isPersonName('J. Porter')).toBe(true);
    expect(isPersonName('Jane Doe')).toBe(true);
  });

  it('still takes a job title, or a country abbreviation before a job, for no person', () => {
    expect(isPersonName('Staff Writer')).toBe(false);
    expect(isPersonName('Senior Editor')).toBe(false);
    expect(isPersonName('U.S. Editor')).toBe(false);
    expect(isPersonName('A. March')).toBe(false);
    expect(isPersonName('Writer')).toBe(false);
  });
});
