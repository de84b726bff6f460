import type { Article, ArticleOrigin, ParsedArticle } from '../protocol.ts';
import type { CairnDb } from './db/cairn-db.ts';
import { listingOf } from './db/listing-of.ts';
import { bumpRevision, readRevision } from './db/revision.ts';
import { contentHash } from '../shared/text/content-hash.ts';

export interface NewArticle extends ParsedArticle {
  origin: ArticleOrigin;
  fileName?: string;
  /** Kept when restoring a backup or an undo, if no other article has it. */
  id?: number;
  /** Kept when restoring; otherwise the time of the import. */
  importedAt?: number;
}

/** An article ready to be written: hashed and stamped; its id only when it keeps an old one. */
export type PreparedArticle = Omit<Article, 'id'> & { id?: number };

export type StoreOutcome =
  | { outcome: 'added'; id: number }
  | { outcome: 'duplicate'; existingId: number };

export interface StoreResult {
  outcomes: StoreOutcome[];
  /** The articles written, with their ids. */
  added: Article[];
  /** The collection revision after the write (unchanged when nothing was added). */
  revision: number;
}

export interface StoreOptions {
  /** An article whose URL is already in the collection is a duplicate too (imports, not restores). */
  matchUrls?: boolean;
}

/**
 * Hashes and stamps articles. Kept apart from `storeArticles` because hashing is not an
 * IndexedDB operation and must not run inside a transaction.
 */
export async function prepareArticles(items: NewArticle[], now: number): Promise<PreparedArticle[]> {
  return Promise.all(
    items.map(async (item) => ({ ...item, importedAt: item.importedAt ?? now, contentHash: await contentHash(item.body) })),
  );
}

/**
 * Writes prepared articles, their library rows and the new revision in one transaction: all or
 * nothing. An article whose text is already in the collection (or earlier in the same batch), or
 * with `matchUrls` whose URL is, is reported as a duplicate, not stored twice. An article that
 * asks for an id another article has gets a new one. Joins the caller's transaction when there is one.
 */
export async function storeArticles(db: CairnDb, items: PreparedArticle[], { matchUrls = false }: StoreOptions = {}): Promise<StoreResult> {
  return db.transaction('rw', db.articles, db.listing, db.meta, async () => {
    const hashes = items.map((a) => a.contentHash);
    const urls = matchUrls ? items.flatMap((a) => (a.url ? [a.url] : [])) : [];
    const wantedIds = items.flatMap((a) => (a.id === undefined ? [] : [a.id]));
    const [knownHash, knownUrl, taken] = await Promise.all([
      idsByKey(db, 'contentHash', hashes),
      idsByKey(db, 'url', urls),
      db.articles.bulkGet(wantedIds),
    ]);
    const takenIds = new Set(taken.flatMap((a) => (a ? [a.id] : [])));

    // Decide first, then write in one bulk call: a file of 10,000 articles is one round trip.
    // Each item is either a known article, or the n-th new one (several items may share it).
    const decisions: ({ existingId: number } | { newIndex: number })[] = [];
    const toAdd: PreparedArticle[] = [];
    const inBatch = new Map<string, number>();
    for (const item of items) {
      const urlKey = matchUrls && item.url ? `url:${item.url}` : undefined;
      const existingId = knownHash.get(item.contentHash) ?? (urlKey ? knownUrl.get(item.url!) : undefined);
      if (existingId !== undefined) {
        decisions.push({ existingId });
        continue;
      }
      const earlier = inBatch.get(item.contentHash) ?? (urlKey ? inBatch.get(urlKey) : undefined);
      if (earlier !== undefined) {
        decisions.push({ newIndex: earlier });
        continue;
      }
      const { id, ...rest } = item;
      const keep = id !== undefined && !takenIds.has(id);
      if (keep) takenIds.add(id);
      inBatch.set(item.contentHash, toAdd.length);
      if (urlKey) inBatch.set(urlKey, toAdd.length);
      decisions.push({ newIndex: toAdd.length });
      toAdd.push(keep ? { ...rest, id } : rest);
    }
    const ids = toAdd.length > 0 ? await db.articles.bulkAdd(toAdd as Article[], { allKeys: true }) : [];
    const added: Article[] = toAdd.map((item, i) => ({ ...item, id: ids[i]! }));
    const claimed = new Set<number>();
    const outcomes: StoreOutcome[] = decisions.map((decision) => {
      if ('existingId' in decision) return { outcome: 'duplicate', existingId: decision.existingId };
      const id = ids[decision.newIndex]!;
      if (claimed.has(id)) return { outcome: 'duplicate', existingId: id };
      claimed.add(id);
      return { outcome: 'added', id };
    });
    if (added.length > 0) await db.listing.bulkPut(added.map(listingOf));
    const revision = added.length > 0 ? await bumpRevision(db, added.length) : await readRevision(db);
    return { outcomes, added, revision };
  });
}

/**
 * The id of the article holding each of `keys` in `index`, for those any article holds. One key
 * lookup each, all sent at once: `anyOf` walks a cursor one key after another, a round trip each,
 * and reads whole articles (Cairn issue 10: 70 ms of every 350-article batch went there).
 */
async function idsByKey(db: CairnDb, index: 'contentHash' | 'url', keys: readonly string[]): Promise<Map<string, number>> {
  const unique = [...new Set(keys)];
  const found = await Promise.all(unique.map((key) => db.articles.where(index).equals(key).primaryKeys()));
  const ids = new Map<string, number>();
  unique.forEach((key, i) => {
    const id = found[i]![0];
    if (id !== undefined) ids.set(key, id);
  });
  return ids;
}
