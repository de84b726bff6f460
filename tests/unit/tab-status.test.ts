import { describe, expect, it } from 'vitest';
import { DEFAULT_LINKING_SETTINGS } from '../../lib/shared/linking/site-policy.ts';
import { tabStatus } from '../../lib/shared/linking/tab-status.ts';
import type { LinkingSettings } from '../../lib/protocol.ts';

function settings(change: Partial<LinkingSettings> = {}): LinkingSettings {
  return { ...DEFAULT_LINKING_SETTINGS, ...change };
}

describe('tabStatus', () => {
  it('has no site switch for a tab where no web page was reported', () => {
    expect(tabStatus({}, settings())).toEqual({ quiet: undefined, siteOn: null });
    expect(tabStatus({}, null)).toEqual({ quiet: undefined, siteOn: null });
  });

  it('is on and not quiet for an ordinary site', () => {
    expect(tabStatus({ site: 'example.com' }, settings())).toEqual({ quiet: undefined, siteOn: true });
  });

  it('is off on a site the user turned off', () => {
    const status = tabStatus({ site: 'example.com' }, settings({ sitesOff: ['example.com'] }));

    expect(status).toEqual({ quiet: 'site-off', siteOn: false });
  });

  it('is off on a sensitive site until the user turns it on there', () => {
    expect(tabStatus({ site: 'mail.example.org' }, settings())).toEqual({ quiet: 'sensitive', siteOn: false });
    expect(tabStatus({ site: 'mail.example.org' }, settings({ sensitiveSitesOn: ['mail.example.org'] }))).toEqual({
      quiet: undefined,
      siteOn: true,
    });
  });

  it('says paused while paused, and keeps the site switch as the user left it', () => {
    expect(tabStatus({ site: 'example.com' }, settings({ paused: true }))).toEqual({ quiet: 'paused', siteOn: true });
    expect(tabStatus({}, settings({ paused: true }))).toEqual({ quiet: 'paused', siteOn: null });
  });

  it('trusts the settings over a stale report from before the switch was flipped', () => {
    expect(tabStatus({ site: 'example.com', quiet: 'site-off' }, settings())).toEqual({ quiet: undefined, siteOn: true });
    expect(tabStatus({ site: 'example.com', quiet: 'paused' }, settings())).toEqual({ quiet: undefined, siteOn: true });
  });

  it('keeps an empty collection as the reason to be quiet', () => {
    expect(tabStatus({ site: 'example.com', quiet: 'empty-collection' }, settings()).quiet).toBe('empty-collection');
  });

  it('goes by the report alone until the settings have arrived', () => {
    expect(tabStatus({ site: 'example.com', quiet: 'site-off' }, null)).toEqual({ quiet: 'site-off', siteOn: false });
    expect(tabStatus({ site: 'example.com', quiet: 'paused' }, null)).toEqual({ quiet: 'paused', siteOn: true });
  });
});
