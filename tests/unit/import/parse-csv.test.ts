import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../lib/shared/import/parse-csv.ts';

describe('parseCsv', () => {
  it('finds the title and text columns by name and reads the other article columns', () => {
    const text = 'Title,Body,URL,Author,Published At,Tags\n"Night ferry","The ferry returns, at last.",https://example.org/f,Jane Roe,2024-04-03,"ferry; islands"\n';

    const reading = parseCsv(text);

    expect(reading).toEqual({
      kind: 'articles',
      format: 'csv',
      notes: [],
      articles: [
        { title: 'Night ferry', body: 'The ferry returns, at last.', url: 'https://example.org/f', author: 'Jane Roe', publishedAt: '2024-04-03', tags: ['ferry', 'islands'] },
      ],
    });
  });

  it('keeps line breaks inside quoted fields as paragraphs and counts lines past them', () => {
    const text = 'title,text\nA,"First paragraph.\n\nSecond paragraph."\nB,"x",extra\n';

    const reading = parseCsv(text);

    expect(reading).toMatchObject({ kind: 'articles', articles: [{ title: 'A', body: 'First paragraph.\n\nSecond paragraph.' }] });
    expect(reading.kind === 'articles' && reading.notes).toEqual(['line 5 has 3 fields, the header has 2; left out']);
  });

  it('reads semicolon- and tab-separated files', () => {
    expect(parseCsv('title;content\nA;Some text.')).toMatchObject({ articles: [{ title: 'A', body: 'Some text.' }] });
    expect(parseCsv('title\tcontent\nA\tSome, text.', { delimiter: '\t' })).toMatchObject({ articles: [{ title: 'A', body: 'Some, text.' }] });
  });

  it('asks which columns to use when the text column cannot be told', () => {
    const reading = parseCsv('heading,notes\nA,Some text.');

    expect(reading).toEqual({
      kind: 'choose-columns',
      headers: ['heading', 'notes'],
      reason: 'no column is called body, text, content or article: choose the column that holds the text',
    });
  });

  it('uses the columns the user chose', () => {
    const reading = parseCsv('heading,notes,text\nA,Chosen text.,Other text.', { csvColumns: { title: 'heading', body: 'notes' } });

    expect(reading).toMatchObject({ kind: 'articles', articles: [{ title: 'A', body: 'Chosen text.' }] });
    expect(parseCsv('a,b\n1,2', { csvColumns: { body: 'c' } })).toMatchObject({ kind: 'choose-columns', reason: 'the file has no column "c"' });
  });

  it('fails the whole file on an unclosed quote, naming its line', () => {
    expect(parseCsv('title,body\nA,fine\nB,"never closed\nC,more')).toEqual({
      kind: 'failed',
      reason: 'line 3: unclosed quote (a field opened with " never closes)',
    });
  });

  it('fails a file in which no row has the header\'s number of fields', () => {
    expect(parseCsv('title,body,url\nA,b\nC,d')).toEqual({ kind: 'failed', reason: 'no row could be read (line 2 has 2 fields, the header has 3)' });
  });

  it('accepts empty fields past the header from a trailing separator', () => {
    expect(parseCsv('title,body\nA,text,,\n')).toMatchObject({ kind: 'articles', notes: [], articles: [{ title: 'A', body: 'text' }] });
  });

  it('leaves out rows without text with a note, and skips a header with no rows', () => {
    expect(parseCsv('title,body\nA,\nB,text')).toMatchObject({ kind: 'articles', articles: [{ title: 'B' }], notes: ['line 2: the text is empty'] });
    expect(parseCsv('title,body\n')).toEqual({ kind: 'skipped', reason: 'no rows below the header' });
  });

  it('treats a "__proto__" or "constructor" header as an ordinary column', () => {
    const reading = parseCsv('__proto__,constructor,title,body\n{"polluted":1},x,Safe,Text.');

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(reading).toMatchObject({ kind: 'articles', articles: [{ title: 'Safe', body: 'Text.' }] });
    const [article] = reading.kind === 'articles' ? reading.articles : [];
    expect(Object.keys(article ?? {}).sort()).toEqual(['body', 'title']);
  });
});
