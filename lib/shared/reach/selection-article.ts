import type { ParsedArticle } from '../../protocol.ts';
import { cleanField } from '../import/clean-field.ts';
import { cleanUrl } from '../import/clean-url.ts';
import { parsePastedText } from '../import/parse-pasted-text.ts';

/** What a selection came to: one article ready to store, or why not, in words for the user. */
export type SelectionArticle = { kind: 'article'; article: ParsedArticle; notes: string[] } | { kind: 'failed'; reason: string };

/**
 * Turns text selected on a page into an article, the way a paste is (same cleaning and limits):
 * the page's title is its title and the page is its source (its address as the URL, its host
 * name as the source). A page without a title gets the selection's first line. The page's
 * title and address are the page's own say, so they are cleaned like any imported field.
 */
export function selectionArticle({ text, pageTitle, pageUrl }: { text: string; pageTitle?: string; pageUrl?: string }): SelectionArticle {
  if (text.trim() === '') return { kind: 'failed', reason: 'There is no selected text to save.' };
  const parsed = parsePastedText(text, cleanField(pageTitle));
  if (parsed.kind === 'failed') return { kind: 'failed', reason: `Cairn could not save the selection. ${parsed.reason}` };
  const article: ParsedArticle = { ...parsed.article };
  const url = cleanUrl(pageUrl);
  if (url) {
    article.url = url;
    article.source ??= new URL(url).hostname;
  }
  return { kind: 'article', article, notes: parsed.notes };
}
