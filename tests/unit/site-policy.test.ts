import { describe, expect, it } from 'vitest';
import { DEFAULT_LINKING_SETTINGS, isSensitiveHost, quietReasonFor, siteOf } from '../../lib/shared/linking/site-policy.ts';

describe('isSensitiveHost', () => {
  it('recognises mail, banking, password-manager and sign-in hosts', () => {
    for (const host of ['mail.google.com', 'outlook.live.com', 'webmail.example.org', 'www.chase-bank.com', 'onlinebanking.example.de',
      'my.1password.com', 'vault.bitwarden.com', 'www.paypal.com', 'accounts.example.com', 'mybank.co.uk']) {
      expect({ host, sensitive: isSensitiveHost(host) }).toEqual({ host, sensitive: true });
    }
  });

  it('leaves ordinary news, blog and reference sites alone', () => {
    for (const host of ['www.example-news.com', 'blog.example.org', 'en.wikipedia.org', 'www.worldbank.org.example', 'bankside-gallery.org', '127.0.0.1']) {
      expect({ host, sensitive: isSensitiveHost(host) }).toEqual({ host, sensitive: false });
    }
  });
});

describe('quietReasonFor', () => {
  it('lets Cairn work on an ordinary site by default', () => {
    expect(quietReasonFor('news.example.com', DEFAULT_LINKING_SETTINGS)).toBeNull();
  });

  it('stays quiet everywhere while paused, on sites turned off, and on sensitive sites unless turned on', () => {
    expect(quietReasonFor('news.example.com', { ...DEFAULT_LINKING_SETTINGS, paused: true })).toBe('paused');
    expect(quietReasonFor('News.Example.com', { ...DEFAULT_LINKING_SETTINGS, sitesOff: ['news.example.com'] })).toBe('site-off');
    expect(quietReasonFor('mail.example.com', DEFAULT_LINKING_SETTINGS)).toBe('sensitive');
    expect(quietReasonFor('mail.example.com', { ...DEFAULT_LINKING_SETTINGS, sensitiveSitesOn: ['mail.example.com'] })).toBeNull();
  });
});

describe('siteOf', () => {
  it('gives the host name of web pages only', () => {
    expect(siteOf('https://News.Example.com:8080/a?b#c')).toBe('news.example.com');
    expect(siteOf('http://127.0.0.1:4173/page.html')).toBe('127.0.0.1');
    expect(siteOf('chrome-extension://abc/popup.html')).toBeNull();
    expect(siteOf('file:///etc/passwd')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
    expect(siteOf(undefined)).toBeNull();
  });

  it("names Cairn's sample page with a site name no web page can have", () => {
    expect(siteOf('chrome-extension://abc/sample.html')).toBe('Cairn’s sample page');
    expect(siteOf('https://example.com/sample.html')).toBe('example.com');
  });
});
