import type { BackgroundEvent, LinkingSettings, TabLinks } from '../protocol.ts';

/** Where the user's linking settings live (`storage.local` in the extension). */
export interface SettingsStore {
  get(): Promise<LinkingSettings>;
  set(settings: LinkingSettings): Promise<void>;
}

/**
 * What Cairn knows about each open tab (`storage.session` in the extension: it outlives a
 * service-worker restart, never the browser session, and is never written to disk).
 */
export interface TabStore {
  get(tabId: number): Promise<TabLinks | undefined>;
  set(links: TabLinks): Promise<void>;
  delete(tabId: number): Promise<void>;
}

/** What the background does to the browser, kept behind an interface so the logic stays testable. */
export interface BrowserEffects {
  /** Shows a count on the toolbar icon for one tab, and a check mark when its page is in the collection; 0 and false clear it. */
  setBadge(tabId: number, count: number, saved?: boolean): Promise<void>;
  /** Opens the reader on an article, with `query`'s words marked (the first one scrolled to). */
  openReader(articleId: number, query?: string): Promise<void>;
  /** Tells open extension pages (popup, side panel) that what they show may have changed. */
  broadcast(event: BackgroundEvent): void;
  /** Asks the content scripts of one tab, or of every tab, to scan their page again. */
  rescan(tabId?: number): Promise<void>;
  /**
   * Extracts the article of a tab's page (Readability on a clone of its DOM, in the tab) and
   * answers with what the page gave: untrusted until validated.
   */
  extractArticle(tabId: number): Promise<unknown>;
  /** Tells the user, on the page itself, what became of adding it (the context-menu path). */
  notifyPage(tabId: number, message: string): Promise<void>;
}

/** In-memory stores, for tests and for browsers without `storage.session`. */
export function memorySettingsStore(initial: LinkingSettings): SettingsStore {
  let current = structuredClone(initial);
  return {
    get: async () => structuredClone(current),
    set: async (settings) => {
      current = structuredClone(settings);
    },
  };
}

export function memoryTabStore(): TabStore {
  const tabs = new Map<number, TabLinks>();
  return {
    get: async (tabId) => tabs.get(tabId),
    set: async (links) => void tabs.set(links.tabId, links),
    delete: async (tabId) => void tabs.delete(tabId),
  };
}
