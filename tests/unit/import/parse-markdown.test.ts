import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../lib/shared/import/parse-markdown.ts';

describe('parseMarkdown', () => {
  it('reads the title, date, author, source, url and tags from YAML front matter', () => {
    const text = [
      '---',
      'title: "Night ferry returns"',
      'date: 2024-04-03',
      'author: [Jane Roe, Tom Poe]',
      'source: Harbour Post',
      'url: https://example.org/ferry',
      'tags: [ferry, islands]',
      '---',
      '',
      'The ferry **returns** next month.',
    ].join('\n');

    const reading = parseMarkdown(text, 'ferry.md');

    expect(reading).toEqual({
      kind: 'articles',
      format: 'md',
      notes: [],
      articles: [
        {
          title: 'Night ferry returns',
          body: 'The ferry returns next month.',
          publishedAt: '2024-04-03',
          author: 'Jane Roe, Tom Poe',
          source: 'Harbour Post',
          url: 'https://example.org/ferry',
          tags: ['ferry', 'islands'],
        },
      ],
    });
  });

  it('takes the first heading for the title and the rest as plain text paragraphs', () => {
    const text = [
      '# Harbour notes',
      '',
      'A [linked](https://example.org) word and an ![old pier](pier.png) image,',
      'on two lines.',
      '',
      '## Timetable',
      '',
      '- Monday',
      '- Friday',
      '',
      '> Quoted *words*.',
      '',
      '```',
      'code line 1',
      'code line 2',
      '```',
    ].join('\n');

    const reading = parseMarkdown(text, 'notes.md');

    expect(reading).toMatchObject({
      kind: 'articles',
      articles: [
        {
          title: 'Harbour notes',
          body: 'A linked word and an old pier image, on two lines.\n\nTimetable\n\nMonday\n\nFriday\n\nQuoted words.\n\ncode line 1\ncode line 2',
        },
      ],
    });
  });

  it('uses the file name when there is neither front matter nor heading', () => {
    expect(parseMarkdown('Just a paragraph.', 'folder/plain note.markdown')).toMatchObject({ articles: [{ title: 'plain note', body: 'Just a paragraph.' }] });
  });

  it('drops raw HTML tags and scripts, keeping their text', () => {
    const reading = parseMarkdown('# T\n\n<div onclick="steal()">Kept <b>text</b></div>\n\n<script>alert(1)</script>\n\nAfter.', 'x.md');

    const body = reading.kind === 'articles' ? reading.articles[0]?.body : '';
    expect(body).toBe('Kept text\n\nAfter.');
  });

  it('leaves out front matter that is not valid YAML, with a note, and keeps the text', () => {
    const reading = parseMarkdown('---\ntitle: [unclosed\n---\n\n# Heading\n\nText.', 'x.md');

    expect(reading).toMatchObject({ kind: 'articles', articles: [{ title: 'Heading', body: 'Text.' }] });
    expect(reading.kind === 'articles' && reading.notes[0]).toMatch(/^the front matter is not valid YAML/);
  });

  it('ignores front matter keys it does not know, including "__proto__"', () => {
    const reading = parseMarkdown('---\n__proto__:\n  polluted: true\nconstructor: x\ntitle: Safe\n---\nText.', 'x.md');

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(reading).toMatchObject({ kind: 'articles', articles: [{ title: 'Safe', body: 'Text.' }] });
    const [article] = reading.kind === 'articles' ? reading.articles : [];
    expect(Object.keys(article ?? {}).sort()).toEqual(['body', 'title']);
  });

  it('skips a document that has a heading but no text', () => {
    expect(parseMarkdown('# Only a heading\n', 'x.md')).toEqual({ kind: 'skipped', reason: '"Only a heading" has a title but no text' });
    expect(parseMarkdown('---\ntitle: x\n---\n', 'x.md')).toMatchObject({ kind: 'skipped' });
  });
});
