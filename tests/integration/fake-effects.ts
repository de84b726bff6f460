import type { BackgroundEvent } from '../../lib/protocol.ts';
import type { BrowserEffects } from '../../lib/background/linking-stores.ts';

/** Browser effects that record what the background asked for instead of doing it. */
export function fakeEffects(pages: Record<number, unknown> = {}) {
  const log = {
    badges: new Map<number, number>(),
    /** Tabs whose badge shows the page is in the collection. */
    savedBadges: new Set<number>(),
    opened: [] as number[],
    /** The words each opened reader marks, in the same order as `opened`. */
    marked: [] as (string | undefined)[],
    events: [] as BackgroundEvent[],
    rescans: [] as (number | 'all')[],
    notices: [] as { tabId: number; message: string }[],
  };
  const effects: BrowserEffects & { log: typeof log } = {
    log,
    setBadge: async (tabId, count, saved = false) => {
      log.badges.set(tabId, count);
      if (saved) log.savedBadges.add(tabId);
      else log.savedBadges.delete(tabId);
    },
    openReader: async (id, query) => {
      log.opened.push(id);
      log.marked.push(query);
    },
    broadcast: (event) => void log.events.push(event),
    rescan: async (tabId) => void log.rescans.push(tabId ?? 'all'),
    extractArticle: async (tabId) => {
      if (!(tabId in pages)) throw new Error('Cannot access contents of the page.');
      return pages[tabId];
    },
    notifyPage: async (tabId, message) => void log.notices.push({ tabId, message }),
  };
  return effects;
}
