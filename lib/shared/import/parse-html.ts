import type { FileReading } from './types.ts';
import { ParseError } from '../text/parse-error.ts';
import { articleFromDocument } from './article-from-document.ts';
import { titleFromFileName } from './title-from-file-name.ts';

/**
 * Reads an `.html` / `.htm` file as one article. The text is parsed by `DOMParser` into an inert
 * document (no script runs, nothing loads, nothing is attached to the library page) and the
 * article extracted from it by `articleFromDocument`. A page with no text is skipped.
 */
export function parseHtml(text: string, fileName: string): FileReading {
  const doc = new DOMParser().parseFromString(text, 'text/html');
  try {
    const article = articleFromDocument(doc, { fallbackTitle: titleFromFileName(fileName) });
    return { kind: 'articles', format: 'html', articles: [article], notes: [] };
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    return { kind: 'skipped', reason: 'no text: the page holds no article text' };
  }
}
