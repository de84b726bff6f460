import type { Article, DamagedArticle } from '../../protocol.ts';
import type { CairnDb } from './cairn-db.ts';
import { readRevision } from './revision.ts';
import { checkStoredArticle } from './stored-article.ts';

export interface CollectionRead {
  /** Every article that passed validation, in key order. */
  articles: Article[];
  /** Every record that did not: kept in the database, left out of what is built from it. */
  damaged: DamagedArticle[];
  revision: number;
}

/** Reads the whole collection and its revision in one transaction, validating every record. */
export async function readCollection(db: CairnDb): Promise<CollectionRead> {
  const [records, revision] = await db.transaction('r', db.articles, db.meta, () =>
    Promise.all([db.articles.toArray() as Promise<unknown[]>, readRevision(db)]),
  );
  const articles: Article[] = [];
  const damaged: DamagedArticle[] = [];
  for (const record of records) {
    const checked = checkStoredArticle(record);
    if (checked.ok) articles.push(checked.article);
    else damaged.push(checked.damaged);
  }
  return { articles, damaged, revision };
}

/**
 * Reads articles by id, validated: a missing or damaged one is `undefined` at its place (damaged
 * ones are reported through `onDamaged`, so the caller can quarantine them).
 */
export async function readArticles(
  db: CairnDb,
  ids: readonly number[],
  onDamaged?: (damaged: DamagedArticle) => void,
): Promise<(Article | undefined)[]> {
  const records = (await db.articles.bulkGet([...ids])) as unknown[];
  return records.map((record, i) => {
    if (record === undefined) return undefined;
    const checked = checkStoredArticle(record, ids[i]);
    if (checked.ok) return checked.article;
    onDamaged?.(checked.damaged);
    return undefined;
  });
}
