import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { type GetPdfDocument, parsePdf } from '../../../lib/shared/import/parse-pdf.ts';
import { makePdf } from '../../import-corpus/make-pdf.ts';

const open: GetPdfDocument = (params) => getDocument(params).promise;

describe('parsePdf', () => {
  it('reads the title, author, date and paragraphs of a PDF', async () => {
    const bytes = await makePdf({
      title: 'Night ferry returns',
      author: 'Jane Roe',
      pages: [['Night ferry returns', '', 'The ferry will resume service', 'next month, officials said.', '', 'Repairs took all winter.']],
    });

    const reading = await parsePdf(bytes, open, 'ferry.pdf');

    expect(reading).toEqual({
      kind: 'articles',
      format: 'pdf',
      notes: [],
      articles: [
        {
          title: 'Night ferry returns',
          body: 'The ferry will resume service next month, officials said.\n\nRepairs took all winter.',
          author: 'Jane Roe',
          publishedAt: '2024-04-03T15:30',
        },
      ],
    });
  });

  it('passes over a title a tool made up and takes the first line instead', async () => {
    const bytes = await makePdf({ title: 'Microsoft Word - draft3.doc', pages: [['Harbour report', '', 'Text of the report.']] });

    const reading = await parsePdf(bytes, open, 'draft3.pdf');

    expect(reading).toMatchObject({ kind: 'articles', articles: [{ title: 'Harbour report', body: 'Text of the report.' }] });
  });

  it('continues a paragraph across pages and mends words hyphenated at a line end', async () => {
    const bytes = await makePdf({ pages: [['Report', '', 'The new infra-', 'structure opened and'], ['carried traffic.', '2']] });

    const reading = await parsePdf(bytes, open, 'r.pdf');

    expect(reading).toMatchObject({ articles: [{ title: 'Report', body: 'The new infrastructure opened and carried traffic.' }] });
  });

  it('uses the file name when the whole text is one line', async () => {
    const bytes = await makePdf({ pages: [['Only one line of text.']] });

    expect(await parsePdf(bytes, open, 'scans/memo.pdf')).toMatchObject({ articles: [{ title: 'memo', body: 'Only one line of text.' }] });
  });

  it('skips a PDF without a text layer', async () => {
    const bytes = await makePdf({ pages: [[], []] });

    expect(await parsePdf(bytes, open, 'scan.pdf')).toEqual({ kind: 'skipped', reason: 'no text (a scanned PDF needs OCR, which Cairn does not do)' });
  });

  it('fails a password-protected PDF, saying so', async () => {
    const bytes = await makePdf({ pages: [['Secret']], encrypted: true });

    const reading = await parsePdf(bytes, open, 'secret.pdf');

    expect(reading).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/^the PDF is password-protected/) });
  });

  it('fails a file that is not a PDF, or only its first bytes', async () => {
    const bytes = await makePdf({ pages: [['Text']] });

    expect(await parsePdf(new TextEncoder().encode('%PDF-1.7 and then nothing'), open, 'x.pdf')).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/^not a valid PDF/) });
    expect(await parsePdf(bytes.slice(0, 200), open, 'x.pdf')).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/^not a valid PDF/) });
  });

  it('leaves the bytes it was given usable', async () => {
    const bytes = await makePdf({ pages: [['Title line', 'Body line.']] });

    await parsePdf(bytes, open, 'x.pdf');

    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(bytes[0]).toBe(0x25);
  });
});
