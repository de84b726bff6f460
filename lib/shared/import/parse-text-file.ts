import type { FileReading } from './types.ts';
import { articleFromPlainText } from './article-from-plain-text.ts';
import { titleFromFileName } from './title-from-file-name.ts';

/**
 * Reads a `.txt` file as one article (see `articleFromPlainText`); the file's name is the title
 * when the text has none. A file with no text is skipped as "empty".
 */
export function parseTextFile(text: string, fileName: string): FileReading {
  const article = articleFromPlainText(text, titleFromFileName(fileName));
  if (article === undefined) return { kind: 'skipped', reason: 'empty' };
  return { kind: 'articles', format: 'txt', articles: [article], notes: [] };
}
