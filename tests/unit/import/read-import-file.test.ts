// @vitest-environment happy-dom
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it, vi } from 'vitest';
import { MAX_ARTICLE_CHARS, MAX_ARTICLES_PER_FILE, MAX_FIELD_CHARS, MAX_FILE_BYTES, MAX_TAGS } from '../../../lib/shared/import/limits.ts';
import type { GetPdfDocument } from '../../../lib/shared/import/parse-pdf.ts';
import { readImportFile } from '../../../lib/shared/import/read-import-file.ts';
import type { ImportSource } from '../../../lib/shared/import/types.ts';
import { makePdf } from '../../import-corpus/make-pdf.ts';
import { memoryFile } from '../../import-corpus/memory-file.ts';
import { fixHappyDomForDomPurify } from './happy-dom-fixes.ts';

// DOMPurify needs two browser behaviours happy-dom lacks; see happy-dom-fixes.ts.
fixHappyDomForDomPurify();

const getPdfDocument: GetPdfDocument = (params) => getDocument(params).promise;
const read = (file: ImportSource) => readImportFile(file, { getPdfDocument });
const BODY = 'The harbour authority confirmed that the night ferry will resume service next month.';

/** A file that says it is `size` bytes and must not be read. */
function hugeFile(name: string, size: number, head = ''): ImportSource & { bytes: ReturnType<typeof vi.fn> } {
  return { name, size, bytes: vi.fn(async () => new Uint8Array()), head: async (count) => new TextEncoder().encode(head).slice(0, count) };
}

describe('readImportFile', () => {
  it('picks the reader by extension, in any case', async () => {
    expect(await read(memoryFile('A.TXT', `Title\n\n${BODY}`))).toMatchObject({ kind: 'articles', format: 'txt' });
    expect(await read(memoryFile('a.Md', `# Title\n\n${BODY}`))).toMatchObject({ kind: 'articles', format: 'md' });
    expect(await read(memoryFile('a.htm', `<title>T</title><p>${BODY}</p>`))).toMatchObject({ kind: 'articles', format: 'html' });
    expect(await read(memoryFile('a.ndjson', `{"title":"T","body":"${BODY}"}`))).toMatchObject({ kind: 'articles', format: 'jsonl' });
    expect(await read(memoryFile('a.tsv', `title\tbody\nT\t${BODY}`))).toMatchObject({ kind: 'articles', format: 'csv' });
  });

  it('fails a file whose bytes cannot be read as worth a retry, and a file of bad content as not', async () => {
    const moved: ImportSource = {
      name: 'moved.md',
      size: 40,
      head: async () => new Uint8Array(),
      bytes: async () => {
        throw new DOMException('The requested file could not be read', 'NotReadableError');
      },
    };

    const unreadable = await read(moved);
    const binary = await read(memoryFile('blob.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x00])));
    const syntax = await read(memoryFile('bad.json', '{"title": '));

    expect(unreadable).toMatchObject({ kind: 'failed', retry: true });
    expect(binary).toMatchObject({ kind: 'failed' });
    expect(syntax).toMatchObject({ kind: 'failed' });
    expect('retry' in binary || 'retry' in syntax).toBe(false);
  });

  it('skips unsupported file types without reading them', async () => {
    const file = hugeFile('report.docx', 1000);

    const reading = await read(file);

    expect(reading).toEqual({ kind: 'skipped', reason: 'unsupported file type (.docx); Cairn imports .txt, .md, .html, .json, .jsonl, .csv and .pdf' });
    expect(file.bytes).not.toHaveBeenCalled();
  });

  it('skips a file over 50 MB without reading it', async () => {
    const file = hugeFile('big.txt', 200 * 1024 * 1024, 'just text');

    expect(await read(file)).toEqual({ kind: 'skipped', reason: 'larger than 50 MB (the limit per file)' });
    expect(file.bytes).not.toHaveBeenCalled();
  });

  it('reads a Cairn backup over 50 MB, recognised from its first bytes', async () => {
    const backup = ' {\n "format" : "cairn-backup", "articles": []}';
    const file = { ...memoryFile('cairn-backup.json', backup), size: MAX_FILE_BYTES + 1 };

    expect(await read(file)).toEqual({ kind: 'backup', data: { format: 'cairn-backup', articles: [] }, notes: [] });
  });

  it('skips empty and whitespace-only files', async () => {
    for (const name of ['a.txt', 'a.md', 'a.html', 'a.json', 'a.jsonl', 'a.csv', 'a.pdf', 'noext']) {
      expect(await read(memoryFile(name, ''))).toEqual({ kind: 'skipped', reason: 'empty' });
      expect(await read(memoryFile(name, ' \r\n\t\n'))).toEqual({ kind: 'skipped', reason: 'empty' });
    }
  });

  it('reads a PDF whatever its name, and refuses binary data posing as text', async () => {
    const pdf = await makePdf({ pages: [['Harbour report', '', BODY]] });

    const asText = await read(memoryFile('report.txt', pdf));
    const binary = await read(memoryFile('photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])));

    expect(asText).toMatchObject({ kind: 'articles', format: 'pdf', articles: [{ title: 'Harbour report', body: BODY }] });
    expect(binary).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/^binary file/) });
  });

  it('fails a PDF when no PDF reader was given', async () => {
    const pdf = await makePdf({ pages: [['Harbour report', '', BODY]] });

    expect(await readImportFile(memoryFile('a.pdf', pdf), {})).toEqual({ kind: 'failed', reason: 'PDF files cannot be read here' });
  });

  it('guesses the format of a file without an extension', async () => {
    expect(await read(memoryFile('README', `# Notes\n\n${BODY}`))).toMatchObject({ format: 'md', articles: [{ title: 'Notes' }] });
    expect(await read(memoryFile('data', `[{"title":"T","body":"${BODY}"}]`))).toMatchObject({ format: 'json' });
    expect(await read(memoryFile('page', `<!DOCTYPE html><title>T</title><p>${BODY}</p>`))).toMatchObject({ format: 'html' });
    expect(await read(memoryFile('notes', `Title\n\n${BODY}`))).toMatchObject({ format: 'txt' });
  });

  it('passes on how the file was decoded', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('Caf'), 0xe9, ...new TextEncoder().encode(` au port\n\n${BODY}`)]);

    expect(await read(memoryFile('cafe.txt', bytes))).toMatchObject({
      kind: 'articles',
      articles: [{ title: 'Café au port' }],
      notes: ['not valid UTF-8 or UTF-16; decoded as Windows-1252'],
    });
  });

  it('skips a file whose only article is too long, naming the limit', async () => {
    const reading = await read(memoryFile('long.txt', `Title\n\n${'a'.repeat(MAX_ARTICLE_CHARS + 1)}`));

    expect(reading).toEqual({ kind: 'skipped', reason: 'longer than 1,000,000 characters (the limit per article)' });
  });

  it('drops an over-long article from a file of several, with a note', async () => {
    const text = JSON.stringify([{ title: 'Short', body: BODY }, { title: 'Long', body: 'b'.repeat(MAX_ARTICLE_CHARS + 1) }]);

    const reading = await read(memoryFile('two.json', text));

    expect(reading).toMatchObject({ kind: 'articles', articles: [{ title: 'Short' }], notes: ['article 2: longer than 1,000,000 characters (the limit per article); left out'] });
  });

  it('cuts long titles and keeps at most the allowed number of tags', async () => {
    const tags = Array.from({ length: MAX_TAGS + 5 }, (_, i) => `tag${i}`);
    const text = JSON.stringify({ title: 't'.repeat(MAX_FIELD_CHARS + 50), body: BODY, tags, url: `https://example.org/${'p'.repeat(5000)}` });

    const reading = await read(memoryFile('a.json', text));

    const [article] = reading.kind === 'articles' ? reading.articles : [];
    expect(article?.title).toHaveLength(MAX_FIELD_CHARS);
    expect(article?.tags).toHaveLength(MAX_TAGS);
    expect(article?.url).toBeUndefined();
  });

  it('keeps at most the allowed number of articles from one file', async () => {
    const lines = Array.from({ length: MAX_ARTICLES_PER_FILE + 3 }, (_, i) => `{"body":"text ${i}"}`).join('\n');

    const reading = await read(memoryFile('many.jsonl', lines));

    expect(reading.kind === 'articles' && reading.articles.length).toBe(MAX_ARTICLES_PER_FILE);
    expect(reading.kind === 'articles' && reading.notes.at(-1)).toBe('only the first 100,000 articles were read (the limit per file); 3 more were left out');
  }, 60_000);

  it('turns an unexpected error into a failed reading instead of throwing', async () => {
    const file: ImportSource = { name: 'a.txt', size: 10, bytes: () => Promise.reject(new Error('the disk went away')), head: async () => new Uint8Array() };

    expect(await read(file)).toEqual({ kind: 'failed', reason: 'Cairn could not read this file: an unexpected error (the disk went away)' });
  });

  it('passes CSV column choices to the CSV reader', async () => {
    const file = memoryFile('a.csv', `heading,notes\nT,${BODY}`);

    expect(await read(file)).toMatchObject({ kind: 'choose-columns', headers: ['heading', 'notes'] });
    expect(await readImportFile(file, {}, { csvColumns: { title: 'heading', body: 'notes' } })).toMatchObject({ kind: 'articles', articles: [{ title: 'T' }] });
  });
});
