/**
 * Finds the words of a text exactly where `tokenize` finds them (same starts and ends), but
 * without `Intl.Segmenter` for Latin, Greek and Cyrillic text: a loop over character classes that
 * implements the UAX #29 word rules the segmenter applies there. In Chromium the segmenter costs
 * about 100 ms per MB of text, this loop a few. Runs of other scripts (CJK, Thai, emoji, …) go to
 * the segmenter, cut at places where segmentation provably restarts (a letter or digit after a
 * space or punctuation), so the result is the segmenter's own.
 *
 * Returns the words as flat pairs: `[start0, end0, start1, end1, …]`, UTF-16 offsets.
 */
export function scanWords(text: string): Int32Array {
  const scanner = getScanner();
  // Prose has a word every six characters or so: one allocation, rarely a second.
  const words: Offsets = { data: new Int32Array((text.length >> 1) + 16), length: 0 };
  if (scanner.classes === null) segmentInto(scanner.segmenter, text, 0, text.length, words);
  else scanFast(text, scanner.classes, scanner.segmenter, words);
  return words.data.subarray(0, words.length);
}

/** A growable list of word offsets: typed, because a million-character page has 300,000 of them. */
interface Offsets {
  data: Int32Array;
  length: number;
}

function push(words: Offsets, start: number, end: number): void {
  if (words.length + 2 > words.data.length) {
    const grown = new Int32Array(words.data.length * 2);
    grown.set(words.data);
    words.data = grown;
  }
  words.data[words.length++] = start;
  words.data[words.length++] = end;
}

interface Scanner {
  segmenter: Intl.Segmenter;
  /** Null when the engine's segmenter disagrees with the class rules: then it does everything. */
  classes: Uint8Array | null;
}

let shared: Scanner | undefined;

// Built lazily: the class table costs about a millisecond, and importing must stay cheap.
function getScanner(): Scanner {
  if (shared) return shared;
  const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
  const classes = buildWordClasses(segmenter);
  shared = { segmenter, classes: agreesWithSegmenter(classes, segmenter) ? classes : null };
  return shared;
}

// Every handled class in the contexts where engines are known to differ. If an engine tailors
// its word rules in a way the table does not foresee, the scanner steps aside instead of
// silently finding other words.
const CANARY =
  "Café l'été, e.g. U.S.A. 3.14 10:30 a:b x_y __ _ ab_ a_\u0301 1_000 foo-bar don’t don't 'tis o'clock' " +
  'Zürich naïve co\u00adop a\u0301b 1\u202f000 Ωμέγα Привет 3,5 a,b a;b 3;4 l·l x\u2027y 1\u20442 ' +
  '\t(x) [y] {z} "q" «r» — – … • € $5 100% #tag @me a/b a\\b a|b a+b a=b a<b a~b a^b a`b\n\r\nend.';

function agreesWithSegmenter(classes: Uint8Array, segmenter: Intl.Segmenter): boolean {
  const expected: Offsets = { data: new Int32Array(16), length: 0 };
  const actual: Offsets = { data: new Int32Array(16), length: 0 };
  segmentInto(segmenter, CANARY, 0, CANARY.length, expected);
  scanFast(CANARY, classes, segmenter, actual);
  if (actual.length !== expected.length) return false;
  for (let i = 0; i < actual.length; i++) if (actual.data[i] !== expected.data[i]) return false;
  return true;
}

function segmentInto(segmenter: Intl.Segmenter, text: string, from: number, to: number, words: Offsets): void {
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  for (const { index, segment, isWordLike } of segmenter.segment(part)) {
    if (isWordLike) push(words, from + index, from + index + segment.length);
  }
}

/** A letter or digit after a space, newline or punctuation: no word rule looks back across it. */
function isRestart(classes: Uint8Array, text: string, at: number): boolean {
  const here = classes[text.charCodeAt(at)];
  if (here !== LETTER && here !== NUMERIC) return false;
  const before = classes[text.charCodeAt(at - 1)];
  return before === SPACE || before === NEWLINE || before === OTHER;
}

function scanFast(text: string, classes: Uint8Array, segmenter: Intl.Segmenter, words: Offsets): void {
  const length = text.length;
  let restart = 0; // the last position where segmentation provably starts afresh
  let i = 0;
  while (i < length) {
    let kind = classes[text.charCodeAt(i)]!;
    if (kind === COMPLEX) {
      i = segmentComplex(text, classes, segmenter, restart, i, words);
      restart = i;
      continue;
    }
    if (kind !== LETTER && kind !== NUMERIC && kind !== EXTEND_NUM_LETTER) {
      i++;
      continue;
    }
    if (i > 0 && isRestart(classes, text, i)) restart = i;
    const start = i;
    let last = kind;
    let hasLetterOrDigit = kind !== EXTEND_NUM_LETTER;
    let joiners = kind === EXTEND_NUM_LETTER ? 1 : 0;
    let complexAt = -1;
    i++;
    let coreEnd = i; // after the last character that is not Extend or Format
    for (;;) {
      while (i < length && (kind = classes[text.charCodeAt(i)]!) === EXTEND) i++;
      if (i >= length) break;
      if (kind === COMPLEX) {
        complexAt = i;
        break;
      }
      if (kind === LETTER || kind === NUMERIC) {
        // WB5, WB8, WB9, WB10, WB13b
        last = kind;
        hasLetterOrDigit = true;
        coreEnd = ++i;
        continue;
      }
      if (kind === EXTEND_NUM_LETTER) {
        // WB13a
        last = kind;
        joiners++;
        coreEnd = ++i;
        continue;
      }
      const bridgesLetters = last === LETTER && (kind === MID_LETTER || kind === MID_NUM_LETTER);
      const bridgesDigits = last === NUMERIC && (kind === MID_NUM || kind === MID_NUM_LETTER);
      if (!bridgesLetters && !bridgesDigits) break;
      // WB6/WB7 and WB11/WB12: the punctuation joins only if the same kind follows it.
      let next = i + 1;
      let nextKind = OTHER;
      while (next < length && (nextKind = classes[text.charCodeAt(next)]!) === EXTEND) next++;
      if (next >= length) break;
      if (nextKind === COMPLEX) {
        complexAt = next;
        break;
      }
      if (nextKind !== last) break;
      i = coreEnd = next + 1;
    }
    if (complexAt >= 0) {
      i = segmentComplex(text, classes, segmenter, restart, complexAt, words);
      restart = i;
      continue;
    }
    // ICU quirk: a word ending in "_" plus accents or format characters ("a_\u0301") is not word-like.
    const endsInJoinerAndExtend = last === EXTEND_NUM_LETTER && coreEnd < i;
    if ((hasLetterOrDigit || joiners > 1) && !endsInJoinerAndExtend) push(words, start, i);
  }
}

/**
 * Hands the text around a complex character to the segmenter: from the last restart before it
 * to the first restart after it. Words already found in that stretch are taken back.
 * Returns where fast scanning resumes.
 */
function segmentComplex(
  text: string,
  classes: Uint8Array,
  segmenter: Intl.Segmenter,
  from: number,
  complexAt: number,
  words: Offsets,
): number {
  while (words.length > 0 && words.data[words.length - 2]! >= from) words.length -= 2;
  let to = complexAt + 1;
  while (to < text.length && !isRestart(classes, text, to)) to++;
  segmentInto(segmenter, text, from, to, words);
  return to;
}

/*
 * Word-break classes (Unicode UAX #29) of the characters the fast word scanner handles itself:
 * ASCII, Latin, Greek, Cyrillic, combining accents and general punctuation. Everything else (CJK,
 * Thai, Hebrew, Arabic, emoji, surrogates, …) is `COMPLEX` and left to `Intl.Segmenter`.
 *
 * The punctuation that joins words ("don't", "3.14", "e.g") is where ICU builds differ: Node's ICU
 * keeps "a.b" and "a:b" as one word, Chromium's splits them. So those few characters are classified
 * by asking the engine's own segmenter, once, rather than by a table that would be right in one
 * engine only.
 */
const OTHER = 0;
const LETTER = 1;
const NUMERIC = 2;
const MID_LETTER = 3;
const MID_NUM_LETTER = 4;
const MID_NUM = 5;
const EXTEND_NUM_LETTER = 6;
/** Extend and Format characters: they cling to the character before them (rule WB4). */
const EXTEND = 7;
const SPACE = 8;
const NEWLINE = 9;
const COMPLEX = 10;

/** Characters whose class differs between ICU builds or tailorings; asked of the engine. */
const PROBED = [
  0x27, 0x2c, 0x2e, 0x3a, 0x3b, 0x5f, 0xb7, 0x37e, 0x387, 0x2018, 0x2019, 0x2024, 0x2027, 0x202f,
  0x203f, 0x2040, 0x2044, 0x2054,
];

const HANDLED_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x052f], // ASCII, Latin-1, Latin Extended-A/B, IPA, accents, Greek, Cyrillic
  [0x1e00, 0x1fff], // Latin Extended Additional, Greek Extended
  [0x2000, 0x206f], // general punctuation: spaces, dashes, quotes, invisible formatting
  [0x20a0, 0x20cf], // currency signs
];

const NEWLINES = new Set([0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0x2028, 0x2029]);
// Zs spaces except the no-break ones (U+00A0, U+2007, U+202F), which UAX #29 does not treat as spaces.
const SPACES = new Set([0x20, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2008, 0x2009, 0x200a, 0x205f]);
const ZERO_WIDTH_JOINER = 0x200d; // joins emoji sequences (WB3c): left to the segmenter
const ZERO_WIDTH_SPACE = 0x200b; // Cf, but a word separator, not a Format character

function staticClass(code: number): number {
  if (NEWLINES.has(code)) return NEWLINE;
  if (SPACES.has(code)) return SPACE;
  if (code === ZERO_WIDTH_JOINER) return COMPLEX;
  if (code === ZERO_WIDTH_SPACE) return OTHER;
  if (code >= 0x30 && code <= 0x39) return NUMERIC;
  const char = String.fromCharCode(code);
  // Modifier symbols are letters to UAX #29 in some ranges and not in others: not worth a table.
  if (/\p{Sk}/u.test(char)) return COMPLEX;
  if (/[\p{M}\p{Cf}]/u.test(char)) return EXTEND;
  if (/\p{Alphabetic}/u.test(char)) return LETTER;
  return OTHER;
}

/** The class a word-joining character has in this engine, from how its segmenter splits probes. */
function probedClass(segmenter: Intl.Segmenter, code: number): number {
  const char = String.fromCharCode(code);
  const isOneWord = (text: string) => {
    const segments = [...segmenter.segment(text)];
    return segments.length === 1 && segments[0]!.isWordLike === true;
  };
  if (isOneWord(char)) return COMPLEX; // a letter or digit here would be a surprise: stay safe
  const joinsTrailing = isOneWord('a' + char);
  const joinsLetters = isOneWord('a' + char + 'b');
  const joinsDigits = isOneWord('1' + char + '2');
  if (joinsTrailing) return joinsLetters && joinsDigits && isOneWord(char + char) ? EXTEND_NUM_LETTER : COMPLEX;
  if (joinsLetters && joinsDigits) return MID_NUM_LETTER;
  if (joinsLetters) return MID_LETTER;
  if (joinsDigits) return MID_NUM;
  return OTHER;
}

/** A class per UTF-16 code unit (65,536 bytes), built on first use. */
function buildWordClasses(segmenter: Intl.Segmenter): Uint8Array {
  const classes = new Uint8Array(0x10000).fill(COMPLEX);
  for (const [from, to] of HANDLED_RANGES) {
    for (let code = from; code <= to; code++) classes[code] = staticClass(code);
  }
  classes[0xfeff] = EXTEND; // byte order mark / zero-width no-break space: Format
  for (const code of PROBED) classes[code] = probedClass(segmenter, code);
  return classes;
}
