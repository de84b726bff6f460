import { readImportFile } from '../../lib/shared/import/read-import-file.ts';
import { loadPdf } from '../../lib/ui/load-pdf.ts';
import type { ReadFile } from './use-import.ts';

/** Reads one file of an import in this page, PDFs through pdf.js (loaded only when one comes). */
export const readFile: ReadFile = (file, options) => readImportFile(file, { getPdfDocument: loadPdf }, options);
