import type { CairnDb } from './cairn-db.ts';

const KEY = 'revision';
/** The number of stored articles, and the revision it was true at. */
const COUNT_KEY = 'articleCount';

/** The collection revision: bumped in the same transaction as every change to `articles`. */
export async function readRevision(db: CairnDb): Promise<number> {
  const record = await db.meta.get(KEY);
  return typeof record?.value === 'number' ? record.value : 0;
}

/**
 * Call inside a read-write transaction that includes `meta`. With `articlesAdded` (negative for
 * removals), the article count kept beside the revision follows the change; without it, the
 * count is left behind and `readArticleCount` counts the table again.
 */
export async function bumpRevision(db: CairnDb, articlesAdded?: number): Promise<number> {
  const [current, record] = await Promise.all([readRevision(db), db.meta.get(COUNT_KEY)]);
  const counted = record?.value;
  const next = current + 1;
  await db.meta.put({ key: KEY, value: next });
  if (articlesAdded !== undefined && isCount(counted) && counted.revision === current) {
    await db.meta.put({ key: COUNT_KEY, value: { articles: counted.articles + articlesAdded, revision: next } });
  }
  return next;
}

/**
 * How many articles are stored, inside a transaction with `meta` and `articles`: the count the
 * writer keeps when it is for `revision`, otherwise counted (Chromium reads every row for that,
 * 300–400 ms at 50,000 articles) and answered as `counted`, for `rememberArticleCount`.
 */
export async function readArticleCount(db: CairnDb, revision: number): Promise<{ articles: number; counted: boolean }> {
  const record = (await db.meta.get(COUNT_KEY))?.value;
  if (isCount(record) && record.revision === revision) return { articles: record.articles, counted: false };
  return { articles: await db.articles.count(), counted: true };
}

/** Keeps a count taken at `revision`, unless the collection has moved on since. */
export async function rememberArticleCount(db: CairnDb, articles: number, revision: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    if ((await readRevision(db)) === revision) await db.meta.put({ key: COUNT_KEY, value: { articles, revision } });
  });
}

function isCount(value: unknown): value is { articles: number; revision: number } {
  const { articles, revision } = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return Number.isInteger(articles) && (articles as number) >= 0 && typeof revision === 'number';
}
