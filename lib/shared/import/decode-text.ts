/** What the bytes of a text file came to. */
export type DecodedText =
  | {
      kind: 'text';
      text: string;
      encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
      /** Things the user should know about how the file was read. */
      notes: string[];
    }
  /** NUL bytes without a UTF-16 byte order mark: an image, an archive, a program. */
  | { kind: 'binary' };

/** How far into a file NUL bytes are looked for. Text files have none; binary files have many early. */
const SNIFF_BYTES = 8 * 1024;

/**
 * What Windows-1252 puts at bytes 0x80–0x9F (undefined bytes keep their C1 code). Browsers decode
 * these themselves; some Node builds decode "windows-1252" as Latin-1 and leave C1 controls.
 */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const C1_CONTROLS = /[\u0080-\u009f]/g;

/**
 * Decodes a text file of unknown encoding. A byte order mark decides (UTF-8, UTF-16 LE or BE);
 * without one the file is read as strict UTF-8, and when that fails as Windows-1252, with a note,
 * since that is what old Windows editors wrote. A NUL byte near the start without a UTF-16 mark
 * means a binary file. UTF-16 without a mark is not guessed at (issue 3: rare, and a wrong guess
 * would turn a binary file into nonsense). Never throws.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeUtf8(bytes.subarray(3), true);
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes.subarray(2), 'utf-16be');
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return { kind: 'binary' };
  return decodeUtf8(bytes, false);
}

function decodeUtf8(bytes: Uint8Array, hadMark: boolean): DecodedText {
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', notes: [] };
  } catch {
    const text = new TextDecoder('windows-1252').decode(bytes).replace(C1_CONTROLS, (char) => WINDOWS_1252_C1[char.charCodeAt(0) - 0x80] ?? char);
    const note = hadMark
      ? 'marked as UTF-8 but not valid UTF-8; decoded as Windows-1252'
      : 'not valid UTF-8 or UTF-16; decoded as Windows-1252';
    return { kind: 'text', text, encoding: 'windows-1252', notes: [note] };
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  // A lone surrogate or an odd last byte is replaced by U+FFFD rather than refusing the file:
  // one damaged character should not cost the user the whole document.
  const text = new TextDecoder(encoding).decode(bytes);
  const notes = text.includes('\ufffd') ? [`some characters could not be read as ${encoding.toUpperCase()} and were replaced by �`] : [];
  return { kind: 'text', text, encoding, notes };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}
