import { describe, expect, it } from 'vitest';
import { isSamplePageUrl, welcomesOn } from '../../lib/shared/reach/own-pages.ts';

describe('isSamplePageUrl', () => {
  it("knows an extension's sample page in Chrome and Firefox, with a query or hash", () => {
    expect(isSamplePageUrl('chrome-extension://abc/sample.html')).toBe(true);
    expect(isSamplePageUrl('moz-extension://0f1e-22/sample.html?x=1#part')).toBe(true);
  });

  it('refuses web pages, other extension pages and what is not an address', () => {
    expect(isSamplePageUrl('https://example.com/sample.html')).toBe(false);
    expect(isSamplePageUrl('chrome-extension://abc/welcome.html')).toBe(false);
    expect(isSamplePageUrl('chrome-extension://abc/x/sample.html')).toBe(false);
    expect(isSamplePageUrl('sample.html')).toBe(false);
    expect(isSamplePageUrl(undefined)).toBe(false);
  });
});

describe('welcomesOn', () => {
  it('welcomes on a first install only, not on an update or a browser update', () => {
    expect(welcomesOn('install')).toBe(true);
    expect(welcomesOn('update')).toBe(false);
    expect(welcomesOn('chrome_update')).toBe(false);
    expect(welcomesOn('browser_update')).toBe(false);
  });
});
