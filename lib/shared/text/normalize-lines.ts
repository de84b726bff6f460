// Removed outright: zero-width space, word joiner, BOM (anywhere, not only first) and soft hyphen.
// Zero-width (non-)joiners are left alone: they change how some scripts and emoji are written.
const INVISIBLE = /[\u200b\u2060\ufeff\u00ad]/g;
// Tabs, non-breaking, typographic and ideographic spaces all become one plain space.
const SPACES = /[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;
const LINE_BREAK = /\r\n?|[\u2028\u2029\u0085]/g;
const OPEN_END = /[^.!?。！？:;…"'”’»)\]）】]$/u;
const LOWERCASE_START = /^\p{Ll}/u;
/** Shorter lines than this are headings or widgets, not prose broken by a hard wrap. */
const MIN_WRAPPED_LENGTH = 40;

/**
 * Cleans scraped text and splits it into logical lines, each a candidate paragraph: line endings
 * unified, Unicode composed (NFC), invisible characters removed, runs of spaces collapsed, lines
 * trimmed, blank lines dropped. Text copied with hard wraps is mended: a line that starts in lower
 * case right after a long line that has not finished its sentence is joined to it. Quotes and
 * apostrophes are kept as written.
 */
export function normalizeLines(text: string): string[] {
  const lines: string[] = [];
  let previousBlank = true;
  for (const raw of text.replace(LINE_BREAK, '\n').normalize('NFC').split('\n')) {
    const line = raw.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
    if (line === '') {
      previousBlank = true;
      continue;
    }
    const previous = lines.at(-1);
    if (!previousBlank && previous !== undefined && continuesWrappedLine(previous, line)) {
      lines[lines.length - 1] = `${previous} ${line}`;
    } else {
      lines.push(line);
    }
    previousBlank = false;
  }
  return lines;
}

function continuesWrappedLine(previous: string, line: string): boolean {
  return previous.length >= MIN_WRAPPED_LENGTH && OPEN_END.test(previous) && LOWERCASE_START.test(line);
}
