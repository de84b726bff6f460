import type { ParsedArticle } from '../../protocol.ts';
import { classifyBoilerplate } from './classify-boilerplate.ts';
import { detectLanguage } from './detect-language.ts';
import { findRelatedSection } from './find-related-section.ts';
import { fillMissing, type Metadata } from './metadata.ts';
import { normalizeLines } from './normalize-lines.ts';
import { noticeSource } from './notice-source.ts';
import { ParseError } from './parse-error.ts';
import { readHeader } from './read-header.ts';
import { stripInlineNotices } from './strip-inline-notices.ts';
import { stripTailChrome } from './strip-tail-chrome.ts';

/**
 * Turns one news article copied from a web page (plain text, title on the first line) into an
 * article: title, body paragraphs joined by a blank line, and what the page said about it
 * (source, author, publication date, URL, language). Web boilerplate is removed by general rules,
 * in this order:
 * 1. header: date lines, bylines and names around the title become metadata (`readHeader`);
 * 2. notices glued to the end of a paragraph are trimmed off it;
 * 3. a "Related articles" / "You may also like" section and everything after it is cut;
 * 4. lines of page furniture are dropped anywhere: buttons and widgets, reading times,
 *    "(Also Read: …)" cross-references, copyright/reprint/disclaimer notices (the publication
 *    a notice names is kept as a fallback source), tag lists;
 * 5. short non-sentence lines after the last sentence are cut, their byline kept.
 * Throws `ParseError` when the text has no title or no body.
 */
export function parseScrapedArticle(text: string): ParsedArticle {
  const lines = normalizeLines(text);
  if (lines.length === 0) {
    throw new ParseError(
      'parse-scraped-article: the text is empty. Paste or import an article with its title on the first line and its text below.',
    );
  }
  const header = readHeader(lines);
  if (header === undefined) {
    throw new ParseError(
      'parse-scraped-article: no title found; every line looks like page furniture (buttons, dates, notices). Check that the article text was copied.',
    );
  }
  const metadata: Metadata = { ...header.metadata };
  const rest = lines.slice(header.end).map(stripInlineNotices).filter((line) => line !== '');
  for (const line of rest) {
    if (classifyBoilerplate(line) === 'notice') fillMissing(metadata, { source: noticeSource(line) });
  }
  const article = rest
    .slice(0, findRelatedSection(rest) ?? rest.length)
    .filter((line) => classifyBoilerplate(line) === undefined);
  const tail = stripTailChrome(article);
  fillMissing(metadata, tail.metadata);

  const paragraphs = [...header.lede, ...tail.lines];
  if (paragraphs.length === 0) {
    throw new ParseError(
      `parse-scraped-article: "${header.title}" has a title but no body: nothing below it reads as article text. Copy the whole article, not only its headline.`,
    );
  }
  const body = paragraphs.join('\n\n');
  return withoutEmptyFields({
    title: header.title,
    body,
    ...metadata,
    lang: detectLanguage(`${header.title}\n${body}`),
  });
}

/** Leaves out fields that were not found, so the result has no `source: undefined` keys. */
function withoutEmptyFields(article: ParsedArticle): ParsedArticle {
  return Object.fromEntries(Object.entries(article).filter(([, value]) => value !== undefined)) as ParsedArticle;
}
