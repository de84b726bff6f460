import { describe, expect, it } from 'vitest';
import { documentUrl } from '../../lib/shared/linking/document-url.ts';

describe('documentUrl', () => {
  it('normalises an address as the importer stores it', () => {
    expect(documentUrl('HTTPS://News.Example.COM:443/a/../story?id=7')).toBe('https://news.example.com/story?id=7');
    expect(documentUrl('  http://example.com  ')).toBe('http://example.com/');
  });

  it('drops the fragment: the same page scrolled to a part is the same document', () => {
    expect(documentUrl('https://example.com/story#comments')).toBe('https://example.com/story');
    expect(documentUrl('https://example.com/story#')).toBe('https://example.com/story');
  });

  it('keeps the query: another query is another document', () => {
    expect(documentUrl('https://example.com/story?page=2')).not.toBe(documentUrl('https://example.com/story'));
  });

  it('gives nothing for addresses that are not web pages, or not addresses', () => {
    for (const value of ['javascript:alert(1)', 'data:text/html,hi', 'file:///etc/passwd', 'chrome-extension://abc/reader.html', 'about:blank', 'not a url', '', undefined, 42]) {
      expect(documentUrl(value)).toBeUndefined();
    }
  });
});
