import type { Article, ArticleOrigin, ParsedArticle } from '../protocol.ts';
import type { CairnDb } from '../db/cairn-db.ts';
import { bumpRevision, readRevision } from '../db/revision.ts';
import { contentHash } from '../text/content-hash.ts';

export interface NewArticle extends ParsedArticle {
  origin: ArticleOrigin;
  fileName?: string;
}

/** An article ready to be written: hashed, stamped, without an id yet. */
export type PreparedArticle = Omit<Article, 'id'>;

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

/**
 * Hashes and stamps articles. Kept apart from `storeArticles` because hashing is not an
 * IndexedDB operation and must not run inside a transaction.
 */
export async function prepareArticles(items: NewArticle[], now: number): Promise<PreparedArticle[]> {
  return Promise.all(
    items.map(async (item) => ({ ...item, importedAt: now, contentHash: await contentHash(item.body) })),
  );
}

/**
 * Writes prepared articles and bumps the revision in one transaction: all or nothing. An article
 * whose content is already in the collection (or earlier in the same batch) is reported as a
 * duplicate, not stored twice. Joins the caller's transaction when there is one.
 */
export async function storeArticles(db: CairnDb, items: PreparedArticle[]): Promise<StoreResult> {
  return db.transaction('rw', db.articles, db.meta, async () => {
    const existing = await db.articles.where('contentHash').anyOf(items.map((a) => a.contentHash)).toArray();
    const known = new Map(existing.map((a) => [a.contentHash, a.id]));
    const outcomes: StoreOutcome[] = [];
    const added: Article[] = [];
    for (const item of items) {
      const existingId = known.get(item.contentHash);
      if (existingId !== undefined) {
        outcomes.push({ outcome: 'duplicate', existingId });
        continue;
      }
      const id = await db.articles.add(item as Article);
      known.set(item.contentHash, id);
      added.push({ ...item, id });
      outcomes.push({ outcome: 'added', id });
    }
    const revision = added.length > 0 ? await bumpRevision(db) : await readRevision(db);
    return { outcomes, added, revision };
  });
}

