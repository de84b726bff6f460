import { describe, expect, it } from 'vitest';
import { parseJsonLines } from '../../../lib/shared/import/parse-json-lines.ts';

const line = (title: string) => JSON.stringify({ title, body: `The text of ${title}.` });

describe('parseJsonLines', () => {
  it('reads one article per line, ignoring blank lines', () => {
    const reading = parseJsonLines(`${line('A')}\n\n${line('B')}\r\n`);

    expect(reading).toMatchObject({ kind: 'articles', format: 'jsonl', notes: [], articles: [{ title: 'A' }, { title: 'B' }] });
  });

  it('imports the valid lines and notes each bad one by its line number', () => {
    const text = [line('A'), '{"title": "cut', line('C'), '{"title": "no text"}', '[1, 2]', '{"title": "trunc'].join('\n');

    const reading = parseJsonLines(text);

    expect(reading).toMatchObject({ kind: 'articles', articles: [{ title: 'A' }, { title: 'C' }] });
    expect(reading.kind === 'articles' && reading.notes).toEqual([
      'line 2: not valid JSON; left out',
      'line 6: not valid JSON; left out',
      'line 4: no text field (looked for body, text, content, article); left out',
      'line 5: not an object (a list); left out',
    ]);
  });

  it('fails a file in which no line is JSON', () => {
    expect(parseJsonLines('hello\nworld')).toEqual({ kind: 'failed', reason: 'no line is valid JSON (line 1: not valid JSON)' });
  });

  it('skips a file whose lines hold no text', () => {
    expect(parseJsonLines('{"title": "a"}\n{"title": "b"}')).toMatchObject({ kind: 'skipped' });
  });

  it('keeps "__proto__" keys inert', () => {
    const reading = parseJsonLines('{"__proto__": {"polluted": true}, "title": "Safe", "body": "Text."}');

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(reading).toMatchObject({ kind: 'articles', articles: [{ title: 'Safe', body: 'Text.' }] });
  });
});
