import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../lib/shared/import/decode-text.ts';

const utf16le = (text: string, bom = true) => {
  const bytes = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  if (bom) bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    bytes[(bom ? 2 : 0) + i * 2] = code & 0xff;
    bytes[(bom ? 2 : 0) + i * 2 + 1] = code >> 8;
  }
  return bytes;
};
const swapPairs = (bytes: Uint8Array) => {
  const out = bytes.slice();
  for (let i = 0; i + 1 < out.length; i += 2) [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
  return out;
};

describe('decodeText', () => {
  it('reads UTF-8 without a byte order mark', () => {
    const result = decodeText(new TextEncoder().encode('Café in Wuzhen 乌镇'));

    expect(result).toEqual({ kind: 'text', text: 'Café in Wuzhen 乌镇', encoding: 'utf-8', notes: [] });
  });

  it('drops a UTF-8 byte order mark', () => {
    const result = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Title')]));

    expect(result).toMatchObject({ kind: 'text', text: 'Title', encoding: 'utf-8' });
  });

  it('reads UTF-16 little- and big-endian files by their byte order mark', () => {
    const le = utf16le('Résumé 乌镇');
    const be = swapPairs(le);

    expect(decodeText(le)).toMatchObject({ kind: 'text', text: 'Résumé 乌镇', encoding: 'utf-16le', notes: [] });
    expect(decodeText(be)).toMatchObject({ kind: 'text', text: 'Résumé 乌镇', encoding: 'utf-16be', notes: [] });
  });

  it('keeps a UTF-16 file with a lone surrogate, replacing it and saying so', () => {
    const bytes = utf16le('ab\ud800cd');

    const result = decodeText(bytes);

    expect(result).toMatchObject({ kind: 'text', text: 'ab\ufffdcd' });
    expect(result.kind === 'text' && result.notes[0]).toMatch(/replaced/);
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8, with a note', () => {
    // "Café – “quoted”" as Windows-1252 wrote it.
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x93, 0x71, 0x94]);

    const result = decodeText(bytes);

    expect(result).toEqual({
      kind: 'text',
      text: 'Café – “q”',
      encoding: 'windows-1252',
      notes: ['not valid UTF-8 or UTF-16; decoded as Windows-1252'],
    });
  });

  it('takes NUL bytes without a UTF-16 mark for a binary file', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

    expect(decodeText(png)).toEqual({ kind: 'binary' });
    expect(decodeText(utf16le('plain', false))).toEqual({ kind: 'binary' });
  });

  it('reads an empty file as empty text', () => {
    expect(decodeText(new Uint8Array())).toMatchObject({ kind: 'text', text: '' });
  });
});
