/**
 * The contract between every context of Cairn: popup, reader, library, content scripts and the
 * background. Type-only: the runtime validation of each request lives with its handler
 * (`lib/service/`), the transport in `lib/platform/messaging.ts`.
 */

/** Where an article came from. */
export type ArticleOrigin = 'seed' | 'file' | 'page' | 'paste';

/** What a parser makes of one document before it is stored. */
export interface ParsedArticle {
  title: string;
  /** Plain text; paragraphs separated by one blank line ("\n\n"). */
  body: string;
  url?: string;
  source?: string;
  author?: string;
  /** ISO 8601 without a time zone: `2024-04-03` or `2024-04-03T15:30`. */
  publishedAt?: string;
  /** BCP 47 primary language, when it could be told (`en`, `zh`). */
  lang?: string;
}

/** An article as stored in the collection. */
export interface Article extends ParsedArticle {
  id: number;
  origin: ArticleOrigin;
  /** Milliseconds since the epoch. */
  importedAt: number;
  fileName?: string;
  /** SHA-256 (hex) of the normalised body: the same text is never stored twice. */
  contentHash: string;
}

/** The fields a list of articles shows. */
export type ArticleSummary = Pick<
  Article,
  'id' | 'title' | 'source' | 'author' | 'publishedAt' | 'origin' | 'url'
>;

/** A half-open range of UTF-16 offsets into a string. */
export interface TextRange {
  start: number;
  end: number;
}

/** A passage of a body around the best match, with the matched words marked. */
export interface Snippet {
  text: string;
  highlights: TextRange[];
  /** The passage starts after the beginning of the body. */
  truncatedStart: boolean;
  /** The passage stops before the end of the body. */
  truncatedEnd: boolean;
}

export interface SearchHit extends ArticleSummary {
  score: number;
  titleHighlights: TextRange[];
  snippet: Snippet;
}

export interface SearchResult {
  query: string;
  hits: SearchHit[];
  /** How many articles matched, of which `hits` are the best. */
  total: number;
}

export interface CollectionInfo {
  articleCount: number;
  revision: number;
  /** The most recently added articles, newest first. */
  recent: ArticleSummary[];
}

/** How the search index in the background's memory came to be. */
export interface IndexStatus {
  /** Restored from the saved snapshot, or rebuilt from the articles. */
  how: 'restored' | 'rebuilt';
  /** Why it was rebuilt, when it was. */
  reason?: 'missing' | 'stale' | 'corrupt';
  documentCount: number;
  revision: number;
  /** How long loading took, in milliseconds. */
  ms: number;
}

/** Every request a context can make of the background, and what it answers. */
export interface Protocol {
  search(data: { query: string; limit?: number }): SearchResult;
  getArticle(data: { id: number }): Article | null;
  collectionInfo(data: { recentLimit?: number }): CollectionInfo;
  indexStatus(data: Record<string, never>): IndexStatus;
}

export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = Parameters<Protocol[K]>[0];
export type ResponseOf<K extends MessageType> = ReturnType<Protocol[K]>;

/** Who sent a message, as the background sees it (a subset of `runtime.MessageSender`). */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/** A handler for every message: `tsc` fails when one is missing. */
export type Handlers = {
  [K in MessageType]: (data: RequestOf<K>, sender: MessageSender) => Promise<ResponseOf<K>>;
};

export interface RequestEnvelope<K extends MessageType = MessageType> {
  type: K;
  data: RequestOf<K>;
}

/** What travels back: errors cross the boundary as plain data, never as thrown objects. */
export type ResponseEnvelope<T> =
  | { ok: true; value: T }
  | { ok: false; error: { name: string; message: string } };
