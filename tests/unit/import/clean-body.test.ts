import { describe, expect, it } from 'vitest';
import { cleanBody } from '../../../lib/shared/import/clean-body.ts';

describe('cleanBody', () => {
  it('separates paragraphs by exactly one blank line and keeps single line breaks', () => {
    expect(cleanBody('\n\n  One  \tpara\r\nsame para\r\n\r\n\r\n\n Two \u00a0\n\u3000\nThree\n')).toBe('One para\nsame para\n\nTwo\n\nThree');
  });

  it('removes control and invisible characters', () => {
    expect(cleanBody('a\u0000b\u200bc\ufeffd\u0007e\u00adf')).toBe('abcdef');
  });

  it('composes Unicode (NFC)', () => {
    expect(cleanBody('Cafe\u0301')).toBe('Café');
  });
});
