/**
 * Word-break classes (Unicode UAX #29) of the characters the fast word scanner handles itself:
 * ASCII, Latin, Greek, Cyrillic, combining accents and general punctuation. Everything else (CJK,
 * Thai, Hebrew, Arabic, emoji, surrogates, …) is `COMPLEX` and left to `Intl.Segmenter`.
 *
 * The punctuation that joins words ("don't", "3.14", "e.g") is where ICU builds differ: Node's ICU
 * keeps "a.b" and "a:b" as one word, Chromium's splits them. So those few characters are classified
 * by asking the engine's own segmenter, once, rather than by a table that would be right in one
 * engine only.
 */
export const WordBreak = {
  OTHER: 0,
  LETTER: 1,
  NUMERIC: 2,
  MID_LETTER: 3,
  MID_NUM_LETTER: 4,
  MID_NUM: 5,
  EXTEND_NUM_LETTER: 6,
  /** Extend and Format characters: they cling to the character before them (rule WB4). */
  EXTEND: 7,
  SPACE: 8,
  NEWLINE: 9,
  /** Left to `Intl.Segmenter`. */
  COMPLEX: 10,
} as const;

const { OTHER, LETTER, NUMERIC, MID_LETTER, MID_NUM_LETTER, MID_NUM, EXTEND_NUM_LETTER, EXTEND, SPACE, NEWLINE, COMPLEX } =
  WordBreak;

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
const ZERO_WIDTH_JOINER = 0x200d;
const ZERO_WIDTH_SPACE = 0x200b;

/**
 * Classes of the handled ranges, decided by one pass of each Unicode property over all of them at
 * once: a fresh page pays for this before its first word is found, and 8,400 separate regular
 * expression tests cost it a few milliseconds. Later steps override earlier ones, in the order of
 * precedence (a newline is a newline whatever its other properties).
 */
function fillStaticClasses(classes: Uint8Array): void {
  const codes: number[] = [];
  for (const [from, to] of HANDLED_RANGES) for (let code = from; code <= to; code++) codes.push(code);
  const text = String.fromCharCode(...codes);
  for (const code of codes) classes[code] = OTHER;
  const mark = (pattern: RegExp, value: number) => {
    for (const match of text.matchAll(pattern)) classes[match[0].charCodeAt(0)] = value;
  };
  mark(/\p{Alphabetic}/gu, LETTER);
  mark(/[\p{M}\p{Cf}]/gu, EXTEND);
  // Modifier symbols are letters to UAX #29 in some ranges and not in others: not worth a table,
  // except for the common ones of ASCII and Latin-1 (^ ` ¨ ¯ ´), which are plain punctuation.
  mark(/\p{Sk}/gu, COMPLEX);
  for (const code of [0x5e, 0x60, 0xa8, 0xaf, 0xb4]) classes[code] = OTHER;
  for (let code = 0x30; code <= 0x39; code++) classes[code] = NUMERIC;
  classes[ZERO_WIDTH_SPACE] = OTHER; // Cf, but a word separator, not a Format character
  classes[ZERO_WIDTH_JOINER] = COMPLEX; // joins emoji sequences (WB3c): left to the segmenter
  for (const code of SPACES) classes[code] = SPACE;
  for (const code of NEWLINES) classes[code] = NEWLINE;
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
export function buildWordClasses(segmenter: Intl.Segmenter): Uint8Array {
  return buildWordClassesFrom(probeWordClasses(segmenter))!;
}

/** The classes of the characters engines disagree on (`PROBED`, in order), asked of a segmenter. */
export function probeWordClasses(segmenter: Intl.Segmenter): number[] {
  return PROBED.map((code) => probedClass(segmenter, code));
}

/**
 * The class table from probes made elsewhere (by the background, in the same browser), so a page
 * need not create a segmenter: Chromium's first `Intl.Segmenter` in a page costs 10–30 ms.
 * Null when the probes are not a list of classes for exactly these characters.
 */
export function buildWordClassesFrom(probed: readonly number[]): Uint8Array | null {
  if (probed.length !== PROBED.length || !probed.every((c) => Number.isInteger(c) && c >= OTHER && c <= COMPLEX)) return null;
  const classes = new Uint8Array(0x10000).fill(COMPLEX);
  fillStaticClasses(classes);
  classes[0xfeff] = EXTEND; // byte order mark / zero-width no-break space: Format
  PROBED.forEach((code, i) => (classes[code] = probed[i]!));
  return classes;
}
