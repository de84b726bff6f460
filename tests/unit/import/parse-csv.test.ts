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

  it('imports the rows before an unclosed quote and names the lines it swallowed', () => {
    const reading = parseCsv('title,body\nA,fine\nB,"never closed\nC,more\nD,last\n');

    expect(reading).toEqual({
      kind: 'articles',
      format: 'csv',
      articles: [{ title: 'A', body: 'fine' }],
      notes: ['lines 3–5: unclosed quote (a field opened with " never closes, so the rest of the file is read as part of it); left out'],
    });
  });

  it('fails a file whose first row has an unclosed quote, and one whose header has', () => {
    expect(parseCsv('title,body\nB,"never closed\nC,more')).toMatchObject({ kind: 'failed', reason: expect.stringContaining('no row could be read (lines 2–3: unclosed quote') });
    expect(parseCsv('"title,body\nA,b')).toMatchObject({ kind: 'failed', reason: expect.stringContaining('the header cannot be read (lines 1–2: unclosed quote') });
  });

  it('leaves out a row with a stray quote, naming its line, and imports the rows on either side', () => {
    const reading = parseCsv('title,body\nA,"a ""quoted"" word"\nB,"bad "quote" here"\nC,"multi\n\nline"\nD,plain\n');

    expect(reading).toMatchObject({
      kind: 'articles',
      articles: [{ title: 'A', body: 'a "quoted" word' }, { title: 'C', body: 'multi\n\nline' }, { title: 'D', body: 'plain' }],
      notes: ['line 3: a quote in the middle of a quoted field; left out'],
    });
  });

  it('reads a file of thousands of rows with stray quotes in one pass, in well under a second per 10,000 rows', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => (i % 10 === 3 ? `T${i},"bad "quote ${i}"` : `T${i},body ${i}`));

    const started = performance.now();
    const reading = parseCsv(['title,body', ...rows].join('\n'));
    const ms = performance.now() - started;

    expect(reading.kind === 'articles' && [reading.articles.length, reading.notes.length]).toEqual([18_000, 2_000]);
    expect(ms).toBeLessThan(4_000);
  });

  it('fails a file in which no row has the header\'s number of fields', () => {
    expect(parseCsv('title,body,url\nA,b\nC,d')).toEqual({ kind: 'failed', reason: 'no row could be read (line 2 has 2 fields, the header has 3)' });
  });

  it('accepts empty fields past the header from a trailing separator', () => {
    expect(parseCsv('title,body\nA,text,,\n')).toMatchObject({ kind: 'articles', notes: [], articles: [{ title: 'A', body: 'text' }] });
  });

  it('leaves out rows without text with a note, and skips a header with no rows', () => {
    expect(parseCsv('title,body\nA,\nB,text')).toMatchObject({ kind: 'articles', articles: [{ title: 'B' }], notes: ['line 2: the text is empty; left out'] });
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
