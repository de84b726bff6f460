import type { ParsedArticle } from '../../protocol.ts';
import { detectLanguage } from '../text/detect-language.ts';
import { normalizeLines } from '../text/normalize-lines.ts';
import { ParseError } from '../text/parse-error.ts';
import { parseScrapedArticle } from '../text/parse-scraped-article.ts';

/** A first line longer than this is a paragraph, not a title. */
const MAX_TITLE_LINE = 300;

/**
 * Reads plain text (a `.txt` file, a paste) the way the default collection was read: title on
 * the first line, dates, bylines and sources around it taken as metadata, web boilerplate left
 * out (`parseScrapedArticle`). Text that does not have that shape is still the user's document
 * and is kept whole under `fallbackTitle`: a single line, lines that all look like page
 * furniture, or a first line too long to be a title. Undefined when there is no text at all.
 */
export function articleFromPlainText(text: string, fallbackTitle: string): ParsedArticle | undefined {
  try {
    const article = parseScrapedArticle(text);
    if (article.title.length <= MAX_TITLE_LINE) return article;
    return { ...article, title: fallbackTitle, body: `${article.title}\n\n${article.body}` };
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
  }
  const lines = normalizeLines(text);
  if (lines.length === 0) return undefined;
  const body = lines.join('\n\n');
  const lang = detectLanguage(body);
  return lang === undefined ? { title: fallbackTitle, body } : { title: fallbackTitle, body, lang };
}
