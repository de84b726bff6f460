import { parseByline } from '../text/parse-byline.ts';
import type { Metadata } from '../text/metadata.ts';
import { ROLE_WORDS } from '../text/vocabulary.ts';

/** Paragraphs at the top of a body where a byline stands, if anywhere. */
const HEAD_PARAGRAPHS = 3;
/** A byline is a short line; a longer paragraph that starts with "By" is prose. */
const MAX_BYLINE_CHARS = 120;

/**
 * Finds a byline ("By A. Writer", "By Jane Doe | March 3", "Author: Jane Doe") among the first
 * paragraphs of an article's body and takes it out, giving the author (or the agency, as
 * `source`) it names. For pages whose byline is a plain paragraph, which Readability recognises
 * only by class names such as "byline" (issue 11). The body is unchanged when there is none.
 */
export function takeByline(body: string): { body: string; credit?: Pick<Metadata, 'author' | 'source'> } {
  const paragraphs = body.split('\n\n');
  for (const [index, paragraph] of paragraphs.slice(0, HEAD_PARAGRAPHS).entries()) {
    const line = paragraph.trim();
    if (line.length > MAX_BYLINE_CHARS || line.includes('\n')) continue;
    const credit = parseByline(line);
    if (credit?.author === undefined && (credit?.source === undefined || isJobTitle(credit.source))) continue;
    // A body that is nothing but the byline keeps it: an article needs some text.
    if (paragraphs.length === 1) return { body };
    const rest = paragraphs.filter((_, i) => i !== index).join('\n\n');
    return { body: rest, credit: credit.author !== undefined ? { author: credit.author } : { source: credit.source! } };
  }
  return { body };
}

/** "Staff Writer", "Senior Correspondent": a job, not an agency to credit. */
function isJobTitle(phrase: string): boolean {
  return phrase.split(/\s+/).every((word) => ROLE_WORDS.has(word.toLowerCase()));
}
