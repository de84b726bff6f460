import type { CairnDb } from './db/cairn-db.ts';
import type { MessageSender, PageImportResult, ParsedArticle, ResponseEnvelope } from '../protocol.ts';
import { createCollectionWriter, type CollectionWriter } from './collection-writer.ts';
import { createDispatcher } from './dispatch.ts';
import { createHandlers } from './handlers.ts';
import { installSeedsOnce, type SeedFile } from './install-seeds.ts';
import { importPageOf } from './library-handlers.ts';
import { createLinkingEngine, type LinkingEngine } from './linking-engine.ts';
import type { BrowserEffects, SettingsStore, TabStore } from './linking-stores.ts';
import { createSearchEngine, type SearchEngine } from './search-engine.ts';
import { searchAfterWrites } from './search-after-writes.ts';
import type { ExtensionIdentity } from './sender-policy.ts';

/** Quiet time after linking took in a change before open pages scan again. */
const RESCAN_DELAY_MS = 300;

export interface AppDeps {
  db: CairnDb;
  seeds: SeedFile[];
  parseSeed: (text: string) => ParsedArticle;
  self: ExtensionIdentity;
  settings: SettingsStore;
  tabs: TabStore;
  effects: BrowserEffects;
  /** Reads linking's word table (`createLinkingEngine`); only linking calls it, never a search. */
  loadWordVectors: () => Promise<ArrayBuffer>;
  now?: () => number;
  saveDelayMs?: number;
  /** Quiet time after linking took in a change before open pages scan again (default 300 ms). */
  rescanDelayMs?: number;
}

export interface App {
  /** Settles when the seeds are in place and the index is loaded. */
  ready: Promise<void>;
  engine: SearchEngine;
  linking: LinkingEngine;
  writer: CollectionWriter;
  /** Adds the article of a tab's page (the context menu's "Add this page to Cairn"). */
  importPage(tabId: number): Promise<PageImportResult>;
  /** A tab started loading another page or closed: forget what Cairn showed for it. */
  forgetTab(tabId: number): Promise<void>;
  dispatch(message: unknown, sender: MessageSender): Promise<ResponseEnvelope<unknown>>;
}

/**
 * The background's logic, free of browser APIs: the entrypoint hands it the database, the
 * bundled seeds and who the extension is, and forwards messages to `dispatch`. Every request
 * waits for `ready`, so a request that wakes the worker is answered from a complete collection.
 */
export function createApp(deps: AppDeps): App {
  const { db, seeds, parseSeed, self, tabs, effects, loadWordVectors, now = Date.now, saveDelayMs, rescanDelayMs = RESCAN_DELAY_MS } = deps;
  const index = createSearchEngine({ db, now, saveDelayMs });
  // Mining yields to an import under way: between two slices it waits for the writer's quiet
  // (the writer is made after linking, which it tells of each change; mining starts later).
  // Mining and loading the stored links both wait while a search runs: a query's few steps would
  // otherwise each wait behind a 25 ms slice (Cairn issue 10).
  const writerRef: { current?: CollectionWriter } = {};
  const linking = createLinkingEngine({
    db,
    loadWordVectors,
    pause: async () => {
      await writerRef.current!.quiet();
      await index.idle();
    },
    yieldThread: async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await index.idle();
    },
  });
  const writer = createCollectionWriter({ db, engine: index, linking, effects, now });
  writerRef.current = writer;
  // Every reader of the index (handlers, omnibox) sees the writes already answered.
  const engine = searchAfterWrites(index, writer);
  // Open pages scan again once linking has taken in a burst of changes, not after every file.
  let rescanTimer: ReturnType<typeof setTimeout> | null = null;
  linking.onIndexed(() => {
    if (rescanTimer) clearTimeout(rescanTimer);
    rescanTimer = setTimeout(() => void effects.rescan().catch(() => undefined), rescanDelayMs);
  });
  const ready = (async () => {
    const installed = await installSeedsOnce(db, seeds, parseSeed, now());
    if (installed) await engine.applyChange(installed);
    await engine.open();
    // Mines whatever is not mined yet: new seeds, or what a stopped worker left.
    void linking.resume().catch((error: unknown) => console.error('Cairn could not resume linking:', error));
  })();
  // Keep an unhandled failure visible, and let each request report it.
  ready.catch((error) => console.error('Cairn could not open its collection:', error));
  const dispatchRequest = createDispatcher(createHandlers({ ...deps, engine, linking, writer }), self);
  return {
    ready,
    engine,
    linking,
    writer,
    async importPage(tabId) {
      await ready;
      return importPageOf({ effects, writer }, tabId);
    },
    async forgetTab(tabId) {
      await tabs.delete(tabId);
    },
    async dispatch(message, sender) {
      try {
        await ready;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { ok: false, error: { name: 'StorageError', message: `Cairn could not open its collection: ${reason}` } };
      }
      return dispatchRequest(message, sender);
    },
  };
}
