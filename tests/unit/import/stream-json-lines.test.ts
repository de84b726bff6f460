import { describe, expect, it } from 'vitest';
import type { ParsedArticle } from '../../../lib/protocol.ts';
import { streamJsonLines } from '../../../lib/shared/import/stream-json-lines.ts';

/** The bytes of `text` in chunks of `size` bytes, cutting lines and characters anywhere. */
async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
}

const encode = (text: string) => new TextEncoder().encode(text);
const line = (n: number) => JSON.stringify({ title: `Pier ${n}`, body: `The pier number ${n} reopens on Monday — café included.` });

async function stream(bytes: Uint8Array, chunk = 7, partArticles = 3) {
  const parts: ParsedArticle[][] = [];
  const reading = await streamJsonLines(chunksOf(bytes, chunk), (part) => parts.push(part), { fallbackTitle: 'feed', partArticles });
  return { parts, reading };
}

describe('streamJsonLines', () => {
  it('hands the articles over in parts as the lines come, whatever the chunks cut', async () => {
    const text = Array.from({ length: 8 }, (_, i) => line(i + 1)).join('\r\n') + '\n';

    const { parts, reading } = await stream(encode(text));

    expect(parts.map((part) => part.length)).toEqual([3, 3, 2]);
    expect(parts.flat().map((article) => article.title)).toEqual(Array.from({ length: 8 }, (_, i) => `Pier ${i + 1}`));
    expect(parts[0]![0]!.body).toContain('café');
    expect(reading).toEqual({ kind: 'articles', format: 'jsonl', articles: [], notes: [] });
  });

  it('leaves out a bad line alone, naming it, and says when the file ends inside its last line', async () => {
    const text = [line(1), '{"title": "broken"', '', '"just a string"', line(5), '{"title": "cut', ].join('\n');

    const { parts, reading } = await stream(encode(text));

    expect(parts.flat().map((article) => article.title)).toEqual(['Pier 1', 'Pier 5']);
    expect(reading).toMatchObject({ kind: 'articles' });
    const notes = reading?.kind === 'articles' ? reading.notes : [];
    expect(notes[0]).toBe('line 2: not valid JSON; left out');
    expect(notes[1]).toMatch(/^line 4: not an object/);
    expect(notes[2]).toBe('line 6: not valid JSON (the file ends inside it: was it cut off?); left out');
  });

  it('reads a line that is not valid UTF-8 as Windows-1252, with a note, and the other lines as UTF-8', async () => {
    const bad = Uint8Array.from([...encode('{"title": "Caf'), 0xe9, ...encode('", "body": "Menu du jour."}\n')]);
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...encode(`${line(1)}\n`), ...bad, ...encode(line(3))]);

    const { parts, reading } = await stream(bytes, 5);

    expect(parts.flat().map((article) => article.title)).toEqual(['Pier 1', 'Café', 'Pier 3']);
    expect(reading).toMatchObject({ notes: ['line 2: not valid UTF-8; decoded as Windows-1252'] });
  });

  it('names the line of an article over the limits', async () => {
    const text = [line(1), JSON.stringify({ title: 'Huge', body: 'word '.repeat(250_000) })].join('\n');

    const { reading } = await stream(encode(text), 64 * 1024);

    expect(reading).toMatchObject({ notes: ['line 2: longer than 1,000,000 characters (the limit per article); left out'] });
  });

  it('sends nothing and leaves the file to the whole-file reader when no line is an article', async () => {
    const pretty = JSON.stringify([{ title: 'A', body: 'Text.' }], null, 2);
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Array.from(encode(line(1))).flatMap((byte) => [byte, 0])]);

    for (const bytes of [encode(pretty), utf16, encode('\n\n')]) {
      const { parts, reading } = await stream(bytes);

      expect(parts).toEqual([]);
      expect(reading).toBeUndefined();
    }
  });
});
