import { describe, expect, it } from 'vitest';
import { pageKind } from '../../lib/shared/linking/page-kind.ts';

describe('pageKind', () => {
  it('takes http and https pages for web pages', () => {
    expect(pageKind('https://news.example.com/story?id=3')).toBe('web');
    expect(pageKind('http://127.0.0.1:4173/related-wuzhen-news.html')).toBe('web');
  });

  it("takes the browser's own pages, extension pages and local files for browser pages", () => {
    for (const url of ['chrome://extensions/', 'chrome://newtab/', 'about:blank', 'about:addons', 'edge://settings', 'chrome-extension://abcdefghijklmnop/library.html', 'moz-extension://0f1e/popup.html', 'file:///home/me/notes.html', 'view-source:https://example.com/', 'data:text/html,<p>hi</p>']) {
      expect(pageKind(url), url).toBe('browser');
    }
  });

  it('takes the extension stores for browser pages, but not other pages of the same hosts', () => {
    expect(pageKind('https://chromewebstore.google.com/detail/some-extension/abc')).toBe('browser');
    expect(pageKind('https://chrome.google.com/webstore/category/extensions')).toBe('browser');
    expect(pageKind('https://addons.mozilla.org/en-US/firefox/')).toBe('browser');
    expect(pageKind('https://microsoftedge.microsoft.com/addons/home')).toBe('browser');
    expect(pageKind('https://chrome.google.com/webstorefront')).toBe('web');
    expect(pageKind('https://microsoftedge.microsoft.com/other')).toBe('web');
  });

  it('takes a tab whose address the browser withholds, or an address that is not one, for a browser page', () => {
    expect(pageKind(undefined)).toBe('browser');
    expect(pageKind('')).toBe('browser');
    expect(pageKind('not a url')).toBe('browser');
  });

  it("takes Cairn's sample page for a page Cairn runs on that is not a web page to add", () => {
    expect(pageKind('chrome-extension://abcdefghijklmnop/sample.html')).toBe('sample');
    expect(pageKind('moz-extension://0f1e/sample.html#try')).toBe('sample');
    expect(pageKind('https://example.com/sample.html')).toBe('web');
  });
});
