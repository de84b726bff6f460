import * as v from 'valibot';
import { parsedArticleSchema } from '../../shared/import/article-schemas.ts';
import { selectionArticle } from '../../shared/reach/selection-article.ts';
import type { CollectionWriter } from '../collection-writer.ts';

/** What became of "Save selection to Cairn", in words the page notice shows. */
export type SaveSelectionResult =
  | { outcome: 'added'; id: number; title: string; message: string }
  | { outcome: 'duplicate'; id: number; title: string; message: string }
  | { outcome: 'failed'; message: string };

/**
 * Stores text selected on a page as an article: cleaned and limited as a paste is, checked again
 * against the schema every import passes, and written by the one writer. The same text twice is
 * a duplicate; another selection from the same page is a new article (the page's address is not
 * matched, or a page could hold one selection only).
 */
export async function saveSelection(
  writer: CollectionWriter,
  selection: { text: string; pageTitle?: string; pageUrl?: string },
): Promise<SaveSelectionResult> {
  const made = selectionArticle(selection);
  if (made.kind === 'failed') return { outcome: 'failed', message: made.reason };
  const checked = v.safeParse(parsedArticleSchema, made.article);
  if (!checked.success) return { outcome: 'failed', message: `Cairn could not save the selection: ${checked.issues[0].message}.` };
  const { title } = checked.output;
  try {
    const result = await writer.add([{ ...checked.output, origin: 'page' }], { matchUrls: false });
    const added = result.added[0];
    if (added !== undefined) {
      const notes = made.notes.length > 0 ? ` (${made.notes.join('; ')})` : '';
      return { outcome: 'added', id: added, title, message: `Saved to Cairn: “${title}”${notes}` };
    }
    return { outcome: 'duplicate', id: result.duplicateOf[0]!, title, message: 'This text is already in your Cairn collection.' };
  } catch (error) {
    return { outcome: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
