import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { DocumentInitParameters } from 'pdfjs-dist/types/src/display/api';
import type { ParsedArticle } from '../../protocol.ts';
import { detectLanguage } from '../text/detect-language.ts';
import type { FileReading } from './types.ts';
import { cleanField } from './clean-field.ts';
import { MAX_ARTICLE_CHARS } from './limits.ts';
import { type PdfLine, pdfLines } from './pdf-lines.ts';
import { pdfParagraphs } from './pdf-paragraphs.ts';
import { titleFromFileName } from './title-from-file-name.ts';

/**
 * Opens a PDF: pdf.js's `getDocument(params).promise`, passed in so that the library page loads
 * pdf.js only when a PDF is imported (`lib/ui/load-pdf.ts`) and tests use its Node build.
 */
export type GetPdfDocument = (params: DocumentInitParameters) => Promise<PDFDocumentProxy>;

/** Titles that PDF writers put in by themselves, which say nothing about the document. */
const JUNK_TITLE = /^(?:microsoft (?:word|powerpoint|excel)\b|untitled\b|document\d*$|slide \d+$|presentation\d*$|\s*$)|\.(?:docx?|pdf|rtf|odt|pptx?|tex|dvi|indd|qxd)$/i;
const PDF_DATE = /^D:(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2}))?/;
const NO_TEXT = 'no text (a scanned PDF needs OCR, which Cairn does not do)';

/**
 * Reads the text of a PDF as one article. Nothing is fetched and nothing evaluated: no font,
 * CMap or wasm URLs are given, fonts are not loaded into the page, `isEvalSupported` is off.
 * The title is the document's own (its Title entry, unless it is a tool's default such as
 * "Microsoft Word - x.doc"), else its first line, else the file name; the author and date
 * (CreationDate) come from the document too. Paragraphs are rebuilt from the text layout
 * (`pdfParagraphs`). A password-protected or damaged PDF fails with the reason; a PDF without a
 * text layer (scanned pages) is skipped; a page that cannot be read is left out with a note.
 */
export async function parsePdf(bytes: Uint8Array, getPdfDocument: GetPdfDocument, fileName: string): Promise<FileReading> {
  let pdf: PDFDocumentProxy;
  try {
    pdf = await getPdfDocument({
      // pdf.js takes ownership of (detaches) the buffer it is given: it gets a copy.
      data: bytes.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      useWasm: false,
      enableXfa: false,
      stopAtErrors: false,
      verbosity: 0,
    });
  } catch (error) {
    return { kind: 'failed', reason: openingProblem(error) };
  }
  try {
    return await readText(pdf, fileName);
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

async function readText(pdf: PDFDocumentProxy, fileName: string): Promise<FileReading> {
  const pages: PdfLine[][] = [];
  const notes: string[] = [];
  let chars = 0;
  let pdfLang: string | null = null;
  for (let number = 1; number <= pdf.numPages && chars <= MAX_ARTICLE_CHARS; number += 1) {
    try {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pdfLang ??= content.lang;
      const lines = pdfLines(content.items);
      pages.push(lines);
      chars += lines.reduce((sum, line) => sum + line.text.length + 1, 0);
      page.cleanup();
    } catch {
      notes.push(`page ${number} could not be read; left out`);
    }
  }
  if (pages.length === 0) return { kind: 'failed', reason: 'not a valid PDF (no page could be read)' };
  const paragraphs = pdfParagraphs(pages);
  if (paragraphs.length === 0) return { kind: 'skipped', reason: NO_TEXT };

  const info = await pdf.getMetadata().then((metadata) => metadata.info as Record<string, unknown>, () => ({}) as Record<string, unknown>);
  const article = toArticle(paragraphs, info, fileName);
  const lang = readLang(info.Language) ?? readLang(pdfLang) ?? detectLanguage(`${article.title}\n${article.body}`);
  if (lang !== undefined) article.lang = lang;
  return { kind: 'articles', format: 'pdf', articles: [article], notes };
}

function toArticle(paragraphs: string[][], info: Record<string, unknown>, fileName: string): ParsedArticle {
  const ownTitle = cleanField(info.Title);
  const [firstLine] = paragraphs[0] ?? [];
  let title: string;
  if (ownTitle !== undefined && !JUNK_TITLE.test(ownTitle)) {
    title = ownTitle;
    if (firstLine !== undefined && firstLine.toLowerCase() === ownTitle.toLowerCase() && paragraphs.flat().length > 1) paragraphs[0]?.shift();
  } else if (firstLine !== undefined && paragraphs.flat().length > 1 && firstLine.length <= 200) {
    title = firstLine;
    paragraphs[0]?.shift();
  } else {
    title = titleFromFileName(fileName);
  }
  const article: ParsedArticle = { title, body: paragraphs.filter((lines) => lines.length > 0).map(joinLines).join('\n\n') };
  const author = cleanField(info.Author);
  const publishedAt = readPdfDate(info.CreationDate);
  if (author !== undefined) article.author = author;
  if (publishedAt !== undefined) article.publishedAt = publishedAt;
  return article;
}

/** Joins the lines of a paragraph, mending words hyphenated across a line break ("infra-\nstructure"). */
function joinLines(lines: string[]): string {
  let text = lines[0] ?? '';
  for (const line of lines.slice(1)) {
    text = /\p{Ll}-$/u.test(text) && /^\p{Ll}/u.test(line) ? `${text.slice(0, -1)}${line}` : `${text} ${line}`;
  }
  return text;
}

/** `D:20240403153000+01'00'` → `2024-04-03T15:30`: the time as written, the zone dropped. */
function readPdfDate(value: unknown): string | undefined {
  const match = typeof value === 'string' ? PDF_DATE.exec(value) : null;
  if (match === null) return undefined;
  const [, year = '', month = '', day = '', hour, minute] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || Number(year) < 1900) return undefined;
  const iso = `${year}-${month}-${day}`;
  if (hour === undefined || minute === undefined || Number(hour) > 23 || Number(minute) > 59) return iso;
  return hour === '00' && minute === '00' ? iso : `${iso}T${hour}:${minute}`;
}

function readLang(value: unknown): string | undefined {
  return typeof value === 'string' ? /^([a-z]{2,3})(?:[-_]|$)/i.exec(value.trim())?.[1]?.toLowerCase() : undefined;
}

function openingProblem(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return 'the PDF is password-protected; remove the password (print it to a new PDF) and import it again';
  return 'not a valid PDF (the file is damaged, cut short, or not a PDF)';
}
