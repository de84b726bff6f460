import type { Snippet, TextRange } from '../../protocol.ts';
import { markTerms } from './mark-terms.ts';

/** Longest snippet, in characters, before it is cut at a word boundary. */
export const SNIPPET_LENGTH = 220;

/**
 * The passage of `body` that shows the most of the matched terms, about `SNIPPET_LENGTH`
 * characters long, cut at word boundaries, with the matches marked. Where nothing matches in the
 * body (a title-only match), the opening of the body.
 */
export function makeSnippet(body: string, terms: ReadonlySet<string>, length = SNIPPET_LENGTH): Snippet {
  const text = body.replace(/\s+/g, ' ').trim();
  const matches = markTerms(text, terms);
  const window = bestWindow(text, matches, length);
  const start = expandToWordStart(text, window.start);
  const end = shrinkToWordEnd(text, start, Math.min(text.length, start + length));
  return {
    text: text.slice(start, end),
    highlights: matches
      .filter((m) => m.start >= start && m.end <= end)
      .map((m) => ({ start: m.start - start, end: m.end - start })),
    truncatedStart: start > 0,
    truncatedEnd: end < text.length,
  };
}

/** The window of `length` characters with the most distinct matched words, earliest first. */
function bestWindow(text: string, matches: TextRange[], length: number): TextRange {
  if (matches.length === 0) return { start: 0, end: Math.min(length, text.length) };
  let best = { start: 0, score: -1 };
  for (let i = 0; i < matches.length; i++) {
    const first = matches[i]!;
    const seen = new Set<string>();
    for (let j = i; j < matches.length && matches[j]!.end - first.start <= length; j++) {
      seen.add(text.slice(matches[j]!.start, matches[j]!.end).toLowerCase());
    }
    if (seen.size > best.score) best = { start: first.start, score: seen.size };
  }
  // Give the first match some lead-in so the reader sees it in context.
  const lead = Math.min(best.start, Math.floor(length / 4));
  const start = Math.max(0, Math.min(best.start - lead, text.length - length));
  return { start, end: start + length };
}

// Cuts move to the nearest space, but no further than this: text without spaces (Chinese,
// Japanese) is cut where it stands.
const MAX_SNAP = 24;

function expandToWordStart(text: string, index: number): number {
  if (index <= 0) return 0;
  const space = text.lastIndexOf(' ', index);
  return space >= 0 && index - space <= MAX_SNAP ? space + 1 : index;
}

function shrinkToWordEnd(text: string, start: number, end: number): number {
  if (end >= text.length) return text.length;
  const space = text.lastIndexOf(' ', end);
  return space > start && end - space <= MAX_SNAP ? space : end;
}
