import type { CairnDb } from './db/cairn-db.ts';
import { checkStoredArticle } from './db/stored-article.ts';
import type { SavedPage } from '../protocol.ts';
import { documentUrl } from '../shared/linking/document-url.ts';

/**
 * The article of the collection saved from the page at `pageUrl` (the address the browser gives
 * for the frame, never one the page sends), compared as documents (`documentUrl`: normalised as
 * the importer stores addresses, fragments ignored). Damaged records are passed over.
 */
export async function savedArticleAt(db: CairnDb, pageUrl: string | undefined): Promise<SavedPage | null> {
  const page = documentUrl(pageUrl);
  if (page === undefined) return null;
  // Every stored address that is this page's, with or without a fragment, sorts in this range.
  const records = (await db.articles.where('url').between(page, `${page}#\uffff`, true, true).toArray()) as unknown[];
  for (const record of records) {
    const checked = checkStoredArticle(record);
    if (checked.ok && documentUrl(checked.article.url) === page) return { id: checked.article.id, title: checked.article.title };
  }
  return null;
}
