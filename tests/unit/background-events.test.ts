import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onBackgroundEvent, readBackgroundEvent } from '../../lib/platform/messaging.ts';

const selfId = 'cairn-test';
const fromBackground = { id: selfId, url: `chrome-extension://${selfId}/background.js` };

describe('readBackgroundEvent', () => {
  it('reads a well-formed event of a wanted kind from the background', () => {
    const event = readBackgroundEvent({ event: 'tabLinksChanged', data: { tabId: 7 } }, fromBackground, ['tabLinksChanged'], selfId);

    expect(event).toEqual({ event: 'tabLinksChanged', data: { tabId: 7 } });
  });

  it('ignores malformed events, events not asked for, requests and the old bare messages', () => {
    const ignored = [
      { event: 'tabLinksChanged', data: { tabId: '7' } },
      { event: 'tabLinksChanged', data: { tabId: 7, site: 'example.com' } },
      { event: 'tabLinksChanged' },
      { event: 'tabLinksChanged', data: { tabId: 7 }, extra: true },
      { event: 'collectionChanged', data: { revision: 3 } },
      { event: 'noSuchEvent', data: {} },
      { type: 'tabLinksChanged', tabId: 7 },
      { type: 'relatedForTab', data: { tabId: 7 } },
      { type: 'cairn:rescan' },
      'tabLinksChanged',
      null,
    ];

    const read = ignored.map((message) => readBackgroundEvent(message, fromBackground, ['tabLinksChanged'], selfId));

    expect(read).toEqual(ignored.map(() => null));
  });

  it('ignores events sent by a content script (from a tab) or by another extension', () => {
    const message = { event: 'rescan', data: {} };

    const fromTab = readBackgroundEvent(message, { id: selfId, url: 'https://example.com/', tab: { id: 3 } }, ['rescan'], selfId);
    const fromOther = readBackgroundEvent(message, { id: 'someone-else' }, ['rescan'], selfId);

    expect({ fromTab, fromOther }).toEqual({ fromTab: null, fromOther: null });
  });
});

describe('onBackgroundEvent', () => {
  beforeEach(() => fakeBrowser.reset());

  it('calls the listener with valid events only, and stops when asked', async () => {
    const listener = vi.fn();
    const sender = { id: fakeBrowser.runtime.id };
    const stop = onBackgroundEvent(['collectionChanged', 'rescan'], listener);

    await fakeBrowser.runtime.onMessage.trigger({ event: 'collectionChanged', data: { revision: -1 } }, sender, () => undefined);
    await fakeBrowser.runtime.onMessage.trigger({ event: 'rescan', data: { all: true } }, sender, () => undefined);
    await fakeBrowser.runtime.onMessage.trigger({ event: 'collectionChanged', data: { revision: 4 } }, sender, () => undefined);
    stop();
    await fakeBrowser.runtime.onMessage.trigger({ event: 'rescan', data: {} }, sender, () => undefined);

    expect(listener.mock.calls).toEqual([[{ event: 'collectionChanged', data: { revision: 4 } }]]);
  });
});
