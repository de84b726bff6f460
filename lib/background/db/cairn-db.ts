import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Article, ArticleListing, ImportResult } from '../../protocol.ts';
import type { StoredSnapshot } from './stored-snapshot.ts';
import { listingOf } from './listing-of.ts';
import type { ArticleLinks } from '../linking/link-index.ts';
import type { FieldLengthsRow, TermBucketRow, TermIndexRow } from './stored-term-index.ts';

/** Small named values: the collection revision, whether the seeds were installed. */
export interface MetaRecord {
  key: string;
  value: unknown;
}

/** What an import request did, kept for a day so the same request asked again is answered, not repeated. */
export interface BatchRecord {
  id: string;
  /** Milliseconds since the epoch. */
  at: number;
  /** One result per file of the request. */
  results: ImportResult[];
}

/**
 * Cairn's database. Schema versions are append-only: a new version adds a `this.version(n)`
 * block and never edits an old one, so every installed copy can upgrade.
 */
export class CairnDb extends Dexie {
  articles!: EntityTable<Article, 'id'>;
  /** One small row per article (no body), written with it: the library lists 50,000 of these fast. */
  listing!: Table<ArticleListing, number>;
  batches!: Table<BatchRecord, string>;
  snapshots!: Table<StoredSnapshot, StoredSnapshot['key']>;
  meta!: Table<MetaRecord, string>;
  /** What linking mined from each article (its phrases and signature), keyed by the article's id; deleted with it. */
  links!: Table<ArticleLinks, number>;
  /** The search index's postings, one row per bucket of terms and block of article ids (issue 10). */
  termBuckets!: Table<TermBucketRow, [string, number]>;
  /** The field lengths of the articles of one block of ids, for BM25. */
  fieldLengths!: Table<FieldLengthsRow, number>;
  /** The search index's stamp and term dictionary. */
  termIndex!: Table<TermIndexRow, TermIndexRow['key']>;

  constructor(name = 'cairn', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      articles: '++id, &contentHash, url, importedAt, origin',
      snapshots: 'key',
      meta: 'key',
    });
    this.version(2)
      .stores({ listing: 'id', batches: 'id, at' })
      .upgrade(async (tx) => {
        const articles = (await tx.table('articles').toArray()) as Article[];
        await tx.table('listing').bulkPut(articles.map(listingOf));
      });
    // Linking mines each article once into `links` (issue 9); the old collection-wide vocabulary
    // snapshot is dropped.
    this.version(3)
      .stores({ links: 'id' })
      .upgrade(async (tx) => {
        await tx.table('snapshots').delete('linking');
      });
    // The search index is stored term by term (issue 10). The old whole-index snapshot stays
    // until the first load, which sees it, rebuilds from `articles` and deletes it.
    this.version(4).stores({ postings: '[term+block], block', fieldLengths: 'block', termIndex: 'key' });
    // Postings are stored by bucket of terms (`bucketOf`): a fifth of the rows to write. The old
    // rows go; the stamp names an older format, so the first load rebuilds the index.
    this.version(5).stores({ postings: null, termBuckets: '[bucket+block], block' });
  }
}
