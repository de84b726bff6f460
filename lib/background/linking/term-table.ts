import { STOP_WORDS } from '../../shared/text/stop-words.ts';
import { matchTerm } from '../../shared/linking/phrase-key.ts';
import { isCommonWord } from './common-words.ts';
import { isGenericWord } from './generic-words.ts';

/** What the vocabulary needs to know about one folded word; computed once per word per build. */
export interface TermInfo {
  /** The word's match term (`matchTerm`): how it appears in phrase keys. */
  key: string;
  /** A stop word: may sit inside a phrase, never at either end. */
  stop: boolean;
  /** Cannot start or end a phrase: a stop word, a number, a lone letter or character. */
  edge: boolean;
  /** Says nothing about a topic (`isGenericWord`). */
  generic: boolean;
  /** Ordinary English (`isCommonWord`; generic words included). */
  common: boolean;
  /** At least 4 letters, or 2 characters in a script written without spaces. */
  long: boolean;
  /** Looks like an adverb ("rapidly"), a participle ("shared") or an adjective ("technological"). */
  shape: 'adverb' | 'participle' | 'adjective' | undefined;
  /** Written in a script with capitals. */
  cased: boolean;
  /** How the match term is written, counted over the whole collection. */
  usage: TermUsage;
}

/** How a match term is written where capitals mean something (not at sentence starts). */
export interface TermUsage {
  capitalised: number;
  lower: number;
  /** Times it starts a capitalised run mid-sentence ("in Wuzhen, …"). */
  nameStarts: number;
}

const NUMBER = /^[\p{N}.,;'’]+(?:st|nd|rd|th|s)?$/u;
/** Scripts written without spaces: a word of two characters there can be a whole name. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const CASED = /[\p{Lu}\p{Ll}]/u;
const MIN_LETTERS = 4;
const MIN_UNSPACED = 2;
const SHAPES = [
  ['adverb', /ly$/],
  // Not -ing: too many nouns end so ("gegenpressing", "machine learning").
  ['participle', /ed$/],
  ['adjective', /(?:ical|ional|ive|ous|ful|less|able|ible)$/],
] as const;
/** Shorter words are too often nouns with these endings ("seed", "ring", "only"). */
const SHAPE_MIN_LENGTH = 6;

/** A per-build cache of `TermInfo`, and how every match term is written. */
export class TermTable {
  readonly #infos = new Map<string, TermInfo>();
  readonly #usage = new Map<string, TermUsage>();

  info(folded: string): TermInfo {
    let info = this.#infos.get(folded);
    if (info === undefined) {
      info = describe(folded, this.usage(matchTerm(folded)));
      this.#infos.set(folded, info);
    }
    return info;
  }

  /** The usage counts of a match term; words folding to the same term share them. */
  usage(key: string): TermUsage {
    let usage = this.#usage.get(key);
    if (usage === undefined) {
      usage = { capitalised: 0, lower: 0, nameStarts: 0 };
      this.#usage.set(key, usage);
    }
    return usage;
  }

  /** Capitalised every time it was seen mid-sentence, and not an ordinary word: a proper noun. */
  isProperNoun(key: string): boolean {
    const { capitalised, lower } = this.usage(key);
    return capitalised > 0 && lower === 0 && !this.info(key).common;
  }

  /** A proper noun that starts names of its own. */
  startsNames(key: string): boolean {
    return this.usage(key).nameStarts > 0 && this.isProperNoun(key);
  }
}

function describe(folded: string, usage: TermUsage): TermInfo {
  const key = matchTerm(folded);
  const stop = STOP_WORDS.has(folded);
  const unspaced = UNSPACED.test(folded);
  const generic = isGenericWord(folded) || isGenericWord(key);
  const latin = !unspaced && key.length >= SHAPE_MIN_LENGTH;
  return {
    key,
    stop,
    edge: stop || NUMBER.test(folded) || [...key].length < 2,
    generic,
    common: generic || isCommonWord(folded) || isCommonWord(key),
    long: [...key].length >= (unspaced ? MIN_UNSPACED : MIN_LETTERS),
    shape: latin ? SHAPES.find(([, ending]) => ending.test(key))?.[0] : undefined,
    cased: CASED.test(folded),
    usage,
  };
}

/**
 * Can be a phrase on its own, at least as a name, and gives a phrase of several words its meaning
 * ("cables" in "submarine cables"): long and not ordinary English.
 */
export function standsAlone(info: TermInfo): boolean {
  return info.long && !info.edge && !info.common;
}
