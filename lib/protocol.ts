/**
 * The contract between every context of Cairn: popup, reader, library, content scripts and the
 * background. Type-only: the runtime validation of each request lives with its handler
 * (`lib/background/`), the transport in `lib/platform/messaging.ts`.
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
  /** The user's own labels, set in the library or carried by an import. */
  tags?: string[];
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

/** One row of the library: everything it shows, sorts and filters by, without the body. */
export interface ArticleListing extends ArticleSummary {
  importedAt: number;
  /** Length of the body, in characters. */
  size: number;
  tags: string[];
  fileName?: string;
}

/** What the library can change about an article (empty strings clear a field). */
export interface ArticleChanges {
  title?: string;
  source?: string;
  author?: string;
  publishedAt?: string;
  tags?: string[];
}

/** What one batch of imported articles (one file, one page, one paste) came to. */
export interface ImportResult {
  /** Ids of the articles stored, in the order given. */
  added: number[];
  /** How many were already in the collection (same text, or same URL). */
  duplicates: number;
  /** The id of the article each duplicate matched, in the order given. */
  duplicateOf: number[];
  /**
   * Articles of an `importFiles` file the background refused on their own (a tampered page, a
   * bug), by position in the file's list; the file's other articles are stored all the same.
   */
  refused?: RefusedArticle[];
}

/** An article the background would not store, and why, in words a user can act on. */
export interface RefusedArticle {
  /** Its position in the list it was sent in, from 0. */
  index: number;
  reason: string;
}

/** An article as written to and read from a Cairn backup file. */
export type BackupArticle = Omit<Article, 'contentHash'>;

/** The result of adding the current page. */
export type PageImportResult =
  | { outcome: 'added'; id: number; title: string }
  | { outcome: 'duplicate'; id: number; title: string };

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
  /**
   * `total` counts only the articles checked so far: a phrase or filter search stops checking
   * after enough matches, so more may match. Absent when `total` is exact.
   */
  totalAtLeast?: true;
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
  /** Stored articles that failed validation: kept in the database, left out of search and linking. */
  damaged: DamagedArticle[];
  /** What the search index holds in the background's memory (issue 10). */
  memory?: IndexMemory;
}

/** What linking knows of its own progress, for the library's storage panel (and the tests). */
export interface LinkingStatus {
  /** Articles whose phrases are in the index. */
  indexed: number;
  /** Articles waiting to be mined (an import in progress, or a worker that restarted mid-way). */
  pending: number;
}

/** The search index in the background's memory, as the library's storage panel shows it. */
export interface IndexMemory {
  /** Distinct terms in the dictionary. */
  terms: number;
  /** Estimated bytes of what is always kept: the dictionary and every article's field lengths. */
  keptBytes: number;
  /** Bytes of decoded postings cached now, and the most the cache holds. */
  cachedBytes: number;
  cacheLimit: number;
}

/** A stored article that Cairn cannot read (quarantined), as the library's storage panel lists it. */
export interface DamagedArticle {
  /** Its key in the database (a number unless the record itself is broken). */
  id: number | string;
  /** Its title, when that much is readable. */
  title?: string;
  /** What is wrong with it, e.g. `the text: expected a string`. */
  reason: string;
}

/** Why Cairn stays silent on a page. */
export type QuietReason = 'paused' | 'site-off' | 'sensitive' | 'empty-collection';

/**
 * What a content script needs to scan a page, or why it should not. It gets no vocabulary: it
 * reports the hashes of its page's n-grams and the background answers which are phrases.
 */
export type LinkingData =
  | {
      enabled: true;
      /** Highlight as soon as the page is idle, or only when the user asks (keyboard shortcut). */
      highlightMode: HighlightMode;
      /** Paint with the CSS Custom Highlight API instead of the closed overlay (`LinkingSettings.useHighlightApi`). */
      useHighlightApi?: boolean;
      /**
       * This browser's word-break profile, worked out once by the background
       * (`lib/shared/text/scan-words.ts`), so the page need not create an `Intl.Segmenter` for it.
       */
      wordScanner?: { probed: number[]; agrees: boolean };
    }
  | { enabled: false; reason: QuietReason };

export type HighlightMode = 'auto' | 'on-demand';

/**
 * The n-grams of a page that could be phrases, as numbers (`lib/page/page-reader.ts`): parallel
 * lists of key hashes (`keyHash`), how often each occurs, and where it first does, in thousandths
 * of the text read (0 = top). The first `unigrams` keys are single words, the page's terms.
 */
export interface PageNgrams {
  keys: number[];
  unigrams: number;
  counts: number[];
  firsts: number[];
}

/** What a content script tells the background about a page: hashes and counts, no page text. */
export interface PageReport {
  ngrams: PageNgrams;
  /** Characters of visible text scanned. */
  textLength: number;
  /** The scan stopped at its budget (characters or work time): only the page's beginning was read. */
  readInPart?: boolean;
  /**
   * Absent for a scan from the page's beginning, which replaces what the tab showed. On a long
   * page read in part, 1, 2, … for each further part the reader scrolled to, read within the same
   * budgets: what it relates to is added to what the tab shows.
   */
  part?: number;
}

/** An article related to a page, with the phrases that linked it (their labels). */
export interface RelatedArticle extends ArticleSummary {
  score: number;
  phrases: string[];
}

/** The background's answer to a page report. */
export interface PageLinks {
  related: RelatedArticle[];
  /** The key hashes of the phrases to highlight: only those that link to a related article. */
  highlight: number[];
}

/** The article of the collection that was saved from a page. */
export interface SavedPage {
  id: number;
  title: string;
}

/** The other articles of the collection that share phrases with one article, best first. */
export interface ArticleRelations {
  /** Each with the shared phrases, as the article itself labels them. */
  related: RelatedArticle[];
  /** The article's phrases are not mined yet (a large import still under way): ask again later. */
  pending?: true;
}

/** What the popup and side panel show for a tab. */
export interface TabLinks {
  tabId: number;
  /** The site (host name) of the page, when a content script reported from it. */
  site?: string;
  related: RelatedArticle[];
  /** Set when Cairn is silent on the tab on purpose. */
  quiet?: QuietReason;
  /** The page was longer than the scan's budget: what relates was found in the parts read only. */
  readInPart?: boolean;
  /** How many further parts of a long page were read as the reader scrolled to them (see `PageReport.part`). */
  partsRead?: number;
  /** The page itself is in the collection (its address is an article's): never listed as related to itself. */
  saved?: SavedPage;
}

/** The hover card of a highlighted phrase. */
export interface PhraseCard {
  label: string;
  articles: (ArticleSummary & { passage: Snippet })[];
}

export interface LinkingSettings {
  paused: boolean;
  highlightMode: HighlightMode;
  /** Host names where the user turned Cairn off. */
  sitesOff: string[];
  /** Sensitive host names (banks, mail…) where the user turned Cairn on anyway. */
  sensitiveSitesOn: string[];
  /** Phrase keys the user muted, with their labels for the list. */
  mutedPhrases: { key: string; label: string }[];
  /**
   * Paint highlights with the CSS Custom Highlight API: faster, but the page's own scripts can
   * read which phrases are highlighted. Default false: a closed overlay the page cannot read.
   */
  useHighlightApi?: boolean;
}

/** Every request a context can make of the background, and what it answers. */
export interface Protocol {
  search(data: { query: string; limit?: number }): SearchResult;
  getArticle(data: { id: number }): Article | null;
  collectionInfo(data: { recentLimit?: number }): CollectionInfo;
  indexStatus(data: Record<never, never>): IndexStatus;
  /** The reader's "Related in your collection": the articles that share the most phrases with article `id`. */
  relatedArticles(data: { id: number }): ArticleRelations;

  // Linking: content scripts ask about their own frame only; the background reads the tab, the
  // frame and its site from the sender, never from the message.
  linkingData(data: Record<never, never>): LinkingData;
  /**
   * Which of a page's words (single-word key hashes) occur in some phrase of the collection:
   * indices into `keys`. The page then hashes longer n-grams only where such words meet.
   */
  phraseWords(data: { keys: number[] }): { words: number[] };
  reportPage(data: PageReport): PageLinks;
  phraseCard(data: { phrase: number }): PhraseCard | null;
  /** `phrase`: the card's phrase (key hash), marked in the reader. */
  openArticle(data: { id: number; phrase?: number }): null;
  mutePhrase(data: { phrase: number }): null;
  /**
   * From a content script: the site of the frame that asks, and only from a tab's top frame (an
   * embedded frame of another site never switches the page around it); it may not name a tab.
   * From an extension page: the site of `tabId`'s page.
   */
  setSiteEnabled(data: { enabled: boolean; tabId?: number }): null;

  // Extension pages (popup, side panel, library).
  relatedForTab(data: { tabId: number }): TabLinks;
  linkingSettings(data: Record<never, never>): LinkingSettings;
  /** How far linking has got with the collection: articles mined and left to mine. */
  linkingStatus(data: Record<never, never>): LinkingStatus;
  updateLinkingSettings(data: { paused?: boolean; highlightMode?: HighlightMode; useHighlightApi?: boolean; unmute?: string[] }): LinkingSettings;

  // The library (extension pages only). Files are parsed in the page; the background checks what
  // it receives again and writes each batch in one transaction.
  /**
   * Stores one file's (or one paste's) articles: all or nothing. Asking again with the same
   * `batchId` (after the worker stopped before it answered) answers what the first request did.
   */
  importArticles(data: { batchId: string; origin: 'file' | 'paste'; fileName?: string; articles: ParsedArticle[] }): ImportResult;
  /**
   * Stores a batch of articles, from several small files or a part of a big one, in one
   * transaction (an import of thousands of notes would otherwise spend its time on one round trip
   * and one commit per file), with one result per file. Each article is checked on its own
   * against the same schema as `importArticles`: one that fails is listed in its file's `refused`
   * and the others are stored, so one bad row never sinks the batch. Each article is stored whole
   * or not at all. Asking again with the same `batchId` answers what the first request did.
   */
  importFiles(data: { batchId: string; files: { fileName: string; articles: unknown[] }[] }): ImportResult[];
  /** Extracts the article of tab `tabId` (a clone of its DOM, never the live page) and stores it. */
  importPage(data: { tabId: number }): PageImportResult;
  /** Every article, without bodies, and the revision it was read at. */
  listArticles(data: Record<never, never>): { articles: ArticleListing[]; revision: number };
  /** The ids of every article matching `query`, best first (the library's search box). */
  searchIds(data: { query: string }): { ids: number[] };
  updateArticle(data: { id: number; changes: ArticleChanges }): ArticleListing;
  /** Deletes articles; answers with them whole so the library can undo. */
  deleteArticles(data: { ids: number[] }): { deleted: BackupArticle[] };
  /**
   * Puts back articles from a backup or an undo, keeping their ids, dates and origin where the id
   * is free. Text already in the collection is counted as a duplicate, not stored twice.
   */
  restoreArticles(data: { batchId: string; articles: BackupArticle[] }): ImportResult;
  /** A page of the collection for a backup, in id order, after `afterId`. */
  exportArticles(data: { afterId: number; limit: number }): { articles: BackupArticle[]; done: boolean };
  /** Replaces the linking settings with those of a backup. */
  restoreSettings(data: { settings: LinkingSettings }): LinkingSettings;
  /** Adds back the default articles that are missing. */
  restoreDefaultSeeds(data: Record<never, never>): ImportResult;
  /** Deletes the given records if they are still damaged (see `IndexStatus.damaged`); answers how many went. */
  deleteDamagedArticles(data: { ids: (number | string)[] }): { deleted: number };
}

/**
 * Every message the background sends of its own accord, and what it carries. Extension pages hear
 * the broadcast ones; content scripts hear those sent to their tab. Receivers validate each one
 * (`onBackgroundEvent` in `lib/platform/messaging.ts`) and ignore anything else.
 */
export interface BackgroundEvents {
  /** To extension pages: what Cairn knows about a tab (its related articles, its quiet reason) changed. */
  tabLinksChanged: { tabId: number };
  /** To extension pages: articles were added, changed or deleted. */
  collectionChanged: { revision: number };
  /** To a tab's content scripts: settings or the vocabulary changed, scan the page again. */
  rescan: Record<never, never>;
  /**
   * To a tab's content scripts: the user pressed the highlights shortcut. Shown highlights hide;
   * hidden ones (on-demand mode, or hidden by an earlier press) show.
   */
  toggleHighlights: Record<never, never>;
  /**
   * To a tab's top frame: the user asked for the next or previous highlight. The page scrolls to
   * it and opens its card (showing the highlights first if they were hidden).
   */
  stepHighlight: { direction: 'next' | 'previous' };
}

export type BackgroundEventType = keyof BackgroundEvents;

/** What travels from the background: `event` names it, so it is never mistaken for a request. */
export type BackgroundEvent<K extends BackgroundEventType = BackgroundEventType> = {
  [P in K]: { event: P; data: BackgroundEvents[P] };
}[K];

export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = Parameters<Protocol[K]>[0];
export type ResponseOf<K extends MessageType> = ReturnType<Protocol[K]>;

/** Who sent a message, as the background sees it (a subset of `runtime.MessageSender`). */
export interface MessageSender {
  id?: string;
  /** The address of the document (frame) that sent the message. */
  url?: string;
  /** That document's origin, as the browser saw it (Chrome; Firefox leaves it out). */
  origin?: string;
  /** The tab it runs in; `url` is the tab's top-level page. */
  tab?: { id?: number; url?: string };
  /** 0 for a tab's top-level document, another number for a frame inside it. */
  frameId?: number;
}

/** Who may send a message: extension pages (popup, reader, side panel) or content scripts. */
export type SenderKind = 'extension-page' | 'content-script';

/** A sender after the background checked it. */
export interface CheckedSender extends MessageSender {
  kind: SenderKind;
}

/** A handler for every message: `tsc` fails when one is missing. */
export type Handlers = {
  [K in MessageType]: (data: RequestOf<K>, sender: CheckedSender) => Promise<ResponseOf<K>>;
};

export interface RequestEnvelope<K extends MessageType = MessageType> {
  type: K;
  data: RequestOf<K>;
}

/** What travels back: errors cross the boundary as plain data, never as thrown objects. */
export type ResponseEnvelope<T> =
  | { ok: true; value: T }
  | { ok: false; error: { name: string; message: string } };
