import { describe, expect, it } from 'vitest';
import { parseTextFile } from '../../../lib/shared/import/parse-text-file.ts';

const FERRY = 'The harbour authority confirmed on Tuesday that the night ferry will resume service next month.';
const FERRY_2 = 'Officials said the repaired hull passed two inspections and the crew has completed new safety drills.';

describe('parseTextFile', () => {
  it('reads the title from the first line and metadata from the lines around it, like the default articles', () => {
    const text = ['Night ferry to return to the outer islands', 'By Priya Natarajan', 'Published: March 5, 2024', '', FERRY, '', FERRY_2].join('\n');

    const reading = parseTextFile(text, 'ferry.txt');

    expect(reading).toEqual({
      kind: 'articles',
      format: 'txt',
      notes: [],
      articles: [
        { title: 'Night ferry to return to the outer islands', body: `${FERRY}\n\n${FERRY_2}`, author: 'Priya Natarajan', publishedAt: '2024-03-05', lang: 'en' },
      ],
    });
  });

  it('keeps a one-line file under the file name', () => {
    const reading = parseTextFile('Buy rope for the boat', 'notes/harbour todo.txt');

    expect(reading).toMatchObject({ kind: 'articles', articles: [{ title: 'harbour todo', body: 'Buy rope for the boat' }] });
  });

  it('keeps a file whose lines all look like page furniture, rather than losing it', () => {
    const reading = parseTextFile('Read More\nShare\nSubscribe', 'buttons.txt');

    expect(reading).toMatchObject({ kind: 'articles', articles: [{ title: 'buttons', body: 'Read More\n\nShare\n\nSubscribe' }] });
  });

  it('does not take a long first paragraph for a title', () => {
    const paragraph = `${FERRY} ${FERRY_2} ${FERRY} ${FERRY_2}`;

    const reading = parseTextFile(`${paragraph}\n\n${FERRY}`, 'untitled note.txt');

    expect(reading).toMatchObject({ kind: 'articles', articles: [{ title: 'untitled note', body: `${paragraph}\n\n${FERRY}` }] });
  });

  it('skips a file with only whitespace and invisible characters as empty', () => {
    expect(parseTextFile(' \n\t\u200b\n', 'blank.txt')).toEqual({ kind: 'skipped', reason: 'empty' });
  });
});
