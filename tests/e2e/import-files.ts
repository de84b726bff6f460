import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A made-up word no collection has, so a search for it finds exactly one article. */
export function codeWord(n: number): string {
  let word = '';
  let rest = n;
  do {
    word = String.fromCharCode(97 + (rest % 26)) + word;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return `vexil${word}`;
}

/** Writes files into a new temporary folder and returns its path. */
export function writeFolder(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'cairn-import-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** A one-page PDF with a title in its metadata and two paragraphs of text. */
export async function makePdf(title: string, lines: string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 18, size: 11, font }));
  return pdf.save();
}

/** A news-sized article (about 3,000 characters, `length` times that) as a .txt file carrying a unique word. */
export function newsArticle(n: number, length = 1): string {
  const word = codeWord(n);
  const sentences = [
    `The harbour board met on Tuesday to discuss the ${word} survey of the northern quays.`,
    'Engineers presented three options for the breakwater, each with a different cost and schedule.',
    'Residents asked how the works would change ferry times during the summer season.',
    'The board promised a public meeting before any contract is signed.',
    'A spokesperson said the survey data would be published in full next month.',
  ];
  const paragraphs = Array.from({ length: 6 * length }, (_, p) => sentences.map((s, i) => (i === (p % 5) ? s : s.replace('.', ', officials said.'))).join(' '));
  return `Harbour board report ${word}\n\n${paragraphs.join('\n\n')}\n`;
}
