import type { BackgroundEvent } from '../../lib/protocol.ts';
import type { BrowserEffects } from '../../lib/service/linking-stores.ts';

/** Browser effects that record what the background asked for instead of doing it. */
export function fakeEffects() {
  const log = {
    badges: new Map<number, number>(),
    opened: [] as number[],
    events: [] as BackgroundEvent[],
    rescans: [] as (number | 'all')[],
  };
  const effects: BrowserEffects & { log: typeof log } = {
    log,
    setBadge: async (tabId, count) => void log.badges.set(tabId, count),
    openReader: async (id) => void log.opened.push(id),
    broadcast: (event) => void log.events.push(event),
    rescan: async (tabId) => void log.rescans.push(tabId ?? 'all'),
  };
  return effects;
}
