import { CONNECTORS } from './extract-entities.ts';
import { isCommonName } from './generic-words.ts';
import type { PhraseCounter } from './phrase-counter.ts';
import type { TermTable } from './term-table.ts';

const AND: ReadonlySet<string> = new Set(['and', 'und', 'et', 'y']);
/** Words that put a person's office before the name: "President Xi Jinping" names "Xi Jinping". */
const TITLES = new Set(
  `president premier minister chancellor king queen prince princess pope mr mrs ms dr prof professor
  sir dame lord lady senator governor mayor judge ceo chairman chairwoman ambassador spokesman
  spokeswoman spokesperson coach captain bishop archbishop cardinal sheikh emir sultan colonel`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * How often each key was written as a name of its own, once every capitalised run of the
 * collection is split into the names it holds (see `nameParts`). A run at a sentence start counts
 * as it is if it is also written as a name mid-sentence, or if its first word is mostly
 * capitalised there or, right before another capitalised word, is no ordinary word and never
 * written in lower case ("Elon Musk said", but not "Simmer the San Marzano");
 * otherwise its first word is an ordinary word that happened to start the sentence.
 */
export function resolveNames(counter: PhraseCounter, terms: TermTable, maxWords: number): Map<string, number> {
  const names = new Map<string, number>();
  const credit = (parts: string[][], count: number) => {
    if (count === 0) return;
    for (const part of parts) {
      const key = part.join(' ');
      names.set(key, (names.get(key) ?? 0) + count);
    }
  };
  for (const stats of counter.values()) {
    if (stats.span === 0) continue;
    const words = stats.key.split(' ');
    const midSentence = stats.span - stats.spanInitial;
    credit(nameParts(words, terms, maxWords), midSentence);
    if (stats.spanInitial === 0) continue;
    const { capitalised, lower } = terms.usage(words[0]!);
    const unknown = words.length > 1 && !CONNECTORS.has(words[1]!) && lower === 0 && !terms.info(words[0]!).common;
    const named = midSentence > 0 || (capitalised > 0 && capitalised >= lower) || unknown;
    credit(nameParts(named ? words : words.slice(1), terms, maxWords), stats.spanInitial);
  }
  return names;
}

/**
 * The names in a capitalised run, as lists of match terms: an office before a name is dropped
 * ("Chinese President Xi Jinping" → "Xi Jinping"); a run is split where a proper noun follows
 * ordinary capitalised words (`startsProperNoun`: "World Internet Conference Wuzhen Summit" →
 * "World Internet Conference", "Wuzhen Summit") and at an "and" between names (`joinsTwoNames`);
 * a run longer than `maxWords` is split at its connectors. A part made only of offices and
 * common names ("Chinese President") is no name.
 */
export function nameParts(words: string[], terms: TermTable, maxWords: number): string[][] {
  const office = words.findLastIndex((word, i) => TITLES.has(word) && i + 1 < words.length);
  const name = office >= 0 && !CONNECTORS.has(words[office + 1]!) ? words.slice(office + 1) : words;
  const parts: string[][] = [];
  for (const segment of splitBefore(name, (i, start) => startsProperNoun(name, i, start, terms))) {
    const pieces = splitAround(segment, (i, start) =>
      segment.length > maxWords ? CONNECTORS.has(segment[i]!) : joinsTwoNames(segment, i, start, terms));
    for (const piece of pieces) {
      const part = trimConnectors(piece);
      if (part.length > 0 && part.length <= maxWords && !part.every((w) => TITLES.has(w) || isCommonName(w))) {
        parts.push(part);
      }
    }
  }
  return parts;
}

/**
 * A proper noun that starts names of its own elsewhere starts a new name after at least two
 * ordinary capitalised words ("World Internet Conference | Wuzhen Summit"); after one, or if it
 * never starts a name ("Europa Conference League"), it is part of the same name ("Old Trafford").
 */
function startsProperNoun(words: string[], i: number, start: number, terms: TermTable): boolean {
  const previous = words[i - 1]!;
  const ordinary = terms.info(previous).common || terms.usage(previous).lower > 0;
  return i - start >= 2 && terms.startsNames(words[i]!) && ordinary && !CONNECTORS.has(previous);
}

/**
 * "Andalusia and Puglia", "Cain Street and Piedmont Avenue", "Neversink and the Delaware" list
 * names; "Belt and Road (Initiative)" is one: one ordinary word before "and", and no article after.
 */
function joinsTwoNames(words: string[], i: number, start: number, terms: TermTable): boolean {
  if (!AND.has(words[i]!)) return false;
  const properNouns = terms.isProperNoun(words[i - 1] ?? '') && terms.isProperNoun(words[i + 1] ?? '');
  return properNouns || i - start >= 2 || CONNECTORS.has(words[i + 1] ?? '');
}

function splitBefore(words: string[], boundary: (i: number, start: number) => boolean): string[][] {
  const parts: string[][] = [];
  let start = 0;
  for (let i = 1; i < words.length; i++) {
    if (!boundary(i, start)) continue;
    parts.push(words.slice(start, i));
    start = i;
  }
  parts.push(words.slice(start));
  return parts;
}

function splitAround(words: string[], separator: (i: number, start: number) => boolean): string[][] {
  const parts: string[][] = [[]];
  let start = 0;
  words.forEach((word, i) => {
    if (separator(i, start)) {
      parts.push([]);
      start = i + 1;
    } else {
      parts.at(-1)!.push(word);
    }
  });
  return parts;
}

function trimConnectors(words: string[]): string[] {
  let start = 0;
  let end = words.length;
  while (start < end && CONNECTORS.has(words[start]!)) start++;
  while (end > start && CONNECTORS.has(words[end - 1]!)) end--;
  return words.slice(start, end);
}
