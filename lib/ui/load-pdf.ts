import type { GetPdfDocument } from '../shared/import/parse-pdf.ts';

let pdfjs: Promise<typeof import('pdfjs-dist')> | undefined;

/**
 * Opens a PDF with pdf.js in the library page (`readImportFile`'s `getPdfDocument`). pdf.js
 * (about 1 MB with its worker) is loaded on the first PDF only, and its worker is the copy
 * bundled with the extension: the manifest's content security policy allows no remote code.
 */
export const loadPdf: GetPdfDocument = async (params) => {
  pdfjs ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([library, worker]) => {
    library.GlobalWorkerOptions.workerSrc = worker.default;
    return library;
  });
  return (await pdfjs).getDocument(params).promise;
};
