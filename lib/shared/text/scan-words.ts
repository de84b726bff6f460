import { buildWordClassesFrom, probeWordClasses, WordBreak } from './word-break-classes.ts';

// Local constants: the hot loop below reads them for every character.
const { OTHER, LETTER, NUMERIC, MID_LETTER, MID_NUM_LETTER, MID_NUM, EXTEND_NUM_LETTER, EXTEND, SPACE, NEWLINE, COMPLEX } =
  WordBreak;

/**
 * Finds the words of a text exactly where `tokenize` finds them (same starts and ends), but
 * without `Intl.Segmenter` for Latin, Greek and Cyrillic text: a loop over character classes that
 * implements the UAX #29 word rules the segmenter applies there. In Chromium the segmenter costs
 * about 100 ms per MB of text, this loop a few. Runs of other scripts (CJK, Thai, emoji, …) go to
 * the segmenter, cut at places where segmentation provably restarts (a letter or digit after a
 * space or punctuation), so the result is the segmenter's own.
 */
export function scanWords(text: string, buffers?: WordBuffers): ScannedWords {
  const scanner = getScanner();
  const words = buffers ? reuseWords(buffers, text.length) : emptyWords(text.length);
  if (scanner.classes === null) segmentInto(scanner.segmenter(), text, 0, text.length, words);
  else scanFast(text, scanner.classes, scanner.segmenter, words);
  return { offsets: words.data.subarray(0, words.length), hashes: words.hashes.subarray(0, words.length >> 1) };
}

export interface ScannedWords {
  /** Flat pairs `[start0, end0, start1, end1, …]`: UTF-16 offsets of each word. */
  offsets: Int32Array;
  /** `hashWord` of each word, computed on the way: it saves the word table a second read. */
  hashes: Int32Array;
}

/**
 * FNV-1a over the UTF-16 code units of `text[start, end)`, A–Z folded to a–z, so "The" and "the"
 * share a hash.
 */
export function hashWord(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let at = start; at < end; at++) hash = mix(hash, text.charCodeAt(at));
  return hash;
}

const FNV_OFFSET = 0x811c9dc5 | 0;

const FNV_PRIME = 0x01000193;

function mix(hash: number, code: number): number {
  return Math.imul(hash ^ (code >= 0x41 && code <= 0x5a ? code | 0x20 : code), FNV_PRIME);
}

/** A growable list of words: typed arrays, because a million-character page has 170,000 words. */
interface Offsets {
  data: Int32Array;
  hashes: Int32Array;
  length: number;
}

/**
 * Room for the words of one text that `scanWords` fills instead of allocating it: a caller that
 * scans text after text and is done with each result before the next (as `findPhrases` is)
 * passes the same object every time. Results are views into it, overwritten by the next scan.
 */
export type WordBuffers = Offsets;

export function createWordBuffers(): WordBuffers {
  return emptyWords(0);
}

function emptyWords(textLength: number): Offsets {
  const capacity = wordCapacity(textLength);
  return { data: new Int32Array(2 * capacity), hashes: new Int32Array(capacity), length: 0 };
}

function reuseWords(buffers: WordBuffers, textLength: number): Offsets {
  const capacity = wordCapacity(textLength);
  if (buffers.hashes.length < capacity) {
    buffers.data = new Int32Array(2 * capacity);
    buffers.hashes = new Int32Array(capacity);
  }
  buffers.length = 0;
  return buffers;
}

// Prose has a word every six characters or so: room for one every four, rarely a second allocation.
function wordCapacity(textLength: number): number {
  return (textLength >> 2) + 8;
}

function push(words: Offsets, start: number, end: number, hash: number): void {
  if (words.length + 2 > words.data.length) {
    const data = new Int32Array(words.data.length * 2);
    const hashes = new Int32Array(words.data.length);
    data.set(words.data);
    hashes.set(words.hashes);
    words.data = data;
    words.hashes = hashes;
  }
  words.hashes[words.length >> 1] = hash;
  words.data[words.length++] = start;
  words.data[words.length++] = end;
}

interface Scanner {
  /** Created on first need: most pages never meet a character the class table leaves to it. */
  segmenter: () => Intl.Segmenter;
  /** Null when the engine's segmenter disagrees with the class rules: then it does everything. */
  classes: Uint8Array | null;
}

/** What the background found out about this browser's word rules, so a page can skip finding out. */
export interface WordScannerProfile {
  /** `probeWordClasses` of this engine. */
  probed: number[];
  /** Whether the class rules agree with this engine's segmenter on the canary text. */
  agrees: boolean;
}

let shared: Scanner | undefined;

function lazySegmenter(): () => Intl.Segmenter {
  let segmenter: Intl.Segmenter | undefined;
  return () => (segmenter ??= new Intl.Segmenter('und', { granularity: 'word' }));
}

// Built lazily: the class table costs about a millisecond, and importing must stay cheap.
function getScanner(): Scanner {
  if (shared) return shared;
  const segmenter = lazySegmenter();
  const classes = buildWordClassesFrom(probeWordClasses(segmenter()))!;
  shared = { segmenter, classes: agreesWithSegmenter(classes, segmenter()) ? classes : null };
  return shared;
}

let profile: WordScannerProfile | undefined;

/** This engine's profile, worked out (with a segmenter) once per context. */
export function wordScannerProfile(): WordScannerProfile {
  if (profile) return profile;
  const scanner = getScanner();
  profile = { probed: probeWordClasses(scanner.segmenter()), agrees: scanner.classes !== null };
  return profile;
}

/**
 * Sets up the scanner from a profile made in another context of the same browser, without
 * creating a segmenter. Ignored when the scanner is already set up or the profile is malformed.
 */
export function primeWordScanner(profile: WordScannerProfile | undefined): void {
  if (shared || !profile || !Array.isArray(profile.probed)) return;
  const classes = buildWordClassesFrom(profile.probed);
  if (!classes) return;
  shared = { segmenter: lazySegmenter(), classes: profile.agrees === true ? classes : null };
}

// Every handled class in the contexts where engines are known to differ. If an engine tailors
// its word rules in a way the table does not foresee, the scanner steps aside instead of
// silently finding other words.
const CANARY =
  "Café l'été, e.g. U.S.A. 3.14 10:30 a:b x_y __ _ ab_ a_\u0301 1_000 foo-bar don’t don't 'tis o'clock' " +
  'Zürich naïve co\u00adop a\u0301b 1\u202f000 Ωμέγα Привет 3,5 a,b a;b 3;4 l·l x\u2027y 1\u20442 ' +
  '\t(x) [y] {z} "q" «r» — – … • € $5 100% #tag @me a/b a\\b a|b a+b a=b a<b a~b a^b a`b\n\r\nend.';

function agreesWithSegmenter(classes: Uint8Array, segmenter: Intl.Segmenter): boolean {
  const expected = emptyWords(0);
  const actual = emptyWords(0);
  segmentInto(segmenter, CANARY, 0, CANARY.length, expected);
  scanFast(CANARY, classes, () => segmenter, actual);
  if (actual.length !== expected.length) return false;
  for (let i = 0; i < actual.length; i++) if (actual.data[i] !== expected.data[i]) return false;
  return true;
}

function segmentInto(segmenter: Intl.Segmenter, text: string, from: number, to: number, words: Offsets): void {
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  for (const { index, segment, isWordLike } of segmenter.segment(part)) {
    if (isWordLike) {
      const start = from + index;
      push(words, start, start + segment.length, hashWord(text, start, start + segment.length));
    }
  }
}

/** A letter or digit after a space, newline or punctuation: no word rule looks back across it. */
function isRestart(classes: Uint8Array, text: string, at: number): boolean {
  const here = classes[text.charCodeAt(at)];
  if (here !== LETTER && here !== NUMERIC) return false;
  const before = classes[text.charCodeAt(at - 1)];
  return before === SPACE || before === NEWLINE || before === OTHER;
}

function scanFast(text: string, classes: Uint8Array, segmenter: () => Intl.Segmenter, words: Offsets): void {
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
    if (i > 0 && kind !== EXTEND_NUM_LETTER) {
      // isRestart, written out
      const before = classes[text.charCodeAt(i - 1)];
      if (before === SPACE || before === NEWLINE || before === OTHER) restart = i;
    }
    const start = i;
    let last: number = OTHER;
    let hasLetterOrDigit = false;
    let joiners = 0;
    let complexAt = -1;
    let coreEnd = i; // after the last character that is not Extend or Format
    let hash = FNV_OFFSET;
    for (;;) {
      // Runs of letters and digits are most of any text: a tight loop for them (WB5, WB8–WB10).
      // `mix` is written out: on a fresh page this loop runs before the engine inlines calls.
      const run = i;
      while (i < length) {
        const code = text.charCodeAt(i);
        kind = classes[code]!;
        if (kind !== LETTER && kind !== NUMERIC) break;
        hash = Math.imul(hash ^ (code >= 0x41 && code <= 0x5a ? code | 0x20 : code), FNV_PRIME);
        last = kind;
        i++;
      }
      if (i > run) {
        hasLetterOrDigit = true;
        coreEnd = i;
      }
      if (i >= length) break;
      if (kind === EXTEND) {
        hash = mix(hash, text.charCodeAt(i++)); // WB4
        continue;
      }
      if (kind === COMPLEX) {
        complexAt = i;
        break;
      }
      if (kind === EXTEND_NUM_LETTER) {
        // WB13a, WB13b
        last = kind;
        joiners++;
        hash = mix(hash, text.charCodeAt(i));
        coreEnd = ++i;
        continue;
      }
      const bridgesLetters = last === LETTER && (kind === MID_LETTER || kind === MID_NUM_LETTER);
      const bridgesDigits = last === NUMERIC && (kind === MID_NUM || kind === MID_NUM_LETTER);
      if (!bridgesLetters && !bridgesDigits) break;
      // WB6/WB7 and WB11/WB12: the punctuation joins only if the same kind follows it.
      let next = i + 1;
      let nextKind: number = OTHER;
      while (next < length && (nextKind = classes[text.charCodeAt(next)]!) === EXTEND) next++;
      if (next >= length) break;
      if (nextKind === COMPLEX) {
        complexAt = next;
        break;
      }
      if (nextKind !== last) break;
      for (; i <= next; i++) hash = mix(hash, text.charCodeAt(i));
      coreEnd = i;
    }
    if (complexAt >= 0) {
      i = segmentComplex(text, classes, segmenter, restart, complexAt, words);
      restart = i;
      continue;
    }
    // ICU quirk: a word ending in "_" plus accents or format characters ("a_\u0301") is not word-like.
    const endsInJoinerAndExtend = last === EXTEND_NUM_LETTER && coreEnd < i;
    if ((hasLetterOrDigit || joiners > 1) && !endsInJoinerAndExtend) {
      if (words.length + 2 <= words.data.length) {
        // push, written out for the common case (room left)
        words.hashes[words.length >> 1] = hash;
        words.data[words.length++] = start;
        words.data[words.length++] = i;
      } else {
        push(words, start, i, hash);
      }
    }
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
  segmenter: () => Intl.Segmenter,
  from: number,
  complexAt: number,
  words: Offsets,
): number {
  while (words.length > 0 && words.data[words.length - 2]! >= from) words.length -= 2;
  let to = complexAt + 1;
  while (to < text.length && !isRestart(classes, text, to)) to++;
  segmentInto(segmenter(), text, from, to, words);
  return to;
}
