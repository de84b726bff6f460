import { describe, expect, it } from 'vitest';
import { cleanUrl } from '../../../lib/shared/import/clean-url.ts';
import { MAX_URL_CHARS } from '../../../lib/shared/import/limits.ts';

describe('cleanUrl', () => {
  it('keeps http and https addresses, resolving relative ones against a base', () => {
    expect(cleanUrl(' https://example.org/a b ')).toBe('https://example.org/a%20b');
    expect(cleanUrl('/ferry', 'http://example.org/news/')).toBe('http://example.org/ferry');
  });

  it('drops every other scheme, garbage and over-long addresses', () => {
    for (const value of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>', 'file:///etc/passwd', 'chrome-extension://x/a', 'not a url', '', 42, `https://example.org/${'a'.repeat(MAX_URL_CHARS)}`]) {
      expect(cleanUrl(value), String(value)).toBeUndefined();
    }
  });
});
