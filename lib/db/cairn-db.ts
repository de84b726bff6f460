import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Article } from '../protocol.ts';
import type { StoredSnapshot } from '../search/snapshot.ts';

/** Small named values: the collection revision, whether the seeds were installed. */
export interface MetaRecord {
  key: string;
  value: unknown;
}

/**
 * Cairn's database. Schema versions are append-only: a new version adds a `this.version(n)`
 * block and never edits an old one, so every installed copy can upgrade.
 */
export class CairnDb extends Dexie {
  articles!: EntityTable<Article, 'id'>;
  snapshots!: Table<StoredSnapshot, StoredSnapshot['key']>;
  meta!: Table<MetaRecord, string>;

  constructor(name = 'cairn', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      articles: '++id, &contentHash, url, importedAt, origin',
      snapshots: 'key',
      meta: 'key',
    });
  }
}
