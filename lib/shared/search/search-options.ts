import type { Options } from 'minisearch';
import { tokenize } from '../text/tokenize.ts';
import { indexTerm } from './index-terms.ts';

/** The fields of an article that MiniSearch indexes. */
export interface IndexedDocument {
  id: number;
  title: string;
  body: string;
  source?: string;
  author?: string;
}

/**
 * Bump when anything that changes the index content changes (fields, tokenizer, stop words,
 * stemming): snapshots stamped with another version are rebuilt instead of trusted.
 */
export const INDEX_FORMAT_VERSION = 1;

const FIELDS = ['title', 'body', 'source', 'author'] as const;

/** Title words weigh most; a match in the source or author name beats one in the body. */
export const FIELD_BOOSTS = { title: 3, source: 1.5, author: 1.5, body: 1 } as const;

/**
 * The one options object used to build, load and query the index. Nothing is stored in the
 * index but ids: titles, snippets and metadata come from the database, which keeps the snapshot
 * small.
 */
export const SEARCH_OPTIONS: Options<IndexedDocument> = {
  idField: 'id',
  fields: [...FIELDS],
  storeFields: [],
  tokenize: (text) => tokenize(text).map((token) => token.term),
  processTerm: (term) => indexTerm(term),
};

/** Identifies the options a snapshot was built with. */
export const SEARCH_OPTIONS_ID = `v${INDEX_FORMAT_VERSION}:${FIELDS.join(',')}`;
