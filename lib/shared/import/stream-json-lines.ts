import type { ParsedArticle } from '../../protocol.ts';
import { applyLimits } from './apply-limits.ts';
import { articleFromRecord } from './article-from-record.ts';
import { byteLines } from './byte-lines.ts';
import { capNotes } from './cap-notes.ts';
import { decodeText } from './decode-text.ts';
import { MAX_ARTICLES_PER_FILE } from './limits.ts';
import type { FileReading } from './types.ts';

export interface StreamJsonLinesOptions {
  /** Title of an article that has none and whose text gives none (from the file's name). */
  fallbackTitle: string;
  /** Articles handed to `send` at a time. Default 500. */
  partArticles?: number;
}

const PART_ARTICLES = 500;
const UTF8_MARK = [0xef, 0xbb, 0xbf];

/**
 * Reads a JSON Lines file as its bytes arrive (Cairn issue 10: storing 10,000 articles used to
 * wait two seconds for the whole file to be parsed), and hands its articles to `send` a part at a
 * time. Each line stands alone: one that is not JSON, not an article, not valid UTF-8 or over the
 * limits is left out with a note naming it ("line 1234: not valid JSON; left out"), and the rest
 * are kept, cleaned as `applyLimits` does. Answers the file's notes once every line is read, or
 * undefined, having sent nothing, when no line held an article: that file (a pretty-printed
 * JSON document, a UTF-16 or binary file, an empty one) is for the whole-file reader to tell.
 */
export async function streamJsonLines(
  chunks: AsyncIterable<Uint8Array>,
  send: (articles: ParsedArticle[]) => void,
  { fallbackTitle, partArticles = PART_ARTICLES }: StreamJsonLinesOptions,
): Promise<FileReading | undefined> {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const notes: string[] = [];
  const notUtf8: number[] = [];
  let part: ParsedArticle[] = [];
  let kept = 0;
  let number = 0;
  for await (const line of byteLines(chunks)) {
    number += 1;
    let bytes = line.bytes;
    if (number === 1) {
      if (isUtf16Mark(bytes)) return undefined;
      if (UTF8_MARK.every((byte, i) => bytes[i] === byte)) bytes = bytes.subarray(UTF8_MARK.length);
    }
    const text = decodeLine(utf8, bytes, () => notUtf8.push(number));
    if (text === undefined || text.trim() === '') continue;
    const label = `line ${number}`;
    const article = articleOf(text, label, line.ended, notes);
    if (article === undefined) continue;
    const limited = applyLimits([article], fallbackTitle, [label]);
    notes.push(...limited.notes);
    if (limited.articles.length === 0) continue;
    part.push(limited.articles[0]!);
    kept += 1;
    if (part.length >= partArticles) {
      send(part);
      part = [];
    }
    if (kept === MAX_ARTICLES_PER_FILE) {
      notes.push(`only the first ${MAX_ARTICLES_PER_FILE.toLocaleString('en')} articles were read (the limit per file); the lines after line ${number} were left out`);
      break;
    }
  }
  if (kept === 0) return undefined;
  if (part.length > 0) send(part);
  return { kind: 'articles', format: 'jsonl', articles: [], notes: capNotes([...encodingNotes(notUtf8), ...notes]) };
}

/**
 * A line's text: strict UTF-8, else Windows-1252 as `decodeText` reads a whole file (`bad` is
 * told); undefined for binary data, which no JSON line holds.
 */
function decodeLine(utf8: TextDecoder, bytes: Uint8Array, bad: () => void): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    bad();
    const decoded = decodeText(bytes);
    return decoded.kind === 'text' ? decoded.text : undefined;
  }
}

/** The line's article, or undefined with a note saying why it has none. */
function articleOf(text: string, label: string, ended: boolean, notes: string[]): ParsedArticle | undefined {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    const cut = ended ? '' : ' (the file ends inside it: was it cut off?)';
    notes.push(`${label}: not valid JSON${cut}; left out`);
    return undefined;
  }
  const reading = articleFromRecord(record);
  if ('article' in reading) return reading.article;
  notes.push(`${label}: ${reading.problem}; left out`);
  return undefined;
}

function encodingNotes(lines: number[]): string[] {
  if (lines.length === 0) return [];
  const more = lines.length > 1 ? ` (and ${(lines.length - 1).toLocaleString('en')} more lines)` : '';
  return [`line ${lines[0]}: not valid UTF-8${more}; decoded as Windows-1252`];
}

function isUtf16Mark(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}
