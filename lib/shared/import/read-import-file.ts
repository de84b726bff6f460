import { applyLimits } from './apply-limits.ts';
import { capNotes } from './cap-notes.ts';
import { decodeText } from './decode-text.ts';
import { MAX_ARTICLE_CHARS, MAX_BACKUP_BYTES, MAX_FILE_BYTES } from './limits.ts';
import { parseCsv } from './parse-csv.ts';
import { parseHtml } from './parse-html.ts';
import { parseJson } from './parse-json.ts';
import { parseJsonLines } from './parse-json-lines.ts';
import { parseMarkdown } from './parse-markdown.ts';
import { type GetPdfDocument, parsePdf } from './parse-pdf.ts';
import { parseTextFile } from './parse-text-file.ts';
import { sniffFormat } from './sniff-format.ts';
import { titleFromFileName } from './title-from-file-name.ts';
import type { FileReading, ImportFormat, ImportSource, ReadOptions } from './types.ts';

export interface ReadDeps {
  /** Opens PDFs; without it a PDF fails ("PDF files cannot be read here"). */
  getPdfDocument?: GetPdfDocument;
}

const FORMATS: Readonly<Record<string, ImportFormat>> = {
  txt: 'txt', text: 'txt', md: 'md', markdown: 'md', mdown: 'md', mkd: 'md', html: 'html', htm: 'html', xhtml: 'html',
  json: 'json', jsonl: 'jsonl', ndjson: 'jsonl', csv: 'csv', tsv: 'csv', pdf: 'pdf',
};
/**
 * Decoded text longer than this many times the article limit cannot hold one article within it
 * (markup and whitespace shrink, but not that much): refused before parsing, which would be slow.
 */
const MARKUP_ALLOWANCE: Partial<Record<ImportFormat, number>> = { txt: 2, md: 3, html: 5 };
/**
 * Every encoding Cairn reads gives at least one character per three bytes (UTF-8's worst case;
 * UTF-16 gives one per two, Windows-1252 one per byte), after a byte order mark of up to three.
 */
const fewestCharacters = (bytes: number) => Math.floor((bytes - 3) / 3);
const NON_BLANK = /[^\s\u200b\u2060\ufeff]/;
const BACKUP_START = /^\s*\{\s*"format"\s*:\s*"cairn-backup"/;
const BACKUP_SNIFF_BYTES = 1024;
const megabytes = (bytes: number) => `${bytes / 1024 / 1024} MB`;
const roughMegabytes = (bytes: number) => {
  const mb = bytes / 1024 / 1024;
  return `${mb >= 10 ? Math.round(mb) : Math.max(0.1, Math.round(mb * 10) / 10)} MB`;
};
/** For a file read as one article whose text cannot fit in one (Cairn issue 8). */
const tooLongForOne = (bytes: number, format: ImportFormat) =>
  `${roughMegabytes(bytes)} of text; Cairn keeps up to ${MAX_ARTICLE_CHARS.toLocaleString('en')} characters per article and reads a .${format} file as one article (split it, or import it as JSON Lines or CSV with one article per record)`;
const TOO_LARGE = `larger than ${megabytes(MAX_FILE_BYTES)} (the limit per file)`;
const BACKUP_TOO_LARGE = `larger than ${MAX_BACKUP_BYTES / 1024 ** 3} GB (the limit for a backup)`;
const UNSUPPORTED = 'Cairn imports .txt, .md, .html, .json, .jsonl, .csv and .pdf';

/**
 * Reads one file of an import in the library page: picks the reader by extension (any case),
 * or by content when the name has none or lies (a PDF is a PDF whatever it is called; binary data
 * is refused), and puts what it read within the limits of `limits.ts` (`applyLimits`). The size
 * is checked before anything is read: files over `MAX_FILE_BYTES` are skipped unread, except a
 * Cairn backup (sniffed from its first bytes), allowed up to `MAX_BACKUP_BYTES`. Never throws: an
 * unexpected error is a `failed` reading whose reason the user can read.
 */
export async function readImportFile(file: ImportSource, deps: ReadDeps, options: ReadOptions = {}): Promise<FileReading> {
  try {
    return await read(file, deps, options);
  } catch (error) {
    return { kind: 'failed', reason: unexpected(error), ...(isReadFailure(error) ? { retry: true as const } : {}) };
  }
}

/**
 * The errors a `File` gives when its bytes cannot be read now (moved, deleted, changed on disk,
 * or the disk failed): reading it again later may work, unlike a parse that failed.
 */
export function isReadFailure(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'NotReadableError' || name === 'NotFoundError';
}

/**
 * What can be told about a file without reading it whole, from its name, its size and its first
 * bytes: an unsupported type, an empty file, one over the size limits, or a file read as one
 * article (.txt, .md, .html) too big for its text to fit in one. Gives the reading for such a
 * file, or undefined when the file must be read. Costs no more for 45 MB than for 45 bytes.
 */
export async function checkBeforeReading(file: ImportSource): Promise<FileReading | undefined> {
  const extension = extensionOf(file.name);
  const named = extension === '' ? undefined : FORMATS[extension];
  if (extension !== '' && named === undefined) return { kind: 'skipped', reason: `unsupported file type (.${extension}); ${UNSUPPORTED}` };
  if (file.size === 0) return { kind: 'skipped', reason: 'empty' };
  if (file.size > MAX_FILE_BYTES) {
    if (!(await isBackup(file))) return { kind: 'skipped', reason: TOO_LARGE };
    if (file.size > MAX_BACKUP_BYTES) return { kind: 'skipped', reason: BACKUP_TOO_LARGE };
    return undefined;
  }
  const allowance = named === undefined ? undefined : MARKUP_ALLOWANCE[named];
  if (named === undefined || allowance === undefined) return undefined;
  // A PDF under a text file's name is read as a PDF, whatever its size.
  if (fewestCharacters(file.size) > allowance * MAX_ARTICLE_CHARS && !startsWithPdfHeader(await file.head(5))) {
    return { kind: 'skipped', reason: tooLongForOne(file.size, named) };
  }
  return undefined;
}

async function read(file: ImportSource, deps: ReadDeps, options: ReadOptions): Promise<FileReading> {
  const early = await checkBeforeReading(file);
  if (early !== undefined) return early;
  const extension = extensionOf(file.name);
  const named = extension === '' ? undefined : FORMATS[extension];
  const limit = file.size > MAX_FILE_BYTES ? MAX_BACKUP_BYTES : MAX_FILE_BYTES;
  const bytes = await file.bytes();
  // The size was a promise; what was read is what counts.
  if (bytes.length > limit) return { kind: 'skipped', reason: limit === MAX_FILE_BYTES ? TOO_LARGE : BACKUP_TOO_LARGE };
  if (bytes.every(isBlankByte)) return { kind: 'skipped', reason: 'empty' };

  const fallbackTitle = titleFromFileName(file.name);
  if (startsWithPdfHeader(bytes) || named === 'pdf') {
    if (deps.getPdfDocument === undefined) return { kind: 'failed', reason: 'PDF files cannot be read here' };
    const reading = await parsePdf(bytes, deps.getPdfDocument, file.name);
    const notes = named === 'pdf' ? [] : [`read as a PDF: the file is one, whatever its name says`];
    return finish(reading, notes, fallbackTitle);
  }
  const decoded = decodeText(bytes);
  if (decoded.kind === 'binary') return { kind: 'failed', reason: 'binary file: this is not text (an image, an archive or a program?)' };
  const text = decoded.text;
  // The length first, then the cheapest look for text (stops at the first character that is
  // not blank): no pass over the whole text before a file too long for one article is refused.
  const format = named ?? sniffFormat(text);
  const allowance = MARKUP_ALLOWANCE[format];
  if (allowance !== undefined && text.length > allowance * MAX_ARTICLE_CHARS) return { kind: 'skipped', reason: tooLongForOne(bytes.length, format) };
  if (!NON_BLANK.test(text)) return { kind: 'skipped', reason: 'empty' };
  return finish(parseText(format, text, file.name, extension, options), decoded.notes, fallbackTitle);
}

function parseText(format: ImportFormat, text: string, name: string, extension: string, options: ReadOptions): FileReading {
  switch (format) {
    case 'txt':
      return parseTextFile(text, name);
    case 'md':
      return parseMarkdown(text, name);
    case 'html':
      return parseHtml(text, name);
    case 'json':
      return parseJson(text);
    case 'jsonl':
      return jsonLinesOrJson(text);
    case 'csv':
      return parseCsv(text, extension === 'tsv' ? { ...options, delimiter: '\t' } : options);
    case 'pdf':
      return { kind: 'failed', reason: 'not a valid PDF' };
  }
}

/** A `.jsonl` file that is one JSON document (a pretty-printed list) is read as JSON. */
function jsonLinesOrJson(text: string): FileReading {
  const reading = parseJsonLines(text);
  if (reading.kind === 'articles') return reading;
  const asJson = parseJson(text);
  if (asJson.kind !== 'articles') return reading;
  return { ...asJson, notes: ['read as JSON: the file is one JSON document, not one object per line', ...asJson.notes] };
}

function finish(reading: FileReading, earlier: string[], fallbackTitle: string): FileReading {
  if (reading.kind === 'backup') return { ...reading, notes: capNotes([...earlier, ...reading.notes]) };
  if (reading.kind !== 'articles') return reading;
  const limited = applyLimits(reading.articles, fallbackTitle);
  if (limited.articles.length === 0) {
    const why = reading.articles.length === 1 ? limited.dropped : `no article could be kept (${limited.notes[0] ?? 'no text'})`;
    return { kind: 'skipped', reason: why ?? 'no text' };
  }
  return { kind: 'articles', format: reading.format, articles: limited.articles, notes: capNotes([...earlier, ...reading.notes, ...limited.notes]) };
}

async function isBackup(file: ImportSource): Promise<boolean> {
  const head = await file.head(BACKUP_SNIFF_BYTES);
  return BACKUP_START.test(new TextDecoder('utf-8').decode(head));
}

function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function isBlankByte(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

function startsWithPdfHeader(bytes: Uint8Array): boolean {
  return bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}

function unexpected(error: unknown): string {
  if (error instanceof RangeError) return 'the file is too large or too deeply nested to read';
  const detail = error instanceof Error && error.message ? ` (${error.message.slice(0, 200)})` : '';
  return `Cairn could not read this file: an unexpected error${detail}`;
}
