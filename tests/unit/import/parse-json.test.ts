import { afterEach, describe, expect, it } from 'vitest';
import { parseJson } from '../../../lib/shared/import/parse-json.ts';

const BODY = 'The harbour authority confirmed that the night ferry will resume service next month.';

afterEach(() => {
  delete (Object.prototype as Record<string, unknown>).polluted;
});

describe('parseJson', () => {
  it('reads a list of articles, finding fields by their usual names in any case', () => {
    const text = JSON.stringify([
      { Headline: 'Night ferry returns', Content: BODY, Link: 'https://example.org/ferry', Publisher: { name: 'Harbour Post' }, Authors: ['Jane Roe', 'Tom Poe'], pubDate: 'Wed, 03 Apr 2024 15:30:00 GMT', Keywords: ['ferry', 'islands'] },
    ]);

    const reading = parseJson(text);

    expect(reading).toEqual({
      kind: 'articles',
      format: 'json',
      notes: [],
      articles: [
        {
          title: 'Night ferry returns',
          body: BODY,
          url: 'https://example.org/ferry',
          source: 'Harbour Post',
          author: 'Jane Roe, Tom Poe',
          publishedAt: '2024-04-03T15:30',
          tags: ['ferry', 'islands'],
        },
      ],
    });
  });

  it('reads one object, and an object holding an "articles" list', () => {
    expect(parseJson(JSON.stringify({ title: 'One', text: BODY }))).toMatchObject({ kind: 'articles', articles: [{ title: 'One' }] });
    expect(parseJson(JSON.stringify({ Articles: [{ title: 'A', body: BODY }, { title: 'B', body: BODY }] }))).toMatchObject({
      kind: 'articles',
      articles: [{ title: 'A' }, { title: 'B' }],
    });
  });

  it('leaves out items without text and says which', () => {
    const text = JSON.stringify([{ title: 'Kept', body: BODY }, { title: 'No text' }, 'a string', { title: 'Blank', body: '   ' }]);

    const reading = parseJson(text);

    expect(reading).toMatchObject({ kind: 'articles', articles: [{ title: 'Kept' }] });
    expect(reading.kind === 'articles' && reading.notes).toEqual([
      'item 2: no text field (looked for body, text, content, article); left out',
      'item 3: not an object (a string); left out',
      'item 4: the text is empty; left out',
    ]);
  });

  it('drops invalid dates, non-web links and tags that are not strings', () => {
    const text = JSON.stringify({ title: 'T', body: BODY, date: '2024-02-30', url: 'javascript:alert(1)', tags: [1, null, 'kept'] });

    const reading = parseJson(text);

    expect(reading).toMatchObject({ kind: 'articles', articles: [{ title: 'T', body: BODY, tags: ['kept'] }] });
    const [article] = reading.kind === 'articles' ? reading.articles : [];
    expect(article).not.toHaveProperty('publishedAt');
    expect(article).not.toHaveProperty('url');
  });

  it('gives a title from the text to an item without one', () => {
    expect(parseJson(JSON.stringify([{ body: BODY }]))).toMatchObject({ articles: [{ title: 'The harbour authority confirmed that the night ferry will resume service next…' }] });
  });

  it('says on which line and column a syntax error is', () => {
    expect(parseJson('[\n  {"title": "A",\n   "body": "text"')).toEqual({ kind: 'failed', reason: 'not valid JSON: line 3, column 18: unexpected end of input' });
    expect(parseJson('{"title": "A",\n "body": tru }')).toEqual({ kind: 'failed', reason: 'not valid JSON: line 2, column 10: unexpected "t"' });
    expect(parseJson('[{"title": "A"} {"title": "B"}]')).toMatchObject({ kind: 'failed', reason: 'not valid JSON: line 1, column 17: expected "," or "]", found "{"' });
  });

  it('keeps "__proto__" and "constructor" keys inert', () => {
    const text = '[{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "title": "Safe", "body": "Text of the article."}]';

    const reading = parseJson(text);

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(reading).toMatchObject({ kind: 'articles', articles: [{ title: 'Safe', body: 'Text of the article.' }] });
    const [article] = reading.kind === 'articles' ? reading.articles : [];
    expect(Object.getPrototypeOf(article)).toBe(Object.prototype);
    expect(Object.keys(article ?? {}).sort()).toEqual(['body', 'title']);
  });

  it('hands a Cairn backup back whole', () => {
    const backup = { format: 'cairn-backup', version: 1, articles: [{ id: 1 }] };

    expect(parseJson(JSON.stringify(backup))).toEqual({ kind: 'backup', data: backup, notes: [] });
  });

  it('reads a .json file that is really JSON Lines', () => {
    const reading = parseJson(`{"title":"A","body":"${BODY}"}\n{"title":"B","body":"${BODY}"}\n`);

    expect(reading).toMatchObject({ kind: 'articles', format: 'jsonl', articles: [{ title: 'A' }, { title: 'B' }] });
  });

  it('skips a file that holds no articles', () => {
    expect(parseJson('[]')).toEqual({ kind: 'skipped', reason: 'no articles in the file' });
    expect(parseJson('42')).toMatchObject({ kind: 'skipped' });
    expect(parseJson('[{"title": "only"}]')).toMatchObject({ kind: 'skipped', reason: expect.stringContaining('item 1: no text field') });
  });
});
