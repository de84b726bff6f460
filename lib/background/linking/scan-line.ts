import { tokenize } from '../../shared/text/tokenize.ts';
import type { TermInfo, TermTable } from './term-table.ts';

/** One word of a line, with what phrase mining needs around it. */
export interface LineWord {
  start: number;
  end: number;
  info: TermInfo;
  /** Written with a capital first letter. */
  capitalised: boolean;
  /** Only a space or a hyphen separates it from the word before: both may be in one phrase. */
  joined: boolean;
  /** Its capitalisation tells a name from a word: not at a sentence start, not in a Title Case line. */
  informative: boolean;
}

/** A line of an article (the title, or one paragraph of the body) split into words. */
export interface ScannedLine {
  text: string;
  words: LineWord[];
  /** Written in Title Case (a headline or heading): capitals say nothing about names there. */
  heading: boolean;
}

const JOINING_GAP = /^(?:[ \t\u00a0]+|[-\u2010\u2011])$/;
const SENTENCE_BREAK = /[.!?:;…"“”«»(\[{\u2014\u2013]|--/;
const CAPITAL = /^\p{Lu}/u;
const SPACE = 32;
const UPPER_A = 65;
const UPPER_Z = 90;

/**
 * Splits a line into words and marks which of them may be joined into phrases and whose capitals
 * count as evidence of a name. Counts the capitalisation of informative words in their `usage`.
 */
export function scanLine(text: string, terms: TermTable): ScannedLine {
  const words: LineWord[] = [];
  let previousEnd = -1;
  for (const token of tokenize(text)) {
    // Most gaps are one space: joined and informative without looking further.
    const space = token.start === previousEnd + 1 && text.charCodeAt(previousEnd) === SPACE;
    const gap = previousEnd < 0 || space ? '' : text.slice(previousEnd, token.start);
    const first = token.text.charCodeAt(0);
    words.push({
      start: token.start,
      end: token.end,
      info: terms.info(token.term),
      capitalised: first < 128 ? first >= UPPER_A && first <= UPPER_Z : CAPITAL.test(token.text),
      joined: space || (previousEnd >= 0 && JOINING_GAP.test(gap)),
      informative: space || (previousEnd >= 0 && !SENTENCE_BREAK.test(gap)),
    });
    previousEnd = token.end;
  }
  const heading = isTitleCase(words);
  for (const word of words) {
    if (heading) word.informative = false;
    else if (word.informative && word.info.cased) {
      if (word.capitalised) word.info.usage.capitalised++;
      else word.info.usage.lower++;
    }
  }
  return { text, words, heading };
}

/** Every content word but perhaps one in six is capitalised: "China’s Role in Global Infrastructure". */
function isTitleCase(words: LineWord[]): boolean {
  let capitalised = 0;
  let lower = 0;
  for (const word of words) {
    if (word.info.stop || word.info.edge) continue;
    if (word.capitalised) capitalised++;
    else lower++;
  }
  return capitalised >= 2 && lower <= Math.floor((capitalised + lower) / 6);
}
