import { describe, expect, it } from 'vitest';
import { MAX_ARTICLE_CHARS } from '../../../lib/shared/import/limits.ts';
import { parsePastedText } from '../../../lib/shared/import/parse-pasted-text.ts';

const FERRY = 'The harbour authority confirmed on Tuesday that the night ferry will resume service next month.';

describe('parsePastedText', () => {
  it('takes the first line for the title and reads metadata lines, like a .txt file', () => {
    const result = parsePastedText(`Night ferry returns\nBy Priya Natarajan\n\n${FERRY}`);

    expect(result).toEqual({ kind: 'article', notes: [], article: { title: 'Night ferry returns', body: FERRY, author: 'Priya Natarajan', lang: 'en' } });
  });

  it('uses the title the user gave, keeping the whole pasted text as the body', () => {
    const result = parsePastedText(`${FERRY}\n\nSecond paragraph here.`, '  My ferry note ');

    expect(result).toMatchObject({ kind: 'article', article: { title: 'My ferry note', body: `${FERRY}\n\nSecond paragraph here.` } });
  });

  it('does not repeat the given title when the paste starts with it', () => {
    const result = parsePastedText(`Night ferry returns\n\n${FERRY}`, 'Night ferry returns');

    expect(result).toMatchObject({ kind: 'article', article: { title: 'Night ferry returns', body: FERRY } });
  });

  it('keeps a one-line paste', () => {
    expect(parsePastedText('Remember the ferry timetable')).toMatchObject({ kind: 'article', article: { body: 'Remember the ferry timetable' } });
  });

  it('refuses empty or whitespace-only text with a reason', () => {
    expect(parsePastedText('')).toEqual({ kind: 'failed', reason: 'Nothing to add: the text is empty.' });
    expect(parsePastedText(' \n\t\u200b ', 'A title')).toEqual({ kind: 'failed', reason: 'Nothing to add: the text is empty.' });
  });

  it('refuses text longer than an article may be', () => {
    const result = parsePastedText(`Title\n\n${'word '.repeat(MAX_ARTICLE_CHARS / 4)}`);

    expect(result).toEqual({ kind: 'failed', reason: 'The text is longer than 1,000,000 characters (the limit per article).' });
  });
});
