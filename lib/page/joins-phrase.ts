/**
 * Whether the text between two words, `text[from, to)`, lets them belong to one phrase.
 *
 * Precision first: a phrase may run across
 * - spaces of any kind (including none, as between Chinese words) and at most one line break;
 * - apostrophes and single quotes ("students' union");
 * - one hyphen ("submarine-cable", "sub-\nmarine"), but not a hyphen with space on both sides,
 *   which is a dash;
 * - invisible formatting (soft hyphen, zero-width space, direction marks);
 * - one of `. : / &` standing alone between the words, as in "Node.js", "U.S", "TCP/IP", "AT&T"
 *   (Chromium's segmenter splits these, Node's keeps some as one word).
 *
 * Everything else ends a phrase: sentence ends (`. ! ? ; :` followed by space, `…`, `。` and the
 * like), a paragraph break (two line breaks, U+2029), commas, brackets, double quotes, dashes,
 * slashes with spaces, bullets, symbols and emoji.
 */
export function joinsPhrase(text: string, from: number, to: number): boolean {
  if (to - from === 1) {
    const code = text.charCodeAt(from);
    return isConnector(code) || kindOf(code) !== BREAK;
  }
  let lineBreaks = 0;
  let hyphens = 0;
  let spaceBeforeHyphen = false;
  let spaceAfterHyphen = false;
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    const kind = kindOf(code);
    if (kind === BREAK) return false;
    if (kind === LINE_BREAK) {
      if (code === 0x0d && text.charCodeAt(at + 1) === 0x0a && at + 1 < to) at++;
      if (++lineBreaks > 1) return false;
    }
    if (kind === SPACE || kind === LINE_BREAK) {
      if (hyphens === 0) spaceBeforeHyphen = true;
      else spaceAfterHyphen = true;
    } else if (kind === HYPHEN) {
      if (++hyphens > 1) return false;
    }
  }
  return !(spaceBeforeHyphen && spaceAfterHyphen && hyphens > 0);
}

const BREAK = 0;
const SPACE = 1;
const LINE_BREAK = 2;
const HYPHEN = 3;
const QUIET = 4; // apostrophes and invisible formatting: allowed anywhere, any number

function kindOf(code: number): number {
  switch (code) {
    case 0x20: case 0x09: case 0xa0: case 0x1680: case 0x202f: case 0x205f: case 0x3000:
      return SPACE;
    case 0x0a: case 0x0b: case 0x0c: case 0x0d: case 0x85: case 0x2028:
      return LINE_BREAK;
    case 0x2d: case 0x2010: case 0x2011:
      return HYPHEN;
    case 0x27: case 0x2018: case 0x2019:
    case 0xad: case 0x200b: case 0x200c: case 0x200d: case 0x200e: case 0x200f: case 0x2060: case 0xfeff:
      return QUIET;
    default:
      return code >= 0x2000 && code <= 0x200a ? SPACE : BREAK;
  }
}

function isConnector(code: number): boolean {
  return code === 0x2e || code === 0x3a || code === 0x2f || code === 0x26;
}
