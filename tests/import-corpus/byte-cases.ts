import { randomInt, type Random } from '../../bench/prng.ts';
import { BODY, type CorpusFile, entry, EXTENSIONS } from './corpus-entry.ts';

// Files whose bytes are the problem: binary data under text names, every encoding, emptiness.

export function binaryFiles(random: Random): CorpusFile[] {
  const magic: [string, number[]][] = [
    ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]],
    ['zip', [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0]],
    ['elf', [0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0]],
    ['gzip', [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0]],
    ['jpeg', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]],
  ];
  const files: CorpusFile[] = [];
  for (const [kind, header] of magic) {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = randomInt(random, 0, 255);
    bytes.set(header);
    for (const extension of ['txt', 'json', 'csv']) files.push(entry(`${kind}-renamed.${extension}`, bytes, 'failed', `${kind} data renamed .${extension}`));
    files.push(entry(`${kind}-no-extension`, bytes, 'failed', `${kind} data without an extension`));
  }
  files.push(
    entry('photo.png', new Uint8Array(magic[0]![1]), 'skipped', 'an image: unsupported type'),
    entry('setup.exe', new Uint8Array([0x4d, 0x5a, 0x90, 0]), 'skipped', 'a program: unsupported type'),
    entry('report.docx', new Uint8Array(magic[1]![1]), 'skipped', 'a Word document: unsupported type'),
    entry('zip-renamed.pdf', new Uint8Array(magic[1]![1]), 'failed', 'ZIP data renamed .pdf'),
  );
  return files;
}

function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const bytes = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  if (bom) bytes.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const at = (bom ? 2 : 0) + i * 2;
    bytes[at + (order === 'le' ? 0 : 1)] = code & 0xff;
    bytes[at + (order === 'le' ? 1 : 0)] = code >> 8;
  }
  return bytes;
}

export function encodings(): CorpusFile[] {
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const withBom = (bytes: Uint8Array) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
  const cp1252 = (text: string) => Uint8Array.from(text, (char) => ({ é: 0xe9, '–': 0x96, '“': 0x93, '”': 0x94, '’': 0x92 })[char] ?? char.charCodeAt(0));
  const accented = `Café on the quay – “open” again\n\n${BODY} It’s back.`;
  const csv = `title,body\nCafé,"${BODY}"\n`;
  const json = JSON.stringify([{ title: 'Café 乌镇', body: BODY }]);
  const files: CorpusFile[] = [];
  for (const [name, text] of [['txt', accented], ['md', `# ${accented}`], ['csv', csv], ['json', json]] as const) {
    files.push(
      entry(`utf8.${name}`, utf8(text), 'articles', `UTF-8 .${name}`, 1),
      entry(`utf8-bom.${name}`, withBom(utf8(text)), 'articles', `UTF-8 with BOM .${name}`, 1),
      entry(`utf16le.${name}`, utf16(text, 'le'), 'articles', `UTF-16 LE with BOM .${name}`, 1),
      entry(`utf16be.${name}`, utf16(text, 'be'), 'articles', `UTF-16 BE with BOM .${name}`, 1),
    );
  }
  files.push(
    entry('cp1252.txt', cp1252(accented), 'articles', 'Windows-1252 text', 1),
    entry('cp1252.csv', cp1252(`title,body\nCafé,${BODY} It’s back.\n`), 'articles', 'Windows-1252 CSV', 1),
    entry('invalid-utf8.txt', new Uint8Array([...utf8('Title line\n\n'), 0xc3, 0x28, 0xe2, 0x82, ...utf8(` ${BODY}`)]), 'articles', 'invalid UTF-8 sequences', 1),
    entry('overlong-utf8.txt', new Uint8Array([...utf8('Title line\n\n'), 0xc0, 0xaf, 0xed, 0xa0, 0x80, ...utf8(` ${BODY}`)]), 'articles', 'overlong and surrogate UTF-8 encodings', 1),
    entry('lone-surrogate.txt', utf16(`Title line\n\n${BODY} \ud800 end.`, 'le'), 'articles', 'UTF-16 with a lone surrogate', 1),
    entry('lone-surrogate.json', utf16(`[{"title":"A","body":"${BODY} \udc00"}]`, 'be'), 'articles', 'UTF-16 JSON with a lone surrogate', 1),
    entry('odd-length-utf16.txt', utf16(`Title line\n\n${BODY}`, 'le').slice(0, -1), 'articles', 'UTF-16 with its last byte cut off', 1),
    entry('utf16-no-bom.txt', utf16(`Title line\n\n${BODY}`, 'le', false), 'failed', 'UTF-16 without BOM reads as binary'),
  );
  return files;
}

export function emptyFiles(): CorpusFile[] {
  const contents: [string, Uint8Array][] = [
    ['empty', new Uint8Array()],
    ['spaces', new TextEncoder().encode(' \r\n\t \n')],
    ['bom-only', new Uint8Array([0xef, 0xbb, 0xbf])],
    ['utf16-spaces', utf16('  \n ', 'le')],
  ];
  const files: CorpusFile[] = [];
  for (const extension of EXTENSIONS) {
    for (const [kind, bytes] of contents) {
      // A PDF is recognised by its header, so a BOM or UTF-16 "PDF" is simply not a PDF.
      const expect = extension === 'pdf' && (kind === 'bom-only' || kind === 'utf16-spaces') ? 'failed' : 'skipped';
      files.push(entry(`${kind}${extension === '' ? '' : `.${extension}`}`, bytes, expect, `${kind} file .${extension || '(none)'}`));
    }
  }
  return files;
}
