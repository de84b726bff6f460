import type { PdfLine } from './pdf-lines.ts';

/** A gap this much larger than the page's usual line spacing starts a paragraph. */
const PARAGRAPH_GAP = 1.4;
/** A line that is only a page number ("12", "Page 3 of 9") is page furniture. */
const PAGE_NUMBER = /^(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
const SENTENCE_END = /[.!?。！？…:]["'”’»)\]]*$/u;

/**
 * Rebuilds paragraphs from the lines of each page, each paragraph as its lines: a blank line, a
 * gap clearly larger than the page's usual line spacing, or a jump upwards (a new column) starts
 * a new one. A paragraph running on at the top of the next page (the previous page's last line
 * did not end a sentence) is continued. Page numbers are dropped.
 */
export function pdfParagraphs(pages: readonly PdfLine[][]): string[][] {
  const paragraphs: string[][] = [];
  let open = false;
  for (const lines of pages) {
    const spacing = usualSpacing(lines);
    let previous: PdfLine | undefined;
    let continuing = open && paragraphs.length > 0;
    for (const line of lines) {
      if (line.text === '' || PAGE_NUMBER.test(line.text)) {
        if (line.text === '') previous = undefined;
        if (line.text === '') continuing = false;
        continue;
      }
      const gap = previous === undefined ? undefined : previous.y - line.y;
      const startsParagraph = continuing
        ? false
        : gap === undefined || gap <= 0 || (spacing !== undefined && gap > spacing * PARAGRAPH_GAP) || gap > line.size * 2.5;
      if (startsParagraph || paragraphs.length === 0) paragraphs.push([line.text]);
      else paragraphs.at(-1)?.push(line.text);
      continuing = false;
      previous = line;
    }
    const last = paragraphs.at(-1)?.at(-1);
    open = last !== undefined && !SENTENCE_END.test(last);
  }
  return paragraphs;
}

/** The tighter end of the gaps between consecutive lines (25th percentile): ordinary line spacing. */
function usualSpacing(lines: readonly PdfLine[]): number | undefined {
  const gaps: number[] = [];
  for (let index = 1; index < lines.length; index += 1) {
    const [above, below] = [lines[index - 1], lines[index]];
    if (above === undefined || below === undefined || above.text === '' || below.text === '') continue;
    const gap = above.y - below.y;
    if (gap > 0) gaps.push(gap);
  }
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 4)];
}
