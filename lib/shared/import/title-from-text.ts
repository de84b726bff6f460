import { cleanField } from './clean-field.ts';

/** Titles made from text are cut at a word near this many characters. */
const MAX_MADE_TITLE = 80;

/**
 * A title for an article that came without one: its first line, cut at a word boundary near
 * 80 characters with an ellipsis. Undefined when the text has no line.
 */
export function titleFromText(text: string): string | undefined {
  const firstLine = cleanField(text.split('\n').find((line) => line.trim() !== ''), Number.MAX_SAFE_INTEGER);
  if (firstLine === undefined || firstLine.length <= MAX_MADE_TITLE) return firstLine;
  const cut = firstLine.lastIndexOf(' ', MAX_MADE_TITLE);
  return `${firstLine.slice(0, cut > MAX_MADE_TITLE / 2 ? cut : MAX_MADE_TITLE).trimEnd()}…`;
}
