// Runs, not single letters: counted run by run, a news article is a few hundred matches instead of
// thousands of one-letter strings (Cairn issue 10: this took half the time of reading a JSON Lines file).
const LETTER = /\p{L}+/gu;
const HAN = /\p{Script=Han}+/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]+/gu;
const LATIN = /\p{Script=Latin}+/gu;
const ASCII_LETTER = /[A-Za-z]+/g;
const WORD = /[a-z]+(?:['’][a-z]+)?/g;
/**
 * English words that other languages written in Latin letters rarely use as often ("in", "a",
 * "was", "also" are left out: German, Dutch, Spanish and Italian share them).
 */
const ENGLISH_FUNCTION_WORDS = new Set(
  `the of and to is that for it with as on are by this be from at has have which its or not were
  been their they we he she but these would can`.split(/\s+/),
);
/** Share of letters in a script for the text to be "in" it. */
const HAN_SHARE = 0.5;
const LATIN_SHARE = 0.9;
/** Japanese mixes kana into Han text; more kana than this and the text is not Chinese. */
const KANA_SHARE = 0.02;
/** English keeps to ASCII; French or German text has more accented letters than this allows. */
const ASCII_SHARE = 0.98;
/** In running English about a third of words are function words; well below means another language. */
const FUNCTION_WORD_SHARE = 0.12;
const MIN_WORDS = 5;

/**
 * Tells the language of a text from its letters, modestly: `zh` when most letters are Han
 * characters and next to no Japanese kana, `en` when nearly all letters are plain ASCII and
 * English function words are common. Anything else is undefined: a wrong language tag is worse
 * than none.
 */
export function detectLanguage(text: string): string | undefined {
  const letters = count(text, LETTER);
  if (letters === 0) return undefined;
  const han = count(text, HAN);
  if (han / letters >= HAN_SHARE) return count(text, KANA) / letters < KANA_SHARE ? 'zh' : undefined;
  const latin = count(text, LATIN);
  if (latin / letters < LATIN_SHARE || count(text, ASCII_LETTER) / latin < ASCII_SHARE) return undefined;
  const words = text.toLowerCase().match(WORD) ?? [];
  if (words.length < MIN_WORDS) return undefined;
  const functionWords = words.filter((word) => ENGLISH_FUNCTION_WORDS.has(word)).length;
  return functionWords / words.length >= FUNCTION_WORD_SHARE ? 'en' : undefined;
}

/** How many characters (code points) of `text` the runs `pattern` finds hold. */
function count(text: string, pattern: RegExp): number {
  // Without surrogate pairs every character is one UTF-16 unit: what the runs take out is the count.
  if (!SURROGATE.test(text)) return text.length - text.replace(pattern, '').length;
  let characters = 0;
  for (const [run] of text.matchAll(pattern)) characters += Array.from(run).length;
  return characters;
}

const SURROGATE = /[\ud800-\udfff]/;
