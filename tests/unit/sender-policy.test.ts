import { describe, expect, it } from 'vitest';
import { classifySender, frameOf } from '../../lib/background/sender-policy.ts';

const self = { id: 'cairn', origin: 'chrome-extension://cairn/' };
const tab = { id: 9, url: 'https://news.example.com/story' };

describe('frameOf', () => {
  it('speaks for the origin Chrome saw, not for the address or the tab', () => {
    const frame = frameOf({ id: 'cairn', url: 'https://news.example.com/embed', origin: 'https://ads.example.net', tab, frameId: 4 });

    expect(frame).toEqual({ tabId: 9, site: 'ads.example.net', topFrame: false, topSite: 'news.example.com' });
  });

  it("falls back to the frame's own address where the browser gives no origin (Firefox)", () => {
    const frame = frameOf({ id: 'cairn', url: 'https://ads.example.net/slot', tab, frameId: 0 });

    expect(frame).toMatchObject({ site: 'ads.example.net', topFrame: true });
  });

  it('counts a sender without a frame id as a subframe, and a sandboxed (opaque) origin as no site', () => {
    const noFrameId = frameOf({ id: 'cairn', url: tab.url, tab });

    expect(noFrameId.topFrame).toBe(false);
    expect(() => frameOf({ id: 'cairn', url: tab.url, origin: 'null', tab, frameId: 0 })).toThrow(/not a web page in a tab/);
  });
});

describe('classifySender', () => {
  it('takes an extension page for one only when the origin the browser saw agrees with its address', () => {
    const page = { id: 'cairn', url: 'chrome-extension://cairn/popup.html' };

    expect(classifySender({ ...page, origin: 'chrome-extension://cairn' }, self)).toBe('extension-page');
    expect(classifySender(page, self)).toBe('extension-page');
    expect(classifySender({ ...page, origin: 'https://evil.example' }, self)).toBeNull();
    expect(classifySender({ id: 'cairn', url: tab.url, tab, frameId: 0 }, self)).toBe('content-script');
    expect(classifySender({ id: 'other', url: tab.url, tab, frameId: 0 }, self)).toBeNull();
  });
});

describe("Cairn's sample page", () => {
  const sampleUrl = 'chrome-extension://cairn/sample.html';
  const sampleTab = { id: 12, url: sampleUrl };

  it("gets a content script's rights (not an extension page's) when it runs in a tab, and only then", () => {
    expect(classifySender({ id: 'cairn', url: sampleUrl, origin: 'chrome-extension://cairn', tab: sampleTab, frameId: 0 }, self)).toBe('content-script');
    expect(classifySender({ id: 'cairn', url: `${sampleUrl}#top`, tab: sampleTab, frameId: 0 }, self)).toBe('content-script');
    expect(classifySender({ id: 'cairn', url: sampleUrl }, self)).toBe('extension-page');
  });

  it("is refused when it belongs to another extension, or when the browser's origin disagrees", () => {
    expect(classifySender({ id: 'other', url: 'chrome-extension://other/sample.html', tab: sampleTab, frameId: 0 }, self)).toBeNull();
    expect(classifySender({ id: 'cairn', url: sampleUrl, origin: 'https://evil.example', tab: sampleTab, frameId: 0 }, self)).toBeNull();
  });

  it('speaks for a site name that no web site can have', () => {
    const frame = frameOf({ id: 'cairn', url: sampleUrl, origin: 'chrome-extension://cairn', tab: sampleTab, frameId: 0 });

    expect(frame).toEqual({ tabId: 12, site: 'Cairn’s sample page', topFrame: true, topSite: 'Cairn’s sample page' });
  });

  it('does not make a web page at /sample.html the sample page', () => {
    const frame = frameOf({ id: 'cairn', url: 'https://news.example.com/sample.html', tab, frameId: 0 });

    expect(frame.site).toBe('news.example.com');
  });
});
