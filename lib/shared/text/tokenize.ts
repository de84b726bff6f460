import { fold } from './fold.ts';
import { scanWords } from './scan-words.ts';

/** One word of a text, with where it stands in the original string. */
export interface Token {
  /** The word as written. */
  text: string;
  /** The folded word (see `fold`). */
  term: string;
  /** UTF-16 offset of the word in the text. */
  start: number;
  end: number;
}

// Apostrophes inside words ("China’s", "don't") are unified so both spellings fold alike.
const CURLY_APOSTROPHE = /[\u2019\u02bc]/g;

/** A word as written, folded as `tokenize` folds it (its `term`). */
export function foldToken(word: string): string {
  return fold(word.replace(CURLY_APOSTROPHE, "'"));
}

function token(text: string, start: number, end: number): Token {
  const word = text.slice(start, end);
  return { text: word, term: foldToken(word), start, end };
}

/**
 * Splits text into words, in any script, exactly where `Intl.Segmenter` would (see
 * `segmentWords`), but fast: Latin, Greek and Cyrillic text is scanned by `scanWords`, and only
 * runs of other scripts (Chinese, Japanese, Thai…) go to the segmenter. Punctuation and spaces
 * are not words. Offsets point into the original text, so callers can mark words in place.
 */
export function tokenize(text: string): Token[] {
  const { offsets } = scanWords(text);
  const tokens: Token[] = new Array(offsets.length >> 1);
  for (let i = 0; i < offsets.length; i += 2) tokens[i >> 1] = token(text, offsets[i]!, offsets[i + 1]!);
  return tokens;
}

// Segmenters are costly to create (Chromium's first one in a page takes 10–30 ms) and safe to
// share; "und" lets ICU choose per script, which is what splits Chinese and Japanese into words
// and leaves spaced scripts to their spaces. Created on first use: importing this module into the
// content script must not cost every page that much.
let segmenter: Intl.Segmenter | undefined;

/**
 * The definition `tokenize` follows: the word-like segments of `Intl.Segmenter`. Slow (a few
 * microseconds a word, and quadratic on long strings in Node 20): kept as the reference the
 * tests compare `tokenize` with.
 */
export function segmentWords(text: string): Token[] {
  const tokens: Token[] = [];
  segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
  for (const { index, segment, isWordLike } of segmenter.segment(text)) {
    if (isWordLike) tokens.push(token(text, index, index + segment.length));
  }
  return tokens;
}
