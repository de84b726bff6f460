import { fold } from './fold.ts';

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

// Segmenters are costly to create and safe to share; "und" lets ICU choose per script, which is
// what splits Chinese and Japanese into words and leaves spaced scripts to their spaces.
const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

// Apostrophes inside words ("China’s", "don't") are unified so both spellings fold alike.
const CURLY_APOSTROPHE = /[\u2019\u02bc]/g;

/**
 * Splits text into words with `Intl.Segmenter`, in any script. Punctuation and spaces are not
 * words. Offsets point into the original text, so callers can mark words in place.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const { segment, index, isWordLike } of segmenter.segment(text)) {
    if (!isWordLike) continue;
    tokens.push({
      text: segment,
      term: fold(segment.replace(CURLY_APOSTROPHE, "'")),
      start: index,
      end: index + segment.length,
    });
  }
  return tokens;
}
