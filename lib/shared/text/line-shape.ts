/** What a line looks like, before anything is known about what it says. */
export interface LineShape {
  /** Words, counting two CJK characters as one word (they are written without spaces). */
  words: number;
  /** Ends like a sentence: `.`, `!`, `?`, `…` or their CJK forms, perhaps before a closing quote. */
  endsSentence: boolean;
  /** Reads like a paragraph of running text, not a heading, label or widget. */
  prose: boolean;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
const SENTENCE_END = /[.!?。！？…]["'”’»)\]）」』]*$/u;
/** A sentence of this many words or more is a paragraph. */
const PROSE_SENTENCE_WORDS = 8;
/** A line this long is running text even without a full stop (a wrapped or cut-off paragraph). */
const PROSE_WORDS = 20;

export function lineShape(line: string): LineShape {
  const cjk = line.match(CJK)?.length ?? 0;
  const spaced = line.replace(CJK, ' ').match(WORD)?.length ?? 0;
  const words = spaced + Math.ceil(cjk / 2);
  const endsSentence = SENTENCE_END.test(line);
  return {
    words,
    endsSentence,
    prose: (endsSentence && words >= PROSE_SENTENCE_WORDS) || words >= PROSE_WORDS,
  };
}
