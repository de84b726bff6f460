import { PDFDocument, PDFHexString, PDFName, PDFNumber, StandardFonts, rgb } from 'pdf-lib';

export interface PdfSpec {
  /** Pages of lines; an empty string is a blank line (a paragraph gap). */
  pages: string[][];
  title?: string;
  author?: string;
  created?: Date;
  /** Add an encryption dictionary whose password check fails: pdf.js asks for a password. */
  encrypted?: boolean;
}

const LINE_HEIGHT = 16;

/** Writes a PDF with pdf-lib, so no binary fixture is committed. */
export async function makePdf(spec: PdfSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  if (spec.title !== undefined) doc.setTitle(spec.title);
  if (spec.author !== undefined) doc.setAuthor(spec.author);
  doc.setCreationDate(spec.created ?? new Date('2024-04-03T15:30:00Z'));
  for (const lines of spec.pages) {
    const page = doc.addPage([600, 800]);
    // A page without lines gets a drawn rectangle: marks on paper, but no text layer.
    if (lines.length === 0) page.drawRectangle({ x: 50, y: 50, width: 500, height: 700, color: rgb(0.8, 0.8, 0.8) });
    lines.forEach((line, index) => {
      if (line !== '') page.drawText(line, { x: 50, y: 750 - index * LINE_HEIGHT, size: 12, font });
    });
  }
  if (spec.encrypted) {
    const junk = PDFHexString.of('00'.repeat(32));
    doc.context.trailerInfo.Encrypt = doc.context.obj({ Filter: PDFName.of('Standard'), V: PDFNumber.of(1), R: PDFNumber.of(2), O: junk, U: junk, P: PDFNumber.of(-4) });
    doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of('0123456789abcdef0123456789abcdef'), PDFHexString.of('0123456789abcdef0123456789abcdef')]);
  }
  return doc.save({ useObjectStreams: false });
}
