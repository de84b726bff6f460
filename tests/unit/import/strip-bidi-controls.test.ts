import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { articleChanges } from '../../../entrypoints/library/article-changes.ts';
import type { ArticleListing } from '../../../lib/protocol.ts';
import { backupArticleSchema, parsedArticleSchema } from '../../../lib/shared/import/article-schemas.ts';
import { cleanBody } from '../../../lib/shared/import/clean-body.ts';
import { cleanField } from '../../../lib/shared/import/clean-field.ts';
import { parsePastedText } from '../../../lib/shared/import/parse-pasted-text.ts';
import { readImportFile } from '../../../lib/shared/import/read-import-file.ts';
import { stripBidiControls } from '../../../lib/shared/text/strip-bidi-controls.ts';
import { memoryFile } from '../../import-corpus/memory-file.ts';

// "invoice\u202Etxt.exe" displays as "invoiceexe.txt": the override reverses what follows it.
const SPOOFED = 'invoice\u202etxt.exe';
const ALL_FORMATTING = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';
const BODY = 'The harbour authority confirmed that the night ferry will resume service next month.';

describe('stripBidiControls', () => {
  it('removes every embedding, override and isolate', () => {
    expect(stripBidiControls(`a${ALL_FORMATTING}b`)).toBe('ab');
  });

  it('keeps the directional marks unless asked to remove them too', () => {
    expect(stripBidiControls('שלום\u200f!\u200e\u061c')).toBe('שלום\u200f!\u200e\u061c');
    expect(stripBidiControls('שלום\u200f!\u200e\u061c', { marks: true })).toBe('שלום!');
  });
});

describe('bidirectional controls on each import path', () => {
  it('cleanField strips them and the marks from titles, authors, sources and tags', () => {
    expect(cleanField(SPOOFED)).toBe('invoicetxt.exe');
    expect(cleanField(`\u200f${ALL_FORMATTING}`)).toBeUndefined();
  });

  it('cleanBody strips overrides from a body but keeps right-to-left marks', () => {
    expect(cleanBody(`مرحبا\u200f (1)\n\nsee ${SPOOFED}`)).toBe('مرحبا\u200f (1)\n\nsee invoicetxt.exe');
  });

  it('a file: a text file’s first line and a JSON record’s fields', async () => {
    const txt = await readImportFile(memoryFile('a.txt', `${SPOOFED}\n\n${BODY}`), {});
    const json = await readImportFile(memoryFile('a.json', JSON.stringify({ title: SPOOFED, author: 'A\u2067B', source: '\u200eS', body: BODY })), {});

    expect(txt).toMatchObject({ articles: [{ title: 'invoicetxt.exe' }] });
    expect(json).toMatchObject({ articles: [{ title: 'invoicetxt.exe', author: 'AB', source: 'S' }] });
  });

  it('a paste: the given title and the first line', () => {
    expect(parsePastedText(BODY, SPOOFED)).toMatchObject({ article: { title: 'invoicetxt.exe' } });
    expect(parsePastedText(`${SPOOFED}\n\n${BODY}`)).toMatchObject({ article: { title: 'invoicetxt.exe' } });
  });

  it('the library editor: what the user typed is sent without them', () => {
    const article = { id: 1, title: 'Old', tags: [], origin: 'file', importedAt: 0 } as unknown as ArticleListing;

    const changes = articleChanges(article, { title: SPOOFED, source: 'Times\u202e', author: '', publishedAt: '', tags: 'a\u2066b' });

    expect(changes).toEqual({ title: 'invoicetxt.exe', source: 'Times', tags: ['ab'] });
  });

  it('the background’s schemas strip them from what a page, a paste or a backup sends', () => {
    const sent = { title: SPOOFED, author: '\u2068x\u2069', body: `${BODY}\u202e\u200f`, tags: ['t\u202e'] };

    expect(v.parse(parsedArticleSchema, sent)).toEqual({ title: 'invoicetxt.exe', author: 'x', body: `${BODY}\u200f`, tags: ['t'] });
    expect(v.parse(backupArticleSchema, { ...sent, id: 1, origin: 'file', importedAt: 0, fileName: SPOOFED })).toMatchObject({ fileName: 'invoicetxt.exe' });
    expect(v.safeParse(parsedArticleSchema, { title: '\u202e', body: BODY }).success).toBe(false);
  });
});
