/**
 * Size limits of imports, shared by the library page (which refuses early, before reading) and
 * the background (which checks again what it receives). The README and the library page state
 * them; change them together.
 */

/** Largest file read, in bytes (50 MiB): larger ones are skipped without being read. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Largest Cairn backup file, in bytes (1 GiB): backups of big collections are big. */
export const MAX_BACKUP_BYTES = 1024 * 1024 * 1024;

/** Longest article body, in characters (about 400 pages of a book). */
export const MAX_ARTICLE_CHARS = 1_000_000;

/** Longest title, source, author or file name, in characters. */
export const MAX_FIELD_CHARS = 1_000;

/** Longest URL, in characters. */
export const MAX_URL_CHARS = 4_096;

/** Most tags on one article, and the longest tag. */
export const MAX_TAGS = 50;
export const MAX_TAG_CHARS = 100;

/** Most articles one file may hold. */
export const MAX_ARTICLES_PER_FILE = 100_000;
