import { fold } from '../text/fold.ts';
import { tokenize, type Token } from '../text/tokenize.ts';

// Letters, marks, decimal digits, letter numbers, connector punctuation and invisible joiners: the
// characters Unicode word segmentation (UAX #29) keeps inside one word of a spaced script.
const CORE = String.raw`[\p{L}\p{M}\p{Nd}\p{Nl}_\u00ad\u200c\u200d]`;
// Between two letters, UAX #29 joins across `:`, `·`, `'`, `’` and `.` ("U.S", "China’s"); between
// two digits across `,`, `;`, `.` and apostrophes ("3,000", "2.5").
const JOIN = String.raw`(?:(?<=[\p{L}\p{M}])[:·'’.\u2018\u2024\ufe52\uff07\uff0e](?=\p{L})|(?<=\p{Nd})[,;'’.\u2018\u066c\ufe50\ufe54\uff0c\uff1b](?=\p{Nd}))`;
const WORD = new RegExp(`${CORE}+(?:${JOIN}${CORE}+)*`, 'gu');
const HAS_WORD_CHARACTER = /[\p{L}\p{Nd}\p{Nl}]/u;
/** Scripts whose words are separated by spaces, plus shared punctuation and symbols. */
const SPACED_TEXT = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]*$/u;
const CURLY_APOSTROPHE = /[\u2019\u02bc]/g;
const ASCII = /^[\x20-\x7e]*$/;

/**
 * The words of one line, exactly as `tokenize` gives them, but fast for text in spaced scripts.
 * `Intl.Segmenter` costs microseconds per word and more on long strings; mining a large
 * collection reads every word, so spaced text takes this regular expression (the UAX #29 rules
 * that matter for prose) and anything else (CJK, Thai, Hebrew…) still goes through `tokenize`.
 * The vocabulary checks every phrase's key against `phraseKey` in the end, so a rare difference
 * can only drop a phrase, never produce a key that matching would not.
 */
export function splitWords(line: string): Token[] {
  if (!SPACED_TEXT.test(line)) return tokenize(line);
  const tokens: Token[] = [];
  for (const match of line.matchAll(WORD)) {
    const text = match[0];
    if (!HAS_WORD_CHARACTER.test(text)) continue;
    const start = match.index;
    // Plain ASCII folds to its lower case; skipping Unicode normalisation halves the cost.
    const term = ASCII.test(text) ? text.toLowerCase() : fold(text.replace(CURLY_APOSTROPHE, "'"));
    tokens.push({ text, term, start, end: start + text.length });
  }
  return tokens;
}
