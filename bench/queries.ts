import { indexTerm } from '../lib/shared/search/index-terms.ts';
import { fold } from '../lib/shared/text/fold.ts';
import type { BrownCorpus } from './brown-corpus.ts';
import { mulberry32, pick, randomInt, type Random } from './prng.ts';

/**
 * - `words`: one to three finished words, typed without a trailing space;
 * - `keystroke`: what the popup searches on each keystroke while one or two words are typed;
 * - `typo`: a query with one word mistyped by one edit.
 */
export type QueryKind = 'words' | 'keystroke' | 'typo';

export interface BenchQuery {
  text: string;
  kind: QueryKind;
}

export interface QuerySets {
  /** The realistic mix: 40 % words, 35 % keystrokes, 25 % typos. */
  mix: BenchQuery[];
  /** `a` … `z`: the shortest possible prefix. */
  oneChar: BenchQuery[];
  /** The first two letters of 60 words: the shortest prefix the product expands. */
  twoChar: BenchQuery[];
}

export const QUERY_SEED = 0x5eac4;

/** Queries drawn from the Brown vocabulary, the same for every collection size. */
export function makeQueries(corpus: BrownCorpus, count: number, seed = QUERY_SEED): QuerySets {
  const random = mulberry32(seed);
  const vocabulary = rankVocabulary(corpus);
  const word = (minLength = 3) => {
    for (;;) {
      const candidate = sampleWord(random, vocabulary);
      if (candidate.length >= minLength) return candidate;
    }
  };
  const phrase = (length: number) => samplePhrase(random, corpus, length) ?? word();

  const quota = { words: Math.round(count * 0.4), keystroke: Math.round(count * 0.35) };
  const mix: BenchQuery[] = [];
  for (let i = 0; i < quota.words; i++) {
    const length = randomInt(random, 1, 3);
    mix.push({ text: length === 1 ? word() : phrase(length), kind: 'words' });
  }
  for (let typed = 0; typed < quota.keystroke; ) {
    const target = random() < 0.6 ? word(4) : phrase(2);
    for (let end = 1; end <= target.length && typed < quota.keystroke; end++, typed++) {
      mix.push({ text: target.slice(0, end), kind: 'keystroke' });
    }
  }
  while (mix.length < count) {
    const typo = misspell(random, word(5));
    mix.push({ text: random() < 0.7 ? typo : `${word()} ${typo}`, kind: 'typo' });
  }

  const oneChar = [...'abcdefghijklmnopqrstuvwxyz'].map((c) => ({ text: c, kind: 'keystroke' as const }));
  const twoChar = Array.from({ length: 60 }, () => ({ text: word(4).slice(0, 2), kind: 'keystroke' as const }));
  return { mix, oneChar, twoChar };
}

interface RankedVocabulary {
  /** Searchable words (not stop words, three letters or more), most frequent first. */
  words: string[];
}

const PLAIN_WORD = /^[a-z][a-z'-]*[a-z]$/;

function rankVocabulary(corpus: BrownCorpus): RankedVocabulary {
  const counts = new Map<string, number>();
  for (const sample of corpus.samples) {
    for (const sentence of sample) {
      for (const written of sentence.words) {
        const word = written.toLowerCase();
        if (isSearchable(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
      }
    }
  }
  const words = [...counts].filter(([, n]) => n >= 3).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { words: words.map(([w]) => w) };
}

function isSearchable(word: string): boolean {
  return word.length >= 3 && PLAIN_WORD.test(word) && indexTerm(fold(word)) !== null;
}

// Ranks are drawn log-uniformly from 20 on: every frequency band weighs the same, so queries mix
// common words (long posting lists) with rarer, more distinctive ones, as people's queries do.
const SKIP_TOP = 20;

function sampleWord(random: Random, vocabulary: RankedVocabulary): string {
  const { words } = vocabulary;
  const rank = Math.floor(Math.exp(Math.log(SKIP_TOP) + random() * (Math.log(words.length) - Math.log(SKIP_TOP))));
  return words[Math.min(words.length - 1, rank)]!;
}

/** `length` consecutive searchable words of a random sentence, or null if it has too few. */
function samplePhrase(random: Random, corpus: BrownCorpus, length: number): string | null {
  for (let attempt = 0; attempt < 20; attempt++) {
    const sentence = pick(random, pick(random, corpus.samples));
    const words = sentence.words.map((w) => w.toLowerCase()).filter(isSearchable);
    if (words.length < length) continue;
    const start = randomInt(random, 0, words.length - length);
    return words.slice(start, start + length).join(' ');
  }
  return null;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** The word with one edit: a letter replaced, dropped, added, or two neighbours swapped. */
export function misspell(random: Random, word: string): string {
  for (;;) {
    const at = randomInt(random, 1, word.length - 1);
    const letter = pick(random, [...LETTERS]);
    const edits = [
      word.slice(0, at) + letter + word.slice(at + 1),
      word.slice(0, at) + word.slice(at + 1),
      word.slice(0, at) + letter + word.slice(at),
      word.slice(0, at - 1) + word.charAt(at) + word.charAt(at - 1) + word.slice(at + 1),
    ];
    const typo = pick(random, edits);
    if (typo !== word) return typo;
  }
}
