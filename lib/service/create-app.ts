import type { CairnDb } from '../db/cairn-db.ts';
import type { MessageSender, ParsedArticle, ResponseEnvelope } from '../protocol.ts';
import { createDispatcher } from './dispatch.ts';
import { createHandlers } from './handlers.ts';
import { installSeedsOnce, type SeedFile } from './install-seeds.ts';
import { createSearchEngine, type SearchEngine } from './search-engine.ts';
import type { ExtensionIdentity } from './sender-policy.ts';

export interface AppDeps {
  db: CairnDb;
  seeds: SeedFile[];
  parseSeed: (text: string) => ParsedArticle;
  self: ExtensionIdentity;
  now?: () => number;
  saveDelayMs?: number;
}

export interface App {
  /** Settles when the seeds are in place and the index is loaded. */
  ready: Promise<void>;
  engine: SearchEngine;
  dispatch(message: unknown, sender: MessageSender): Promise<ResponseEnvelope<unknown>>;
}

/**
 * The background's logic, free of browser APIs: the entrypoint hands it the database, the
 * bundled seeds and who the extension is, and forwards messages to `dispatch`. Every request
 * waits for `ready`, so a request that wakes the worker is answered from a complete collection.
 */
export function createApp({ db, seeds, parseSeed, self, now = Date.now, saveDelayMs }: AppDeps): App {
  const engine = createSearchEngine({ db, now, saveDelayMs });
  const ready = (async () => {
    const installed = await installSeedsOnce(db, seeds, parseSeed, now());
    if (installed) await engine.applyChange(installed);
    await engine.load();
  })();
  // Keep an unhandled failure visible, and let each request report it.
  ready.catch((error) => console.error('Cairn could not open its collection:', error));
  const dispatchRequest = createDispatcher(createHandlers({ db, engine }), self);
  return {
    ready,
    engine,
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
