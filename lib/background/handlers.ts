import * as v from 'valibot';
import { readArticles } from './db/read-articles.ts';
import { readArticleCount, readRevision, rememberArticleCount } from './db/revision.ts';
import { checkStoredArticle } from './db/stored-article.ts';
import { summaryOf } from './db/summary-of.ts';
import type { Handlers, MessageType, RequestOf } from '../protocol.ts';
import { exactSchemas } from '../shared/exact-schemas.ts';
import type { SearchEngine } from './search-engine.ts';
import type { SenderKind } from '../protocol.ts';
import { createLibraryHandlers, LIBRARY_SCHEMAS, LIBRARY_SENDERS, type LibraryDeps } from './library-handlers.ts';
import { createLinkingHandlers, LINKING_SCHEMAS, LINKING_SENDERS, type LinkingDeps } from './linking-handlers.ts';
import { relatedArticlesOf } from './related-articles.ts';

/** Longest query accepted, in characters. */
export const MAX_QUERY_LENGTH = 500;
const MAX_RESULTS = 100;

const id = v.pipe(v.number(), v.integer(), v.minValue(1));
const count = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_RESULTS));

/** Every request's data, by message type, as `lib/protocol.ts` declares it. */
type Requests = { [K in MessageType]: RequestOf<K> };

/**
 * The shape every request must have, checked before its handler runs. `tsc` fails, naming the
 * message, when a schema accepts or gives anything else than its `RequestOf` type.
 */
export const REQUEST_SCHEMAS = exactSchemas<Requests>()({
  search: v.strictObject({
    query: v.pipe(v.string(), v.maxLength(MAX_QUERY_LENGTH, `A search can be at most ${MAX_QUERY_LENGTH} characters long.`)),
    limit: v.optional(count),
  }),
  getArticle: v.strictObject({ id }),
  collectionInfo: v.strictObject({ recentLimit: v.optional(count) }),
  indexStatus: v.strictObject({}),
  relatedArticles: v.strictObject({ id }),
  ...LINKING_SCHEMAS,
  ...LIBRARY_SCHEMAS,
});

/** Which senders each message accepts. */
export const ALLOWED_SENDERS: Record<MessageType, readonly SenderKind[]> = {
  search: ['extension-page'],
  getArticle: ['extension-page'],
  collectionInfo: ['extension-page'],
  indexStatus: ['extension-page'],
  relatedArticles: ['extension-page'],
  ...LINKING_SENDERS,
  ...LIBRARY_SENDERS,
};

export interface HandlerDeps extends LinkingDeps, LibraryDeps {
  engine: SearchEngine;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { db, engine } = deps;
  return {
    ...createLinkingHandlers(deps),
    ...createLibraryHandlers(deps),
    search: ({ query, limit = 20 }) => engine.search(query, limit),

    getArticle: async ({ id }) => (await readArticles(db, [id]))[0] ?? null,

    collectionInfo: async ({ recentLimit = 20 }) => {
      const [{ articles, counted }, revision, recent] = await db.transaction('r', db.articles, db.meta, async () => {
        const current = await readRevision(db);
        return Promise.all([readArticleCount(db, current), current, db.articles.orderBy('importedAt').reverse().limit(recentLimit).toArray()]);
      });
      // Counted once per revision the writer did not keep a count for (a collection from before it did).
      if (counted) await rememberArticleCount(db, articles, revision);
      return { articleCount: articles, revision, recent: recent.flatMap((record) => (checkStoredArticle(record).ok ? [summaryOf(record)] : [])) };
    },

    indexStatus: () => engine.load(),

    relatedArticles: ({ id }) => relatedArticlesOf(deps, id),
  };
}
