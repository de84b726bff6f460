import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';

/** One line of a PDF page as pdf.js laid it out. */
export interface PdfLine {
  text: string;
  /** Baseline height from the bottom of the page, in PDF units. */
  y: number;
  /** Font size, in PDF units. */
  size: number;
}

/**
 * Groups the text items of one page into lines: an item marked `hasEOL` ends its line, and so
 * does a jump in baseline of more than half the font size (pdf.js does not always mark those).
 * Lines with no visible text are kept empty: they separate paragraphs.
 */
export function pdfLines(items: readonly (TextItem | TextMarkedContent)[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfLine | undefined;
  for (const item of items) {
    if (!('str' in item)) continue;
    const y = Number(item.transform[5]) || 0;
    const size = Math.abs(Number(item.transform[3]) || item.height || 0);
    if (current !== undefined && current.text.trim() !== '' && Math.abs(current.y - y) > Math.max(current.size, size) / 2) {
      lines.push(current);
      current = undefined;
    }
    current ??= { text: '', y, size };
    current.text += item.str;
    if (item.str.trim() !== '') current.size = Math.max(current.size, size);
    if (item.hasEOL) {
      lines.push(current);
      current = undefined;
    }
  }
  if (current !== undefined) lines.push(current);
  return lines.map((line) => ({ ...line, text: line.text.replace(/\s+/g, ' ').trim() }));
}
