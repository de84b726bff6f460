import * as v from 'valibot';
import { backupArticleSchema, fieldSchema, linkingSettingsSchema, parsedArticleSchema, tagsSchema } from '../shared/import/article-schemas.ts';
import { MAX_ARTICLES_PER_FILE, MAX_FIELD_CHARS } from '../shared/import/limits.ts';
import { backupOf } from './db/backup-of.ts';
import { validListings } from './db/listing-schema.ts';
import { checkStoredArticle } from './db/stored-article.ts';
import { checkArticles } from './check-articles.ts';
import { readRevision } from './db/revision.ts';
import type { Handlers, PageImportResult, ParsedArticle, SenderKind } from '../protocol.ts';
import type { CollectionWriter } from './collection-writer.ts';
import type { NewArticle } from './store-articles.ts';
import { parseSeeds, type SeedFile } from './install-seeds.ts';
import type { BrowserEffects, SettingsStore } from './linking-stores.ts';
import { RequestError } from './request-error.ts';
import type { SearchEngine } from './search-engine.ts';
import type { CairnDb } from './db/cairn-db.ts';

/** Articles one restore request may carry (the library sends 500). */
const MAX_RESTORE_BATCH = 5_000;
const MAX_EXPORT_PAGE = 2_000;
const MAX_DELETE = 100_000;
/** Files one `importFiles` request may carry (the library sends up to 500 small ones). */
const MAX_FILES_PER_REQUEST = 1_000;

const id = v.pipe(v.number(), v.integer(), v.minValue(1));
const batchId = v.pipe(v.string(), v.minLength(8), v.maxLength(100));
// Strips bidirectional controls from the editor's title, source and author (Cairn issue 8).
const optionalField = v.optional(fieldSchema('a field'));

export const LIBRARY_SCHEMAS = {
  importArticles: v.strictObject({
    batchId,
    origin: v.picklist(['file', 'paste']),
    fileName: optionalField,
    articles: v.pipe(
      v.array(parsedArticleSchema),
      v.minLength(1, 'There is nothing to import.'),
      v.maxLength(MAX_ARTICLES_PER_FILE, `One file can hold at most ${MAX_ARTICLES_PER_FILE.toLocaleString('en')} articles.`),
    ),
  }),
  importFiles: v.strictObject({
    batchId,
    files: v.pipe(
      v.array(
        v.strictObject({
          fileName: v.pipe(v.string(), v.maxLength(MAX_FIELD_CHARS, `a file name is longer than ${MAX_FIELD_CHARS.toLocaleString('en')} characters`)),
          // Each article is checked on its own by the handler (`checkArticles`): one bad row is
          // refused alone, and the rest of the batch is stored.
          articles: v.pipe(v.array(v.unknown()), v.minLength(1, 'a file has nothing to import')),
        }),
      ),
      v.minLength(1, 'There is nothing to import.'),
      v.maxLength(MAX_FILES_PER_REQUEST, `At most ${MAX_FILES_PER_REQUEST} files can be stored at once.`),
      v.check(
        (files) => files.reduce((sum, file) => sum + file.articles.length, 0) <= MAX_ARTICLES_PER_FILE,
        `At most ${MAX_ARTICLES_PER_FILE.toLocaleString('en')} articles can be stored at once.`,
      ),
    ),
  }),
  importPage: v.strictObject({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  listArticles: v.strictObject({}),
  searchIds: v.strictObject({ query: v.pipe(v.string(), v.maxLength(500, 'A search can be at most 500 characters long.')) }),
  updateArticle: v.strictObject({
    id,
    changes: v.strictObject({
      title: optionalField,
      source: optionalField,
      author: optionalField,
      publishedAt: v.optional(v.union([v.literal(''), parsedArticleSchema.entries.publishedAt.wrapped])),
      tags: v.optional(tagsSchema),
    }),
  }),
  deleteArticles: v.strictObject({ ids: v.pipe(v.array(id), v.maxLength(MAX_DELETE)) }),
  restoreArticles: v.strictObject({ batchId, articles: v.pipe(v.array(backupArticleSchema), v.maxLength(MAX_RESTORE_BATCH)) }),
  exportArticles: v.strictObject({
    afterId: v.pipe(v.number(), v.integer(), v.minValue(0)),
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_EXPORT_PAGE)),
  }),
  restoreSettings: v.strictObject({ settings: linkingSettingsSchema }),
  restoreDefaultSeeds: v.strictObject({}),
  deleteDamagedArticles: v.strictObject({
    ids: v.pipe(v.array(v.union([id, v.pipe(v.string(), v.maxLength(1_000))])), v.maxLength(MAX_DELETE)),
  }),
};

type LibraryMessage = keyof typeof LIBRARY_SCHEMAS;

/** The library is an extension page; no web page may read or change the collection. */
const PAGES: readonly SenderKind[] = ['extension-page'];
export const LIBRARY_SENDERS: Record<LibraryMessage, readonly SenderKind[]> = {
  importArticles: PAGES,
  importFiles: PAGES,
  importPage: PAGES,
  listArticles: PAGES,
  searchIds: PAGES,
  updateArticle: PAGES,
  deleteArticles: PAGES,
  restoreArticles: PAGES,
  exportArticles: PAGES,
  restoreSettings: PAGES,
  restoreDefaultSeeds: PAGES,
  deleteDamagedArticles: PAGES,
};

export interface LibraryDeps {
  db: CairnDb;
  engine: SearchEngine;
  writer: CollectionWriter;
  settings: SettingsStore;
  effects: BrowserEffects;
  seeds: SeedFile[];
  parseSeed: (text: string) => ParsedArticle;
}

/** What a page gave when asked for its article: checked like any other import. */
const pageArticleSchema = v.strictObject({ ...parsedArticleSchema.entries, url: parsedArticleSchema.entries.url.wrapped });

/**
 * Adds the article of a tab's page. Shared by the popup's button (a request) and the context
 * menu (called by the background directly).
 */
export async function importPageOf(deps: Pick<LibraryDeps, 'effects' | 'writer'>, tabId: number): Promise<PageImportResult> {
  let raw: unknown;
  try {
    raw = await deps.effects.extractArticle(tabId);
  } catch {
    throw new RequestError('Cairn cannot read this page. Browser pages, the extension store and some other pages do not allow extensions to read them.');
  }
  if (raw === null || raw === undefined) throw new RequestError('Cairn found no article text on this page.');
  const parsed = v.safeParse(pageArticleSchema, raw);
  if (!parsed.success) throw new RequestError(`Cairn could not add this page: ${parsed.issues[0].message}.`);
  const article = parsed.output;
  const result = await deps.writer.add([{ ...article, origin: 'page' }], { matchUrls: true });
  const added = result.added[0];
  if (added !== undefined) return { outcome: 'added', id: added, title: article.title };
  return { outcome: 'duplicate', id: result.duplicateOf[0]!, title: article.title };
}

export function createLibraryHandlers(deps: LibraryDeps): Pick<Handlers, LibraryMessage> {
  const { db, engine, writer, settings, effects, seeds, parseSeed } = deps;
  return {
    importArticles: ({ batchId, origin, fileName, articles }) =>
      writer.add(stamped(articles, origin, fileName), { batchId, matchUrls: true }),

    async importFiles({ batchId, files }) {
      const checked = files.map(({ articles }) => checkArticles(articles));
      const results = await writer.addFiles(
        checked.map(({ valid }, k) => stamped(valid, 'file', files[k]!.fileName)),
        { batchId, matchUrls: true },
      );
      // The refusals follow from the request alone, so a repeated batch id gives the same answer.
      return results.map((result, k) => (checked[k]!.refused.length > 0 ? { ...result, refused: checked[k]!.refused } : result));
    },

    importPage: ({ tabId }) => importPageOf(deps, tabId),

    listArticles: () =>
      db.transaction('r', db.listing, db.meta, async () => ({
        articles: validListings(await db.listing.toArray()),
        revision: await readRevision(db),
      })),

    searchIds: async ({ query }) => ({ ids: await engine.searchIds(query) }),

    updateArticle: ({ id, changes }) => writer.update(id, changes),

    deleteArticles: async ({ ids }) => ({ deleted: await writer.remove(ids) }),

    restoreArticles: ({ batchId, articles }) => writer.add(articles, { batchId, matchUrls: false }),

    async exportArticles({ afterId, limit }) {
      const page = await db.articles.where(':id').above(afterId).limit(limit + 1).toArray();
      const articles = page.slice(0, limit).map(backupOf);
      return { articles, done: page.length <= limit };
    },

    async restoreSettings({ settings: next }) {
      await settings.set(next);
      await effects.rescan();
      return next;
    },

    restoreDefaultSeeds: () => writer.add(parseSeeds(seeds, parseSeed), { matchUrls: false }),

    async deleteDamagedArticles({ ids }) {
      // Only what is still damaged: a record repaired or replaced since the list was shown stays.
      const records = (await db.articles.bulkGet(ids as number[])) as unknown[];
      const damaged = ids.filter((key, i) => records[i] !== undefined && !checkStoredArticle(records[i], key).ok);
      if (damaged.length === 0) return { deleted: 0 };
      return { deleted: (await writer.remove(damaged as number[])).length };
    },
  };
}

/** Imported articles with where they came from. */
function stamped(articles: ParsedArticle[], origin: 'file' | 'paste', fileName: string | undefined): NewArticle[] {
  return articles.map((article) => ({ ...article, origin, ...(fileName ? { fileName } : {}) }));
}
