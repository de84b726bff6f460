import type { ParsedArticle } from '../../protocol.ts';
import { applyLimits, TOO_LONG } from './apply-limits.ts';
import { articleFromPlainText } from './article-from-plain-text.ts';
import { cleanField } from './clean-field.ts';
import { MAX_ARTICLE_CHARS } from './limits.ts';
import { titleFromText } from './title-from-text.ts';

/** What a paste came to: one article ready to send, or why not. */
export type PastedText = { kind: 'article'; article: ParsedArticle; notes: string[] } | { kind: 'failed'; reason: string };

const INVISIBLE = /[\s\u200b\u2060\ufeff\u00ad]+/g;
/** Pasted text this much longer than the article limit is refused before it is parsed. */
const MAX_PASTE_CHARS = 2 * MAX_ARTICLE_CHARS;

/**
 * Turns text the user pasted into one article. With a `title` from the user, that is the title
 * (and the pasted text's first line is dropped only when it repeats it); without one, the first
 * line is, as in a `.txt` file, and dates, bylines and sources are read from the lines around it.
 * The article is within the limits of `limits.ts`. Empty text, or text with no words, fails with
 * a reason to show beside the paste box.
 */
export function parsePastedText(text: string, title?: string): PastedText {
  // The length first: it costs nothing, the whitespace test reads the whole text.
  if (text.length > MAX_PASTE_CHARS) return { kind: 'failed', reason: `The text is ${TOO_LONG}.` };
  if (text.replace(INVISIBLE, '') === '') return { kind: 'failed', reason: 'Nothing to add: the text is empty.' };
  const given = cleanField(title);
  const firstLine = text.trimStart().split('\n', 1)[0]?.trim() ?? '';
  const withTitle = given === undefined || sameTitle(firstLine, given) ? text : `${given}\n\n${text}`;
  const article = articleFromPlainText(withTitle, given ?? titleFromText(text) ?? 'Untitled');
  if (article === undefined) return { kind: 'failed', reason: 'Nothing to add: the text is empty.' };
  if (given !== undefined) article.title = given;
  const limited = applyLimits([article], article.title);
  const [kept] = limited.articles;
  if (kept === undefined) return { kind: 'failed', reason: `The text is ${limited.dropped ?? 'empty'}.` };
  return { kind: 'article', article: kept, notes: limited.notes };
}

function sameTitle(line: string, title: string): boolean {
  return line.replace(/\s+/g, ' ').toLowerCase() === title.toLowerCase();
}
